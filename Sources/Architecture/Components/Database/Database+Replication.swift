import SimKernel

extension Database {
    /// A write committed on the leader joins the follower's replication log.
    func commit(shard number: Int, in simulation: Simulation) {
        shards[number].recordCommit(at: simulation.now)
        startApplying(shard: number, in: simulation)
    }

    /// Starts the follower's replication thread on the oldest unapplied commit, if it is
    /// idle and up. A commit reaches the follower `replicationDelay` after it was made.
    func startApplying(shard number: Int, in simulation: Simulation) {
        // Fields are read in place: a copy of the shard or its node would retain their arrays.
        guard !shards[number].applying, let oldest = shards[number].oldestUnapplied else { return }
        let follower = shards[number].follower
        guard followerTakesWork(shard: number) else { return }
        let arrival = max(simulation.now, oldest + replicationDelayMicros)
        let speed = shards[number].nodes[follower].speed
        let work = Micros.nearest(random.exponential(mean: applyMicros / speed))
        shards[number].applying = true
        simulation.schedule(
            index, kind: Kind.applied,
            after: arrival - simulation.now + work + shards[number].nodes[follower].slowExtra,
            subject: Int32(number))
    }

    func applied(shard number: Int, in simulation: Simulation) {
        shards[number].applying = false
        guard followerTakesWork(shard: number) else { return }
        if let committed = shards[number].popApplied() {
            let lag = simulation.now - committed
            shards[number].lastLagMicros = lag
            shards[number].windowLagMaxMicros = max(shards[number].windowLagMaxMicros, lag)
        }
        startApplying(shard: number, in: simulation)
    }

    /// True when the shard's follower can apply commits: neither down nor cut off.
    private func followerTakesWork(shard number: Int) -> Bool {
        shards[number].nodes[shards[number].follower].health.isReachable
    }

    /// Promotes the follower once the leader has been down for the failover delay. Commits
    /// the follower had not applied are lost: asynchronous replication's price.
    func failover(shard number: Int, in simulation: Simulation) {
        shards[number].failoverPending = false
        let shard = shards[number]
        guard !shard.nodes[shard.leader].health.isReachable else { return }
        guard shard.nodes[shard.follower].health.isReachable else {
            simulation.tell("\(name): shard-\(number + 1) has no live follower to promote")
            return
        }
        let lost = shards[number].discardUnapplied()
        lostWrites += lost
        shards[number].leader = shard.follower
        shards[number].applying = false
        failovers += 1
        simulation.tell(
            "\(name): shard-\(number + 1) follower promoted to leader; \(lost) unreplicated "
                + "writes lost")
    }

    /// Called when a node of the shard fails; schedules a failover if the leader died or
    /// became unreachable (the followers cannot tell the two apart).
    func leaderMayHaveFailed(shard number: Int, in simulation: Simulation) {
        let shard = shards[number]
        guard !shard.nodes[shard.leader].health.isReachable, !shard.failoverPending else { return }
        shards[number].failoverPending = true
        simulation.schedule(
            index, kind: Kind.failover, after: failoverMicros, subject: Int32(number))
    }
}
