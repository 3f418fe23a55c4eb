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
        let shard = shards[number]
        guard !shard.applying, let oldest = shard.oldestUnapplied else { return }
        let follower = shard.nodes[shard.follower]
        guard follower.health != .down && follower.health != .partitioned else { return }
        let arrival = max(simulation.now, oldest + replicationDelayMicros)
        let work = Micros.nearest(random.exponential(mean: applyMicros / follower.speed))
        shards[number].applying = true
        simulation.schedule(
            index, kind: Kind.applied, after: arrival - simulation.now + work + follower.slowExtra,
            subject: Int32(number))
    }

    func applied(shard number: Int, in simulation: Simulation) {
        shards[number].applying = false
        let follower = shards[number].nodes[shards[number].follower]
        guard follower.health != .down && follower.health != .partitioned else { return }
        if let committed = shards[number].popApplied() {
            let lag = simulation.now - committed
            shards[number].lastLagMicros = lag
            shards[number].windowLagMaxMicros = max(shards[number].windowLagMaxMicros, lag)
        }
        startApplying(shard: number, in: simulation)
    }

    /// Promotes the follower once the leader has been down for the failover delay. Commits
    /// the follower had not applied are lost: asynchronous replication's price.
    func failover(shard number: Int, in simulation: Simulation) {
        shards[number].failoverPending = false
        let shard = shards[number]
        guard !shard.nodes[shard.leader].isAvailable else { return }
        guard shard.nodes[shard.follower].isAvailable else {
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
        guard !shard.nodes[shard.leader].isAvailable, !shard.failoverPending else { return }
        shards[number].failoverPending = true
        simulation.schedule(
            index, kind: Kind.failover, after: failoverMicros, subject: Int32(number))
    }
}
