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
