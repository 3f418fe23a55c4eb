import SimKernel

extension Cache {
    /// Stores a key on its node; an evicted dirty key is written out first.
    func store(_ key: Int32, node owner: Int, in simulation: Simulation) {
        let evicted = stores[owner].insert(
            key, now: simulation.now, ttl: ttlMicros, index: &keyIndex, random: &random)
        if let evicted, clearDirty(evicted) {
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
            markDirty(key, in: simulation)
            answer(slot, status: Status.ok, in: simulation)
        }
    }

    /// Marks a stored key dirty and starts its flush timer (once per dirty spell).
    func markDirty(_ key: Int32, in simulation: Simulation) {
        guard !dirtyFlag[Int(key)] else { return }
        dirtyFlag[Int(key)] = true
        dirtyCount += 1
        simulation.schedule(index, kind: Kind.flush, after: Cache.flushDelayMicros, subject: key)
    }

    /// Clears a key's dirty mark; returns true if it was dirty.
    @discardableResult
    func clearDirty(_ key: Int32) -> Bool {
        guard dirtyFlag[Int(key)] else { return false }
        dirtyFlag[Int(key)] = false
        dirtyCount -= 1
        return true
    }

    /// A key's flush timer fired: write it to the database if it is still dirty and its
    /// node is alive (a dead node already lost it).
    func flushTimer(key: Int32, in simulation: Simulation) {
        let owner = node(for: key)
        guard health[owner] != .down else { return }
        if clearDirty(key) { writeBehind(key, in: simulation) }
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

    /// A background write answered; a failed one is marked dirty again and retried after
    /// the flush delay, if the key is still held.
    func flushAnswered(_ slot: Int32, status: Int32, in simulation: Simulation) {
        let key = simulation.requests.key[Int(slot)]
        simulation.requests.release(slot)
        if Status.isSuccess(status) {
            flushedWrites += 1
        } else if keyIndex.slot(of: key) >= 0 {
            markDirty(key, in: simulation)
        } else {
            lostDirty += 1
        }
    }

    /// A node that dies loses its memory: its entries, and the dirty writes not flushed.
    /// Returns how many dirty writes were lost.
    @discardableResult
    func wipe(node owner: Int) -> Int {
        var lost = 0
        for key in stores[owner].storedKeys where clearDirty(key) { lost += 1 }
        lostDirty += lost
        stores[owner].removeAll(index: &keyIndex)
        return lost
    }
}
