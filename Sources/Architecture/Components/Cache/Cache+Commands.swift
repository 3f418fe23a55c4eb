import SimKernel

extension Cache {
    var nodeNames: [String] { stores.indices.map { "\(name).node-\($0 + 1)" } }

    var settings: [Setting] {
        [
            Setting(
                name: "eviction", current: stores[0].policy.rawValue,
                choices: EvictionPolicy.allCases.map(\.rawValue)),
            Setting(
                name: "write", current: writePolicy.rawValue,
                choices: WritePolicy.allCases.map(\.rawValue)),
            Setting(
                name: "hashing", current: ring.partitioning.rawValue,
                choices: Partitioning.allCases.map(\.rawValue)),
        ]
    }

    func set(
        _ setting: String, to value: String, options: [CommandOption], in simulation: Simulation
    ) throws(CommandError) -> String {
        switch setting {
        case "eviction":
            guard let policy = EvictionPolicy(rawValue: value) else {
                throw CommandError("\(name).eviction is one of: " + choices(EvictionPolicy.self))
            }
            for node in stores.indices { stores[node].switchPolicy(to: policy) }
            return "\(name) eviction: \(policy.rawValue)"
        case "write":
            guard let policy = WritePolicy(rawValue: value) else {
                throw CommandError("\(name).write is one of: " + choices(WritePolicy.self))
            }
            writePolicy = policy
            return "\(name) write policy: \(policy.rawValue)"
        case "hashing":
            guard let partitioning = Partitioning(rawValue: value) else {
                throw CommandError("\(name).hashing is one of: " + choices(Partitioning.self))
            }
            let moved = rebuild(
                nodeCount: stores.count, partitioning: partitioning, in: simulation)
            return "\(name) hashing: \(value); \(moved) cached keys moved and were dropped"
        default:
            throw CommandError("\(name) settings: eviction, write, hashing")
        }
    }

    func scale(by delta: Int, in simulation: Simulation) throws(CommandError) -> String {
        let target = stores.count + delta
        guard delta != 0, (1...Cache.nodeLimit).contains(target) else {
            throw CommandError("\(name) can have 1 to \(Cache.nodeLimit) nodes")
        }
        let held = stores.reduce(0) { $0 + $1.count }
        let moved = rebuild(nodeCount: target, partitioning: ring.partitioning, in: simulation)
        let share = held == 0 ? 0 : Double(moved) / Double(held) * 100
        return "\(name) now \(nodeCountText(target)) (\(ring.partitioning.rawValue) hashing): "
            + "\(moved) of \(held) cached keys moved (\(formatFixed(share, decimals: 0))%)"
    }

    /// Re-partitions the key space; keys whose owner changes are dropped, as a real cluster
    /// would miss them on their new node (a dirty one is written out first). Returns how
    /// many moved.
    private func rebuild(nodeCount: Int, partitioning: Partitioning, in simulation: Simulation)
        -> Int
    {
        let newRing = HashRing(
            partitioning: partitioning, nodeCount: nodeCount, virtualNodes: virtualNodes)
        var moved = 0
        for owner in stores.indices {
            let live = { [health] (node: Int) in node >= health.count || health[node] != .down }
            for key in Array(stores[owner].storedKeys)
            where newRing.node(for: key, isLive: live) != owner {
                _ = stores[owner].remove(key, index: &keyIndex)
                if clearDirty(key) { writeBehind(key, in: simulation) }
                moved += 1
            }
        }
        let policy = stores[0].policy
        while stores.count < nodeCount {
            stores.append(KeyStore(capacity: capacityPerNode, policy: policy))
            health.append(.up)
            slowExtra.append(0)
            requestsPerNode.append(0)
        }
        while stores.count > nodeCount {
            wipe(node: stores.count - 1)
            retiredEvictions += stores[stores.count - 1].evictions
            stores.removeLast()
            health.removeLast()
            slowExtra.removeLast()
            requestsPerNode.removeLast()
        }
        ring = newRing
        keysMoved += moved
        return moved
    }

    func fail(node: String?, fault: Fault, in simulation: Simulation) throws(CommandError)
        -> String
    {
        for owner in targets(node) {
            switch fault {
            case .kill:
                health[owner] = .down
                let lost = wipe(node: owner)
                if lost > 0 {
                    simulation.tell("\(nodeNames[owner]) lost \(lost) dirty writes (write-back)")
                }
            case .slow(let extra):
                health[owner] = .slow
                slowExtra[owner] = extra
            case .flaky:
                throw CommandError("a cache node can be killed, slowed or partitioned")
            case .partition:
                health[owner] = .partitioned
            }
        }
        return describeFault(fault, target: node ?? name)
    }

    func recover(node: String?, in simulation: Simulation) throws(CommandError) -> String {
        for owner in targets(node) {
            health[owner] = .up
            slowExtra[owner] = 0
        }
        let returned = rehome(in: simulation)
        return "\(node ?? name) recovered"
            + (returned > 0 ? "; \(returned) keys its neighbours held go back to it" : "")
    }

    /// Drops every key held by a node that no longer owns it (its owner came back), writing
    /// out dirty ones, so each key lives on one node only. Returns how many were dropped.
    func rehome(in simulation: Simulation) -> Int {
        var dropped = 0
        for owner in stores.indices {
            for key in Array(stores[owner].storedKeys) where node(for: key) != owner {
                _ = stores[owner].remove(key, index: &keyIndex)
                if clearDirty(key) { writeBehind(key, in: simulation) }
                dropped += 1
            }
        }
        return dropped
    }

    private func targets(_ node: String?) -> [Int] {
        guard let node else { return Array(stores.indices) }
        return nodeNames.firstIndex(of: node).map { [$0] } ?? []
    }

    func rollWindow(in simulation: Simulation) {
        stats.roll(windowSeconds: Micros.toSeconds(simulation.windowMicros))
        let lookups = windowHits + windowMisses
        hitRatio = lookups == 0 ? .nan : Double(windowHits) / Double(lookups)
        let seconds = Micros.toSeconds(simulation.windowMicros)
        nodeRates = requestsPerNode.indices.map { owner in
            let before = owner < countedBefore.count ? countedBefore[owner] : 0
            return Double(requestsPerNode[owner] - before) / seconds
        }
        countedBefore = requestsPerNode
        hitHistory.append(hitRatio)
        totalHits += windowHits
        totalMisses += windowMisses
        windowHits = 0
        windowMisses = 0
    }

    /// The whole run's answers and latency, hits and misses (the hit ratio of every lookup
    /// since the start, not of the last window), keys moved by re-partitioning, and the
    /// requests each node received (`requests.node-1`, ...).
    func totals(in simulation: Simulation) -> [Metric] {
        let hits = totalHits + windowHits
        let misses = totalMisses + windowMisses
        let ratio = hits + misses == 0 ? 0 : Double(hits) / Double(hits + misses)
        var figures =
            stats.totals + [
                Metric("hits", "hits", Double(hits), .count),
                Metric("misses", "misses", Double(misses), .count),
                Metric("hitRatio", "hit ratio", ratio, .ratio),
                Metric("keysMoved", "moved", Double(keysMoved), .count),
            ]
        for owner in requestsPerNode.indices {
            figures.append(
                Metric(
                    "requests.node-\(owner + 1)", "node-\(owner + 1)",
                    Double(requestsPerNode[owner]), .count))
        }
        return figures
    }

    func snapshot(in simulation: Simulation) -> ComponentSnapshot {
        let items = stores.reduce(0) { $0 + $1.count }
        let evictions = retiredEvictions + stores.reduce(0) { $0 + $1.evictions }
        var metrics = [
            Metric("hitRatio", "hit ratio", hitRatio, .ratio),
            Metric("items", "items", Double(items), .count),
            Metric("capacity", "capacity", Double(capacityPerNode * stores.count), .count),
        ]
        metrics += stats.metrics
        metrics += [
            Metric("evictions", "evicted", Double(evictions), .count),
            Metric("invalidations", "invalidated", Double(invalidations), .count),
            Metric("bypassed", "bypassed", Double(bypassed), .count),
            Metric("dirty", "dirty", Double(dirtyCount), .count),
            Metric("lostWrites", "lost writes", Double(lostDirty), .count),
        ]
        let nodes = stores.indices.map { owner in
            let fill = Double(stores[owner].count) / Double(capacityPerNode) * 100
            return NodeSnapshot(
                name: nodeNames[owner], health: health[owner],
                utilisation: 0, queueDepth: 0, inFlight: 0,
                throughput: owner < nodeRates.count ? nodeRates[owner] : 0,
                detail: "\(formatFixed(fill, decimals: 0))% full")
        }
        let worst = Health.summary(of: health)
        return ComponentSnapshot(
            name: name, kind: kind, health: worst,
            strategies: settings.map { CommandOption(name: $0.name, value: $0.current) },
            metrics: metrics, nodes: nodes, history: [hitHistory.series] + stats.series)
    }
}

func choices<Choice: RawRepresentable & CaseIterable>(_ type: Choice.Type) -> String
where Choice.RawValue == String {
    type.allCases.map(\.rawValue).joined(separator: ", ")
}
