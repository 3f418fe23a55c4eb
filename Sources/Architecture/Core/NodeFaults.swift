import SimKernel

/// Fault bookkeeping shared by components made of `ServerPool` nodes.
extension Array where Element == ServerPool {
    func position(of name: String) -> Int? {
        firstIndex { $0.name == name }
    }

    /// The worst health among the nodes; a component is as healthy as its sickest node.
    var worstHealth: Health {
        Health.summary(of: self.map(\.health))
    }

    /// Applies `fault` to the named node, or to every node when `node` is nil; returns the
    /// positions touched.
    mutating func inject(_ fault: Fault, node: String?) -> [Int] {
        let targets = node.flatMap { position(of: $0) }.map { [$0] } ?? [Int](indices)
        for position in targets { self[position].apply(fault) }
        return targets
    }

    /// Nodes that take new work (those being scaled in do not).
    var servingCount: Int { self.filter { !$0.isDraining }.count }

    /// Scales out by `count`: draining nodes are taken back first, then `makeNode` builds
    /// the rest with their position.
    mutating func scaleOut(by count: Int, makeNode: (Int) -> ServerPool) {
        var added = 0
        for position in indices where self[position].isDraining && added < count {
            self[position].isDraining = false
            added += 1
        }
        for _ in added..<count { append(makeNode(self.count)) }
    }

    /// Scales in by `count`: the last serving nodes start draining; the owner removes them
    /// once idle. Returns their names, first to last.
    mutating func startDraining(_ count: Int) -> [String] {
        var retired: [String] = []
        for position in indices.reversed() where !self[position].isDraining {
            guard retired.count < count else { break }
            self[position].isDraining = true
            retired.append(self[position].name)
        }
        return retired.reversed()
    }

    mutating func heal(node: String?) -> [Int] {
        let targets = node.flatMap { position(of: $0) }.map { [$0] } ?? [Int](indices)
        for position in targets { self[position].heal() }
        return targets
    }
}

/// Words for the ticker.
func describeFault(_ fault: Fault, target: String) -> String {
    switch fault {
    case .kill: return "\(target) killed"
    case .slow(let extra): return "\(target) slowed by \(formatDuration(extra))"
    case .flaky(let ratio):
        return "\(target) flaky: \(formatFixed(ratio * 100, decimals: 0))% errors"
    case .partition: return "\(target) partitioned from the network"
    }
}

/// The timeout a caller waits before giving up on a partitioned node.
let partitionTimeoutMicros: SimTime = Micros.perSecond

/// "1 node", "3 nodes": counts read as English in the ticker.
func nodeCountText(_ count: Int) -> String {
    count == 1 ? "1 node" : "\(count) nodes"
}
