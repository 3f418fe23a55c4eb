import SimKernel

extension Backend {
    func fail(node: String?, fault: Fault, in simulation: Simulation) throws(CommandError)
        -> String
    {
        for position in nodes.inject(fault, node: node) where fault == .kill {
            for waiting in nodes[position].drainQueue(now: simulation.now) {
                nodes[position].connections -= 1
                rejectWaiting(waiting, in: simulation)
            }
        }
        return describeFault(fault, target: node ?? name)
    }

    func recover(node: String?, in simulation: Simulation) throws(CommandError) -> String {
        _ = nodes.heal(node: node)
        return "\(node ?? name) recovered"
    }

    func scale(by delta: Int, in simulation: Simulation) throws(CommandError) -> String {
        let target = nodes.servingCount + delta
        guard delta != 0, (1...Backend.nodeLimit).contains(target) else {
            throw CommandError("\(name) can have 1 to \(Backend.nodeLimit) nodes")
        }
        if delta > 0 {
            nodes.scaleOut(by: delta) { makeNode(position: $0) }
            return "\(name) scaled out to \(nodeCountText(target))"
        }
        let retired = nodes.startDraining(-delta)
        return "\(name) scaling in to \(nodeCountText(target)): "
            + retired.joined(separator: ", ") + " drain and leave"
    }

    /// Removes draining nodes from the end once they have finished their work.
    func removeDrainedNodes(in simulation: Simulation) {
        while let last = nodes.last, last.isDraining, last.isIdle, nodes.count > 1 {
            // Its counts stay in the component's: a running total never goes down.
            retiredRejected += last.rejected
            retiredAdmitted += last.admitted
            nodes.removeLast()
            simulation.tell("\(last.name) drained and removed")
        }
    }

    var settingOptions: [String] { ["node"] }

    var settings: [Setting] {
        [
            Setting(name: "workers", current: "\(nodes.first?.workers ?? 0)", choices: []),
            Setting(name: "speed", current: "per node", choices: []),
        ]
    }

    func set(
        _ setting: String, to value: String, options: [CommandOption], in simulation: Simulation
    ) throws(CommandError) -> String {
        let target = options.first { $0.name == "node" }?.value
        let positions: [Int]
        if let target {
            guard let position = nodes.position(of: target) else {
                throw CommandError("\(name) has no node '\(target)'")
            }
            positions = [position]
        } else {
            positions = Array(nodes.indices)
        }
        switch setting {
        case "workers":
            guard let count = Int(value), (1...1_024).contains(count) else {
                throw CommandError("workers is a whole number from 1 to 1024")
            }
            for position in positions {
                nodes[position].resize(workers: count, now: simulation.now)
            }
            return "\(target ?? name) now has \(count) workers per node"
        case "speed":
            guard let speed = Double(value), speed >= 0.01, speed <= 100 else {
                throw CommandError("speed is a factor from 0.01 to 100 (2 = twice as fast)")
            }
            for position in positions { nodes[position].speed = speed }
            return "\(target ?? name) speed set to x\(formatFixed(speed, decimals: 2))"
        default:
            throw CommandError("\(name) settings: workers, speed (with node=NAME for one node)")
        }
    }

    func rollWindow(in simulation: Simulation) {
        stats.roll(windowSeconds: Micros.toSeconds(simulation.windowMicros))
        for position in nodes.indices { nodes[position].roll(now: simulation.now) }
        removeDrainedNodes(in: simulation)
    }

    /// The whole run's answers and latency, requests admitted, and the time-averages of
    /// requests present (in service or queued) and of busy workers over every node: the L of
    /// Little's law and the utilisation of queueing theory. Nodes scaled away take their
    /// share with them.
    func totals(in simulation: Simulation) -> [Metric] {
        let now = simulation.now
        let admitted = retiredAdmitted + nodes.reduce(0) { $0 + $1.admitted }
        let present = nodes.reduce(0.0) { $0 + $1.meanPresent(now: now) }
        let busy = nodes.reduce(0.0) { $0 + $1.meanBusy(now: now) }
        return stats.totals + [
            Metric("admitted", "admitted", Double(admitted), .count),
            Metric("meanPresent", "present", present, .plain),
            Metric("meanBusy", "busy", busy, .plain),
        ]
    }

    func snapshot(in simulation: Simulation) -> ComponentSnapshot {
        let queued = nodes.reduce(0) { $0 + $1.queueDepth }
        let busy = nodes.reduce(0.0) { $0 + $1.utilisation * Double($1.workers) }
        let capacity = nodes.reduce(0) { $0 + $1.workers }
        var metrics = stats.metrics
        metrics.append(Metric("queue", "queued", Double(queued), .count))
        metrics.append(Metric("utilisation", "util", busy / Double(max(1, capacity)), .ratio))
        metrics.append(Metric("nodes", "nodes", Double(nodes.count), .count))
        metrics.append(
            Metric(
                "rejected", "rejected",
                Double(retiredRejected + nodes.reduce(0) { $0 + $1.rejected }), .count))
        return ComponentSnapshot(
            name: name, kind: kind, health: nodes.worstHealth, metrics: metrics,
            nodes: nodes.map { $0.snapshot(detail: "x\(formatFixed($0.speed, decimals: 2))") },
            history: stats.series)
    }
}
