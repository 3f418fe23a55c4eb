import SimKernel

/// How keys map to nodes.
enum Partitioning: String, CaseIterable {
    /// `hash(key) mod n`: even, but adding a node moves about n/(n+1) of the keys.
    case mod = "mod"
    /// A ring of virtual nodes: adding a node moves about 1/(n+1) of the keys.
    case consistent = "consistent"
}

/// Maps a key to one of `nodeCount` nodes, by mod-N or by a consistent-hash ring.
///
/// The ring places `virtualNodes` points per node at stable hashes of (node, replica) and
/// sends a key to the first point clockwise from the key's hash; lookups are a binary search.
struct HashRing {
    let partitioning: Partitioning
    let nodeCount: Int
    let virtualNodes: Int
    private var points: [UInt64] = []
    private var owners: [Int32] = []

    static let virtualNodeLimit = 1_000

    init(partitioning: Partitioning, nodeCount: Int, virtualNodes: Int = 100) {
        precondition(nodeCount > 0, "a ring needs a node")
        precondition((1...HashRing.virtualNodeLimit).contains(virtualNodes), "virtual nodes")
        self.partitioning = partitioning
        self.nodeCount = nodeCount
        self.virtualNodes = virtualNodes
        guard partitioning == .consistent else { return }
        var placed: [(point: UInt64, owner: Int32)] = []
        placed.reserveCapacity(nodeCount * virtualNodes)
        for node in 0..<nodeCount {
            for replica in 0..<virtualNodes {
                let point = mixHash(UInt64(node) << 32 | UInt64(replica) ^ 0x5EED_0000_0000_0000)
                placed.append((point, Int32(node)))
            }
        }
        placed.sort { $0.point < $1.point || ($0.point == $1.point && $0.owner < $1.owner) }
        points = placed.map(\.point)
        owners = placed.map(\.owner)
    }

    /// The node that owns a key.
    @inline(__always)
    func node(for key: Int32) -> Int {
        let hash = mixHash(UInt64(UInt32(bitPattern: key)))
        guard partitioning == .consistent else { return Int(hash % UInt64(nodeCount)) }
        var low = 0
        var high = points.count
        while low < high {
            let middle = (low + high) / 2
            if points[middle] < hash { low = middle + 1 } else { high = middle }
        }
        return Int(owners[low == points.count ? 0 : low])
    }

    /// The node that owns a key among the live ones. On a ring, a key whose node has been
    /// ejected goes to the next live node clockwise, so only that node's keys move; mod-N
    /// has no such neighbour and keeps the one owner, live or not.
    @inline(__always)
    func node(for key: Int32, isLive: (Int) -> Bool) -> Int {
        let owner = node(for: key)
        guard partitioning == .consistent, !isLive(owner) else { return owner }
        let hash = mixHash(UInt64(UInt32(bitPattern: key)))
        var low = 0
        var high = points.count
        while low < high {
            let middle = (low + high) / 2
            if points[middle] < hash { low = middle + 1 } else { high = middle }
        }
        for step in 0..<points.count {
            let candidate = Int(owners[(low + step) % points.count])
            if isLive(candidate) { return candidate }
        }
        return owner
    }
}
