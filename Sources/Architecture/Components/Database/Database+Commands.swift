import SimKernel

extension Database {
    /// Node names by role: `db.shard-2` is the shard's leader, `db.shard-2.replica` its
    /// follower, whichever physical node holds the role now.
    var nodeNames: [String] {
        shards.indices.flatMap { ["\(name).shard-\($0 + 1)", "\(name).shard-\($0 + 1).replica"] }
    }

    private func locate(_ node: String?) throws(CommandError) -> [(shard: Int, node: Int?)] {
        guard let node else { return shards.indices.map { ($0, nil) } }
        guard let position = nodeNames.firstIndex(of: node) else {
            throw CommandError("\(name) has no node '\(node)'")
        }
        let number = position / 2
        let role = position % 2 == 0 ? shards[number].leader : shards[number].follower
        return [(number, role)]
    }

    func fail(node: String?, fault: Fault, in simulation: Simulation) throws(CommandError)
        -> String
    {
        for (number, role) in try locate(node) {
            let physicals = role.map { [$0] } ?? [0, 1]
            for physical in physicals {
                shards[number].nodes[physical].apply(fault)
                if fault == .kill {
                    for waiting in shards[number].nodes[physical].drainQueue(now: simulation.now) {
                        shards[number].nodes[physical].connections -= 1
                        answer(waiting, status: Status.unavailable, in: simulation)
                    }
                }
            }
            leaderMayHaveFailed(shard: number, in: simulation)
        }
        return describeFault(fault, target: node ?? name)
    }

    /// Recovering a shard by its leader's name heals both of its nodes, so the node that
    /// died before a failover (now the follower) comes back too.
    func recover(node: String?, in simulation: Simulation) throws(CommandError) -> String {
        var healed: [(Int, Int)] = []
        if let node, !node.hasSuffix(".replica") {
            let number = (nodeNames.firstIndex(of: node) ?? 0) / 2
            healed = [(number, 0), (number, 1)]
        } else {
            for (number, role) in try locate(node) {
                healed += (role.map { [$0] } ?? [0, 1]).map { (number, $0) }
            }
        }
        for (number, physical) in healed {
            shards[number].nodes[physical].heal()
            startApplying(shard: number, in: simulation)
        }
        return "\(node ?? name) recovered"
    }

    var settings: [Setting] {
        [
            Setting(
                name: "sharding", current: sharding.rawValue,
                choices: Sharding.allCases.map(\.rawValue)),
            Setting(
                name: "reads", current: readsFromFollower ? "follower" : "leader",
                choices: ["follower", "leader"]),
        ]
    }

    func set(
        _ setting: String, to value: String, options: [CommandOption], in simulation: Simulation
    ) throws(CommandError) -> String {
        switch setting {
        case "sharding":
            guard let chosen = Sharding(rawValue: value) else {
                throw CommandError("\(name).sharding is one of: " + choices(Sharding.self))
            }
            sharding = chosen
            return "\(name) sharding: \(chosen.rawValue)"
        case "reads":
            guard value == "follower" || value == "leader" else {
                throw CommandError("\(name).reads is follower or leader")
            }
            readsFromFollower = value == "follower"
            return "\(name) reads from the \(value)"
        default:
            throw CommandError("\(name) settings: sharding, reads")
        }
    }

    func rollWindow(in simulation: Simulation) {
        let seconds = Micros.toSeconds(simulation.windowMicros)
        stats.roll(windowSeconds: seconds)
        var lagNow: SimTime = 0
        for number in shards.indices {
            for physical in 0..<2 { shards[number].nodes[physical].roll(now: simulation.now) }
            shards[number].writeRate = Double(shards[number].writesInWindow) / seconds
            shards[number].readRate = Double(shards[number].readsInWindow) / seconds
            shards[number].writesInWindow = 0
            shards[number].readsInWindow = 0
            let lag = max(
                shards[number].windowLagMaxMicros, shards[number].lag(at: simulation.now))
            shards[number].lagMaxMicros = lag
            shards[number].windowLagMaxMicros = 0
            lagNow = max(lagNow, lag)
        }
        lagHistory.append(Double(lagNow))
    }

    func snapshot(in simulation: Simulation) -> ComponentSnapshot {
        var metrics = stats.metrics
        let lag = shards.map(\.lagMaxMicros).max() ?? 0
        metrics += [
            Metric("lag", "repl lag", Double(lag), .micros),
            Metric("backlog", "unapplied", Double(shards.reduce(0) { $0 + $1.backlog }), .count),
            Metric("reads", "reads/s", shards.reduce(0) { $0 + $1.readRate }, .perSecond),
            Metric("writes", "writes/s", shards.reduce(0) { $0 + $1.writeRate }, .perSecond),
            Metric("refusedWrites", "refused w", Double(refusedWrites), .count),
            Metric("failovers", "failovers", Double(failovers), .count),
            Metric("lostWrites", "lost writes", Double(lostWrites), .count),
        ]
        var nodes: [NodeSnapshot] = []
        for (number, shard) in shards.enumerated() {
            let leader = shard.nodes[shard.leader]
            let follower = shard.nodes[shard.follower]
            var leaderView = leader.snapshot(
                detail: shard.writeRate.isFinite
                    ? "\(formatFixed(shard.writeRate, decimals: 0)) w/s" : "- w/s")
            leaderView.name = "\(name).shard-\(number + 1)"
            var followerView = follower.snapshot(
                detail: "lag \(formatDuration(shard.lagMaxMicros))")
            followerView.name = "\(name).shard-\(number + 1).replica"
            nodes += [leaderView, followerView]
        }
        let worst = Health.summary(of: nodes.map(\.health))
        return ComponentSnapshot(
            name: name, kind: kind, health: worst,
            strategies: settings.map { CommandOption(name: $0.name, value: $0.current) },
            metrics: metrics, nodes: nodes, history: stats.series + [lagHistory.series])
    }
}
