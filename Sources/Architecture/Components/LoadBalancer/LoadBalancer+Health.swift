import SimKernel

extension LoadBalancer {
    /// Sends a heartbeat to every node; a node is marked down after `missesToMarkDown`
    /// silent beats and back up at the first answer.
    func heartbeat(in simulation: Simulation) {
        if let pool {
            resizeViews(to: pool.nodeCount)
            for node in 0..<pool.nodeCount {
                if pool.isServing(node) {
                    missedBeats[node] = 0
                    if !markedUp[node] {
                        markedUp[node] = true
                        simulation.tell(
                            "\(name): \(pool.nodeNames[node]) answers again, back in rotation")
                    }
                } else {
                    missedBeats[node] += 1
                    if markedUp[node] && missedBeats[node] >= missesToMarkDown {
                        markedUp[node] = false
                        simulation.tell(
                            "\(name): \(pool.nodeNames[node]) marked down after "
                                + "\(missedBeats[node]) missed heartbeats")
                    }
                }
            }
        }
        simulation.schedule(index, kind: Kind.heartbeat, after: heartbeatMicros)
    }

    /// The standby primary takes over once it has missed the active one's heartbeats.
    func failover(in simulation: Simulation) {
        failoverPending = false
        guard !primaries[activePrimary].health.isReachable else { return }
        let standby = 1 - activePrimary
        guard primaries[standby].health.isReachable else {
            simulation.tell("\(name): both primaries down, nothing is balanced")
            return
        }
        activePrimary = standby
        simulation.tell("\(name): \(primaries[standby].name) took over as the active primary")
    }

    var nodeNames: [String] { primaries.map(\.name) }

    var settings: [Setting] {
        [
            Setting(
                name: "algorithm", current: algorithm.rawValue,
                choices: BalancingAlgorithm.allCases.map(\.rawValue))
        ]
    }

    func set(
        _ setting: String, to value: String, options: [CommandOption], in simulation: Simulation
    ) throws(CommandError) -> String {
        guard setting == "algorithm" else {
            throw CommandError("\(name) settings: algorithm")
        }
        guard let chosen = BalancingAlgorithm(rawValue: value) else {
            let known = BalancingAlgorithm.allCases.map(\.rawValue).joined(separator: ", ")
            throw CommandError("\(name).algorithm is one of: \(known)")
        }
        algorithm = chosen
        return "\(name) algorithm: \(chosen.rawValue)"
    }

    func fail(node: String?, fault: Fault, in simulation: Simulation) throws(CommandError)
        -> String
    {
        let target = node ?? primaries[activePrimary].name
        _ = primaries.inject(fault, node: target)
        let active = primaries[activePrimary]
        if !active.health.isReachable && !failoverPending {
            failoverPending = true
            simulation.schedule(
                index, kind: Kind.failover, after: heartbeatMicros * SimTime(missesToMarkDown))
        }
        return describeFault(fault, target: target)
    }

    func recover(node: String?, in simulation: Simulation) throws(CommandError) -> String {
        _ = primaries.heal(node: node)
        return "\(node ?? name) recovered"
    }

    func rollWindow(in simulation: Simulation) {
        stats.roll(windowSeconds: Micros.toSeconds(simulation.windowMicros))
        for position in primaries.indices { primaries[position].roll(now: simulation.now) }
        let total = sentInWindow.reduce(0, +)
        for node in sentInWindow.indices {
            sharePerNode[node] = total == 0 ? 0 : Double(sentInWindow[node]) / Double(total)
            sentRate[node] = Double(sentInWindow[node]) / Micros.toSeconds(simulation.windowMicros)
            sentInWindow[node] = 0
        }
    }

    func snapshot(in simulation: Simulation) -> ComponentSnapshot {
        var metrics = stats.metrics
        let upCount = markedUp.filter { $0 }.count
        metrics.append(Metric("nodesUp", "in rotation", Double(upCount), .count))
        metrics.append(Metric("active", "active primary", Double(activePrimary + 1), .count))
        var nodes = primaries.enumerated().map { position, primary in
            primary.snapshot(detail: position == activePrimary ? "active" : "standby")
        }
        if let pool {
            for node in 0..<min(pool.nodeCount, markedUp.count) {
                // Health is the balancer's verdict from heartbeats; the load is the node's.
                let load = pool.load(of: node)
                nodes.append(
                    NodeSnapshot(
                        name: pool.nodeNames[node], health: markedUp[node] ? .up : .down,
                        utilisation: load.utilisation, queueDepth: load.queueDepth,
                        inFlight: connections[node], throughput: sentRate[node],
                        detail: "share \(formatFixed(sharePerNode[node] * 100, decimals: 0))%"))
            }
        }
        return ComponentSnapshot(
            name: name, kind: kind, health: primaries[activePrimary].health,
            strategies: [CommandOption(name: "algorithm", value: algorithm.rawValue)],
            metrics: metrics, nodes: nodes, history: stats.series)
    }
}
