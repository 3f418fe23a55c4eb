import Architecture

extension SyntheticSimulation {
    static func clients() -> ComponentSnapshot {
        ComponentSnapshot(
            name: "clients", kind: "clients", health: .up,
            metrics: [Metric("offered", "offered", 25_000, .perSecond)]
                + traffic(rate: 23_950, errors4xx: 310, errors5xx: 740, p50: 4_200, p99: 212_000)
                + [
                    Metric("inFlight", "in flight", 1_840, .count),
                    Metric("dropped", "dropped", 1_204, .count),
                    Metric("hotKey", "hot key", 0, .ratio),
                ],
            history: [
                Series(
                    key: "offered", label: "offered", unit: .perSecond,
                    values: history("clients.offered", level: 5_000, count: 50)
                        + [Double](repeating: 25_000, count: 10))
            ] + series("clients", rate: 9_000, p99: 90_000, errors: 200))
    }

    static func dns() -> ComponentSnapshot {
        ComponentSnapshot(
            name: "dns", kind: "dns", health: .up,
            strategies: [option("geo", "on"), option("ttl", "300s")],
            metrics: traffic(rate: 412, p50: 180, p99: 48_000) + [
                Metric("cacheHitRatio", "cache hit", 0.962, .ratio),
                Metric("chainLookups", "root→auth/s", 15.6, .perSecond),
                Metric("records", "records", 3, .count),
                Metric("failures", "failed", 0, .count),
            ],
            nodes: [
                node("dns.resolver", 0.21, throughput: 412, detail: "cache 96%"),
                node("dns.root", 0.01, throughput: 3.1),
                node("dns.tld-com", 0.02, throughput: 6.2),
                node("dns.auth", 0.04, throughput: 15.6, detail: "3 A records"),
            ],
            history: series("dns", rate: 400, p99: 40_000, errors: 0.2))
    }

    static func loadBalancer() -> ComponentSnapshot {
        ComponentSnapshot(
            name: "lb", kind: "load-balancer", health: .up,
            strategies: [option("algorithm", "least-connections"), option("heartbeat", "1s")],
            metrics: traffic(rate: 23_950, errors5xx: 740, p50: 3_900, p99: 210_000) + [
                Metric("healthyBackends", "healthy", 5, .count),
                Metric("failovers", "failovers", 0, .count),
                Metric("activeConnections", "conns", 1_790, .count),
            ],
            nodes: [
                node("lb.primary-a", 0.44, throughput: 23_950, detail: "active"),
                node("lb.primary-b", 0.02, throughput: 0, detail: "standby"),
            ],
            history: series("lb", rate: 9_000, p99: 80_000, errors: 150))
    }

    static func gateway() -> ComponentSnapshot {
        ComponentSnapshot(
            name: "gateway", kind: "api-gateway", health: .up,
            strategies: [option("rate-limit", "token-bucket"), option("auth", "oauth2")],
            metrics: traffic(
                rate: 23_200, errors4xx: 310, errors5xx: 720, p50: 3_800, p99: 208_000) + [
                    Metric("rejected401", "401/s", 12, .perSecond),
                    Metric("rejected429", "429/s", 288, .perSecond),
                    Metric("dedup409", "409/s", 10, .perSecond),
                    Metric("activeConnections", "conns", 1_760, .count),
                ],
            history: series("gateway", rate: 9_000, p99: 80_000, errors: 400),
            log: [
                "125.38s 200 GET /feed 4.1ms req-8f21 c-17",
                "125.38s 429 GET /search 0us req-8f22 c-3 rate limited",
                "125.39s 503 POST /upload 200.4ms req-8f23 c-9 db.shard-2 slow",
                "125.39s 200 GET /profile 2.2ms req-8f24 c-11",
                "125.40s 401 GET /pay 0us req-8f25 c-5 bad token",
            ])
    }

    static func backend() -> ComponentSnapshot {
        ComponentSnapshot(
            name: "backend", kind: "backend", health: .partitioned,
            strategies: [option("concurrency", "optimistic")],
            metrics: traffic(rate: 22_170, errors5xx: 720, p50: 3_400, p99: 205_000) + [
                Metric("retries", "retries/s", 84, .perSecond),
                Metric("cpu", "cpu", 0.71, .ratio),
            ],
            nodes: (1...6).map { number in
                let name = "backend.node-\(number)"
                if number == 4 { return node(name, 0, health: .partitioned, throughput: 0) }
                let load = [0.58, 0.97, 0.74, 0, 0.66, 0.81][number - 1]
                return node(name, load, throughput: 4_434 * load / 0.7, queue: number == 2 ? 37 : 0)
            },
            history: series("backend", rate: 8_000, p99: 70_000, errors: 300))
    }

    static func node(
        _ name: String, _ utilisation: Double, health: Health = .up, throughput: Double,
        queue: Int = 0, detail: String = ""
    ) -> NodeSnapshot {
        NodeSnapshot(
            name: name, health: health, utilisation: utilisation, queueDepth: queue,
            inFlight: Int(utilisation * 16), throughput: throughput, detail: detail)
    }
}
