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
            if writePolicy == .writeBack && policy != .writeBack { flushDirty(in: simulation) }
            writePolicy = policy
            return "\(name) write policy: \(policy.rawValue)"
        case "hashing":
            guard let partitioning = Partitioning(rawValue: value) else {
                throw CommandError("\(name).hashing is one of: " + choices(Partitioning.self))
            }
            let moved = rebuild(nodeCount: stores.count, partitioning: partitioning)
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
        let moved = rebuild(nodeCount: target, partitioning: ring.partitioning)
        let share = held == 0 ? 0 : Double(moved) / Double(held) * 100
        return "\(name) now \(target) nodes (\(ring.partitioning.rawValue) hashing): "
            + "\(moved) of \(held) cached keys moved (\(formatFixed(share, decimals: 0))%)"
    }

    /// Re-partitions the key space; keys whose owner changes are dropped, as a real cluster
    /// would miss them on their new node. Returns how many moved.
    private func rebuild(nodeCount: Int, partitioning: Partitioning) -> Int {
        let newRing = HashRing(
            partitioning: partitioning, nodeCount: nodeCount, virtualNodes: virtualNodes)
        var moved = 0
        for owner in stores.indices {
            for key in Array(stores[owner].storedKeys) where newRing.node(for: key) != owner {
                _ = stores[owner].remove(key, index: &keyIndex)
                moved += 1
            }
        }
        let policy = stores[0].policy
        while stores.count < nodeCount {
            stores.append(KeyStore(capacity: capacityPerNode, policy: policy))
            health.append(.up)
            slowExtra.append(0)
            dirty.append([])
            requestsPerNode.append(0)
        }
        while stores.count > nodeCount {
            wipe(node: stores.count - 1)
            stores.removeLast()
            health.removeLast()
            slowExtra.removeLast()
            dirty.removeLast()
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
                wipe(node: owner)
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
        return "\(node ?? name) recovered"
    }

    private func targets(_ node: String?) -> [Int] {
        guard let node else { return Array(stores.indices) }
        return nodeNames.firstIndex(of: node).map { [$0] } ?? []
    }

    func rollWindow(in simulation: Simulation) {
        stats.roll(windowSeconds: Micros.toSeconds(simulation.windowMicros))
        let lookups = windowHits + windowMisses
        hitRatio = lookups == 0 ? 0 : Double(windowHits) / Double(lookups)
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
        var figures = stats.totals + [
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
        let evictions = stores.reduce(0) { $0 + $1.evictions }
        let dirtyCount = dirty.reduce(0) { $0 + $1.count }
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
                utilisation: 0, queueDepth: 0, inFlight: 0, throughput: 0,
                detail: "\(stores[owner].count) keys, \(formatFixed(fill, decimals: 0))% full")
        }
        let worst = health.max { $0.severity < $1.severity } ?? .up
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
