import Architecture

extension SyntheticSimulation {
    static func cache() -> ComponentSnapshot {
        ComponentSnapshot(
            name: "cache", kind: "cache", health: .down,
            strategies: [option("write", "write-through"), option("eviction", "lru")],
            metrics: traffic(rate: 18_400, p50: 310, p99: 2_900) + [
                Metric("hitRatio", "hit", 0.812, .ratio),
                Metric("items", "items", 82_400, .count),
                Metric("memory", "memory", 1_250_000_000, .bytes),
                Metric("evictions", "evict/s", 120, .perSecond),
                Metric("expired", "expired/s", 35, .perSecond),
            ],
            nodes: [
                node("cache.node-1", 0.62, throughput: 9_300, detail: "41.0k items"),
                node("cache.node-2", 0, health: .down, throughput: 0, detail: "lost 41.2k"),
                node("cache.node-3", 0.59, throughput: 9_100, detail: "41.4k items"),
            ],
            history: series("cache", rate: 18_000, p99: 3_000, errors: 0.1)
                + [
                    Series(
                        key: "hitRatio", label: "hit", unit: .ratio,
                        values: history("cache.hit", level: 0.8))
                ])
    }

    static func database() -> ComponentSnapshot {
        let shards = (0...3).map { number in
            let hot = number == 2
            return node(
                "db.shard-\(number)", hot ? 0.99 : 0.35 + 0.05 * Double(number),
                health: hot ? .slow : .up, throughput: hot ? 2_900 : 820,
                queue: hot ? 412 : 0, detail: hot ? "hot key, leader" : "leader")
        }
        let replicas = (0...3).map { number in
            node(
                "db.replica-\(number)", 0.18, health: number == 1 ? .flaky : .up,
                throughput: 260, detail: "lag " + (number == 2 ? "480.0ms" : "3.2ms"))
        }
        return ComponentSnapshot(
            name: "db", kind: "database", health: .slow,
            strategies: [
                option("sharding", "hash"), option("hashing", "consistent"),
                option("replication", "leader-follower"), option("quorum", "r=1 w=2"),
            ],
            metrics: traffic(rate: 5_360, errors5xx: 640, p50: 2_100, p99: 201_000) + [
                Metric("bloomSaved", "bloom skip", 0.31, .ratio),
                Metric("replicationLag", "max lag", 480_000, .micros),
                Metric("storage", "storage", 48_300_000_000, .bytes),
                Metric("connections", "conns", 310, .count),
                Metric("hintedHandoff", "hinted", 1_204, .count),
            ],
            nodes: shards + replicas,
            history: series("db", rate: 5_000, p99: 60_000, errors: 300))
    }

    static func queue() -> ComponentSnapshot {
        ComponentSnapshot(
            name: "mq", kind: "message-queue", health: .up,
            strategies: [option("mode", "pub-sub"), option("when-full", "reject")],
            metrics: traffic(rate: 2_200, p50: 900, p99: 12_300) + [
                Metric("depth", "messages", 18_420, .count),
                Metric("inTransit", "in transit", 512, .count),
                Metric("consumeRate", "consumed/s", 1_850, .perSecond),
                Metric("limit", "limit", 50_000, .count),
                Metric("redelivered", "redeliv/s", 4, .perSecond),
                Metric("lag", "lag", 9_960_000, .micros),
            ],
            nodes: [
                node("mq.broker-1", 0.41, throughput: 1_100, queue: 9_210, detail: "search"),
                node("mq.broker-2", 0.43, throughput: 1_100, queue: 9_210, detail: "analytics"),
            ],
            history: series("mq", rate: 2_000, p99: 12_000, errors: 0)
                + [
                    Series(
                        key: "depth", label: "depth", unit: .count,
                        values: (0..<60).map { Double($0 * $0 * 5) })
                ])
    }

    static func workers() -> ComponentSnapshot {
        ComponentSnapshot(
            name: "workers", kind: "workers", health: .up,
            strategies: [option("compression", "lossless"), option("retries", "3")],
            metrics: traffic(rate: 1_850, errors5xx: 12, p50: 48_000, p99: 1_450_000) + [
                Metric("failed", "failed", 214, .count),
                Metric("ratio", "compression", 0.38, .ratio),
                Metric("stored", "stored", 7_340_000_000, .bytes),
                Metric("objects", "objects", 231_000, .count),
            ],
            nodes: (1...4).map { number in
                node(
                    "workers.w-\(number)", 0.93, throughput: 462, queue: 3,
                    detail: "cpu 93%")
            },
            history: series("workers", rate: 1_800, p99: 1_400_000, errors: 10))
    }
}
