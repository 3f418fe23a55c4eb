import SimKernel

extension Cache {
    /// Stores a key on its node; an evicted dirty key is written out first.
    func store(_ key: Int32, node owner: Int, in simulation: Simulation) {
        let evicted = stores[owner].insert(
            key, now: simulation.now, ttl: ttlMicros, index: &keyIndex, random: &random)
        if let evicted, dirtyFlag[Int(evicted)] {
            dirtyFlag[Int(evicted)] = false
            writeBehind(evicted, in: simulation)
        }
    }

    /// A write routed through the cache, by the write policy in force.
    func write(_ slot: Int32, node owner: Int, in simulation: Simulation) {
        let key = simulation.requests.key[Int(slot)]
        switch writePolicy {
        case .writeAround:
            simulation.call(slot, from: index, phase: Phase.bypass, to: database)
        case .writeThrough:
            simulation.call(slot, from: index, phase: Phase.writeThrough, to: database)
        case .writeBack:
            store(key, node: owner, in: simulation)
            if !dirtyFlag[Int(key)] {
                dirtyFlag[Int(key)] = true
                dirty[owner].append(key)
            }
            reply(slot, status: Status.ok, in: simulation)
        }
    }

    /// Writes every dirty key of every live node to the database, once a flush interval.
    func flushDirty(in simulation: Simulation) {
        for owner in dirty.indices where health[owner] == .up || health[owner] == .slow {
            let keys = dirty[owner]
            dirty[owner].removeAll(keepingCapacity: true)
            for key in keys where dirtyFlag[Int(key)] {
                dirtyFlag[Int(key)] = false
                writeBehind(key, in: simulation)
            }
        }
        simulation.schedule(index, kind: Kind.flush, after: Cache.flushIntervalMicros)
    }

    /// Sends one key to the database as a background write of the cache's own.
    func writeBehind(_ key: Int32, in simulation: Simulation) {
        guard
            let slot = simulation.requests.allocate(
                operation: .write, key: key, client: -1, now: simulation.now)
        else {
            lostDirty += 1
            return
        }
        simulation.call(slot, from: index, phase: Phase.flush, to: database)
    }

    func flushAnswered(_ slot: Int32, status: Int32, in simulation: Simulation) {
        let key = simulation.requests.key[Int(slot)]
        simulation.requests.release(slot)
        guard !Status.isSuccess(status) else { return }
        let owner = node(for: key)
        if keyIndex.slot(of: key) >= 0 && !dirtyFlag[Int(key)] {
            dirtyFlag[Int(key)] = true
            dirty[owner].append(key)
        }
    }

    /// A node that dies loses its memory: its entries, and the dirty writes not flushed.
    func wipe(node owner: Int) {
        for key in dirty[owner] where dirtyFlag[Int(key)] {
            dirtyFlag[Int(key)] = false
            lostDirty += 1
        }
        dirty[owner].removeAll()
        stores[owner].removeAll(index: &keyIndex)
    }
}
