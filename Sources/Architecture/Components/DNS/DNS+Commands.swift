import SimKernel

extension DNS {
    var nodeNames: [String] { servers.map(\.name) }

    var settings: [Setting] {
        [Setting(name: "ttl", current: formatDuration(addressTTL), choices: [])]
    }

    func set(
        _ setting: String, to value: String, options: [CommandOption], in simulation: Simulation
    ) throws(CommandError) -> String {
        guard setting == "ttl" else { throw CommandError("\(name) settings: ttl") }
        guard let ttl = parseDuration(value), ttl <= 48 * Micros.perHour else {
            throw CommandError("\(name).ttl is a duration up to 48h, such as 5s or 300s")
        }
        addressTTL = ttl
        return "\(name) A-record TTL: \(formatDuration(ttl)) (cached answers keep their old TTL)"
    }

    func fail(node: String?, fault: Fault, in simulation: Simulation) throws(CommandError)
        -> String
    {
        if case .flaky = fault {
            throw CommandError("a nameserver can be killed, slowed or partitioned")
        }
        _ = servers.inject(fault, node: node)
        return describeFault(fault, target: node ?? name)
    }

    func recover(node: String?, in simulation: Simulation) throws(CommandError) -> String {
        _ = servers.heal(node: node)
        return "\(node ?? name) recovered"
    }

    func rollWindow(in simulation: Simulation) {
        let seconds = Micros.toSeconds(simulation.windowMicros)
        stats.roll(windowSeconds: seconds)
        let lookups = window.lookups
        let resolverQueries = window.resolverQueries
        clientHitRatio = lookups == 0 ? .nan : Double(window.clientHits) / Double(lookups)
        resolverHitRatio =
            resolverQueries == 0 ? .nan : Double(window.resolverHits) / Double(resolverQueries)
        resolutionRate = Double(window.resolutions) / seconds
        stepsPerResolution =
            window.resolutions == 0 ? .nan : Double(window.steps) / Double(window.resolutions)
        failureRate = Double(window.failures) / seconds
        totals.lookups += window.lookups
        totals.clientHits += window.clientHits
        totals.resolverHits += window.resolverHits
        totals.resolverQueries += window.resolverQueries
        totals.resolutions += window.resolutions
        totals.steps += window.steps
        totals.failures += window.failures
        hitHistory.append(clientHitRatio)
        for server in servers.indices { servers[server].roll(now: simulation.now) }
        window = DNSCounters()
    }

    func snapshot(in simulation: Simulation) -> ComponentSnapshot {
        var metrics = [
            Metric("clientHitRatio", "stub hit", clientHitRatio, .ratio),
            Metric("resolverHitRatio", "res. hit", resolverHitRatio, .ratio),
            Metric("resolutions", "walks/s", resolutionRate, .perSecond),
            Metric("steps", "steps/walk", stepsPerResolution, .plain),
            Metric("failures", "SERVFAIL/s", failureRate, .perSecond),
        ]
        metrics += stats.metrics
        metrics.append(Metric("ttl", "A ttl", Double(addressTTL), .micros))
        let nodes = servers.enumerated().map { position, server in
            let detail: String
            if position < resolverCount {
                let remaining = max(0, addressExpiry[position] - simulation.now)
                detail = remaining > 0 ? "A cached \(formatDuration(remaining))" : "A expired"
            } else {
                detail = ["root .", "TLD .com", "authoritative"][position - resolverCount]
            }
            return server.snapshot(detail: detail)
        }
        return ComponentSnapshot(
            name: name, kind: kind, health: servers.worstHealth,
            strategies: [CommandOption(name: "ttl", value: formatDuration(addressTTL))],
            metrics: metrics, nodes: nodes, history: [hitHistory.series] + stats.series)
    }
}
