import SimKernel

/// One shard: a leader and a follower (two `ServerPool`s), and the log of commits the
/// follower has not applied yet.
///
/// The follower applies commits one at a time, in order, as a single replication thread
/// does; when writes arrive faster than it applies them, or it is down, the lag grows.
struct Shard {
    var nodes: [ServerPool]
    /// Which of the two nodes leads now; a failover swaps it.
    var leader = 0
    /// Commit times the follower has not applied, oldest first.
    private(set) var unapplied: [SimTime] = []
    private var unappliedHead = 0
    var applying = false
    var failoverPending = false
    var lastLagMicros: SimTime = 0
    var windowLagMaxMicros: SimTime = 0
    var lagMaxMicros: SimTime = 0
    var writesInWindow = 0
    var readsInWindow = 0
    var writeRate = Double.nan
    var readRate = Double.nan
    /// Commits dropped from a full replication log (the follower must resync).
    var overflowed = 0

    init(nodes: [ServerPool]) {
        precondition(nodes.count == 2, "a shard is a leader and a follower")
        self.nodes = nodes
    }

    /// The largest replication backlog kept before the oldest commits are dropped.
    static let backlogLimit = 1_000_000

    var follower: Int { 1 - leader }
    var backlog: Int { unapplied.count - unappliedHead }
    var oldestUnapplied: SimTime? { backlog > 0 ? unapplied[unappliedHead] : nil }

    mutating func recordCommit(at time: SimTime) {
        if backlog >= Shard.backlogLimit {
            unappliedHead += 1
            overflowed += 1
        }
        unapplied.append(time)
    }

    /// Removes the oldest unapplied commit (it has been applied) and returns its time.
    mutating func popApplied() -> SimTime? {
        guard backlog > 0 else { return nil }
        let time = unapplied[unappliedHead]
        unappliedHead += 1
        if unappliedHead > 4_096 && unappliedHead * 2 > unapplied.count {
            unapplied.removeFirst(unappliedHead)
            unappliedHead = 0
        }
        return time
    }

    /// Forgets every unapplied commit; returns how many there were (lost on failover).
    mutating func discardUnapplied() -> Int {
        let lost = backlog
        unapplied.removeAll(keepingCapacity: true)
        unappliedHead = 0
        return lost
    }

    /// Replication lag now: the age of the oldest commit the follower lacks.
    func lag(at now: SimTime) -> SimTime {
        oldestUnapplied.map { now - $0 } ?? 0
    }
}
