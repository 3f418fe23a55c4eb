import SimKernel

extension MessageQueue {
    var nodeNames: [String] { [pool.name] }
    var settings: [Setting] { [] }

    func fail(node: String?, fault: Fault, in simulation: Simulation) throws(CommandError)
        -> String
    {
        pool.apply(fault)
        return describeFault(fault, target: node ?? name) + " (messages kept: it is durable)"
    }

    func recover(node: String?, in simulation: Simulation) throws(CommandError) -> String {
        pool.heal()
        dispatch(in: simulation)
        return "\(node ?? name) recovered"
    }

    func rollWindow(in simulation: Simulation) {
        let seconds = Micros.toSeconds(simulation.windowMicros)
        stats.roll(windowSeconds: seconds)
        consumeRate = Double(windowAcks) / seconds
        pool.roll(now: simulation.now)
        windowAcks = 0
        depthHistory.append(Double(jobs.waitingCount))
    }

    func snapshot(in simulation: Simulation) -> ComponentSnapshot {
        let lag = jobs.oldestWaiting.map { simulation.now - $0 } ?? 0
        var metrics = [
            Metric("depth", "depth", Double(jobs.waitingCount), .count),
            Metric("inFlight", "in flight", Double(jobs.inFlight), .count),
            Metric("limit", "limit", Double(jobs.limit), .count),
            Metric("consumeRate", "acks/s", consumeRate, .perSecond),
            Metric("consumerLag", "oldest", Double(lag), .micros),
        ]
        metrics += stats.metrics
        metrics += [
            Metric("enqueued", "enqueued", Double(enqueued), .count),
            Metric("rejectedFull", "full 503", Double(rejectedFull), .count),
            Metric("redelivered", "redelivered", Double(redelivered), .count),
            Metric("deadLettered", "dead letters", Double(deadLettered), .count),
            Metric("staleAcks", "late acks", Double(staleAcks), .count),
        ]
        return ComponentSnapshot(
            name: name, kind: kind, health: pool.health, metrics: metrics,
            nodes: [pool.snapshot(detail: "\(jobs.held)/\(jobs.limit) held")],
            history: [depthHistory.series] + stats.series)
    }
}

extension Workers {
    var nodeNames: [String] { nodes.map(\.name) }

    var settings: [Setting] {
        [
            Setting(
                name: "compression", current: compression.rawValue,
                choices: Compression.allCases.map(\.rawValue))
        ]
    }

    func set(
        _ setting: String, to value: String, options: [CommandOption], in simulation: Simulation
    ) throws(CommandError) -> String {
        guard setting == "compression", let chosen = Compression(rawValue: value) else {
            throw CommandError("\(name).compression is lossless or lossy")
        }
        compression = chosen
        return "\(name) compression: \(chosen.rawValue)"
    }

    func fail(node: String?, fault: Fault, in simulation: Simulation) throws(CommandError)
        -> String
    {
        _ = nodes.inject(fault, node: node)
        return describeFault(fault, target: node ?? name)
    }

    func recover(node: String?, in simulation: Simulation) throws(CommandError) -> String {
        _ = nodes.heal(node: node)
        source?.dispatch(in: simulation)
        return "\(node ?? name) recovered"
    }

    func scale(by delta: Int, in simulation: Simulation) throws(CommandError) -> String {
        let target = nodes.servingCount + delta
        guard delta != 0, (1...Workers.nodeLimit).contains(target) else {
            throw CommandError("\(name) can have 1 to \(Workers.nodeLimit) nodes")
        }
        if delta > 0 {
            let slots = slotsPerNode
            let base = name
            nodes.scaleOut(by: delta) {
                ServerPool(name: "\(base).node-\($0 + 1)", workers: slots, queueLimit: 0, speed: 1)
            }
            source?.dispatch(in: simulation)
            return "\(name) now \(nodeCountText(target))"
        }
        let retired = nodes.startDraining(-delta)
        return "\(name) scaling in to \(nodeCountText(target)): "
            + retired.joined(separator: ", ") + " finish their jobs and leave"
    }

    /// Removes draining nodes from the end once their jobs are done.
    private func removeDrainedNodes(in simulation: Simulation) {
        while let last = nodes.last, last.isDraining, last.busy == 0, nodes.count > 1 {
            nodes.removeLast()
            simulation.tell("\(last.name) finished its jobs and was removed")
        }
    }

    func rollWindow(in simulation: Simulation) {
        let seconds = Micros.toSeconds(simulation.windowMicros)
        for node in nodes.indices { nodes[node].roll(now: simulation.now) }
        removeDrainedNodes(in: simulation)
        completedRate = Double(windowCompleted) / seconds
        windowCompleted = 0
        compressionNow =
            windowBytesIn == 0 ? .nan : Double(windowBytesOut) / Double(windowBytesIn)
        windowBytesIn = 0
        windowBytesOut = 0
        rateHistory.append(completedRate)
        // No job finished in the window: its p95 is undefined, not zero.
        computeP95 =
            computeHistogram.totalCount > 0 ? Double(computeHistogram.percentile(0.95)) : .nan
        computeHistogram.reset()
    }

    func snapshot(in simulation: Simulation) -> ComponentSnapshot {
        let busy = nodes.reduce(0.0) { $0 + $1.utilisation * Double($1.workers) }
        let capacity = nodes.reduce(0) { $0 + $1.workers }
        let metrics = [
            Metric("throughput", "jobs/s", completedRate, .perSecond),
            Metric("utilisation", "util", busy / Double(max(1, capacity)), .ratio),
            Metric("computeP95", "job p95", computeP95, .micros),
            Metric("completed", "done", Double(completed), .count),
            Metric("failed", "failed", Double(failed), .count),
            Metric("lost", "lost", Double(lost), .count),
            Metric("compressionRatio", "out/in", compressionNow, .ratio),
            Metric("storedBytes", "stored", Double(bytesOut), .bytes),
            Metric("objects", "objects", Double(completed), .count),
        ]
        return ComponentSnapshot(
            name: name, kind: kind, health: nodes.worstHealth,
            strategies: [CommandOption(name: "compression", value: compression.rawValue)],
            metrics: metrics, nodes: nodes.map { $0.snapshot() }, history: [rateHistory.series])
    }
}
