import SimKernel

/// What a request asks for.
public enum Operation: UInt8, Sendable {
    case read, write, job
}

/// Every request and background job in flight, stored as parallel arrays indexed by slot.
///
/// Requests are values in arrays rather than objects, so the hot path allocates nothing;
/// a freed slot is reused last-in first-out, which is deterministic. The table holds at
/// most `limit` entries; when it is full new arrivals are dropped and counted.
struct RequestTable {
    static let defaultLimit = 400_000
    /// The deepest chain of calls a request can make (client → lb → gateway → backend →
    /// cache → db is five).
    static let stackDepthLimit = 8

    let limit: Int
    private(set) var startTime: [SimTime] = []
    private(set) var identifier: [UInt64] = []
    var key: [Int32] = []
    var client: [Int32] = []
    var operation: [Operation] = []
    /// The node of the component handling the request now; saved on calls, restored on
    /// responses.
    var node: [Int32] = []
    /// A node chosen ahead for a component further down (the backend node the balancer
    /// picked).
    var routeHint: [Int32] = []
    /// When the request entered the component handling it now.
    var enteredAt: [SimTime] = []
    /// How many requests this one stands for: 1, or more for a sampled request at very high
    /// rates (see `Simulation.splitSingle`).
    private var weights: [Int32] = []
    /// Two words a frame: (caller, phase, node) packed, then the caller's `enteredAt`.
    private var frames: [Int64] = []
    private var depth: [UInt8] = []
    private var free: [Int32] = []
    private var nextIdentifier: UInt64 = 1
    private(set) var inFlight = 0

    init(limit: Int) {
        precondition(limit > 0 && limit < Int(Int32.max), "request limit out of range")
        self.limit = limit
    }

    /// Takes a slot for a new request, or nil when the table is full.
    mutating func allocate(
        operation: Operation, key: Int32, client: Int32, now: SimTime, weight: Int32 = 1
    ) -> Int32? {
        let slot: Int32
        if let reused = free.popLast() {
            slot = reused
        } else {
            guard startTime.count < limit else { return nil }
            slot = Int32(startTime.count)
            grow()
        }
        let index = Int(slot)
        startTime[index] = now
        identifier[index] = nextIdentifier
        nextIdentifier &+= 1
        self.key[index] = key
        self.client[index] = client
        self.operation[index] = operation
        node[index] = -1
        routeHint[index] = -1
        enteredAt[index] = now
        weights[index] = weight
        depth[index] = 0
        inFlight += 1
        return slot
    }

    @inline(__always)
    func weight(_ slot: Int32) -> Int { Int(weights[Int(slot)]) }

    /// Takes one request off a sampled request of weight 2 or more: a new slot of weight 1
    /// with its own operation, key and client, at the same place in the same calls (same
    /// start, callers, nodes and route). Returns nil when the table is full.
    mutating func splitSingle(
        from parent: Int32, operation: Operation, key: Int32, client: Int32
    ) -> Int32? {
        let source = Int(parent)
        precondition(weights[source] > 1, "only a sampled request can be split")
        guard
            let child = allocate(
                operation: operation, key: key, client: client, now: startTime[source])
        else { return nil }
        let index = Int(child)
        weights[source] -= 1
        node[index] = node[source]
        routeHint[index] = routeHint[source]
        enteredAt[index] = enteredAt[source]
        let level = Int(depth[source])
        depth[index] = depth[source]
        let from = 2 * source * RequestTable.stackDepthLimit
        let to = 2 * index * RequestTable.stackDepthLimit
        for word in 0..<(2 * level) { frames[to + word] = frames[from + word] }
        return child
    }

    private mutating func grow() {
        startTime.append(0)
        identifier.append(0)
        key.append(0)
        client.append(0)
        operation.append(.read)
        node.append(-1)
        routeHint.append(-1)
        enteredAt.append(0)
        weights.append(1)
        depth.append(0)
        frames.append(contentsOf: repeatElement(0, count: 2 * RequestTable.stackDepthLimit))
    }

    mutating func release(_ slot: Int32) {
        precondition(depth[Int(slot)] == 0, "a request was released with calls open")
        free.append(slot)
        inFlight -= 1
    }

    /// Saves the caller's place before the request moves to another component.
    @inline(__always)
    mutating func push(_ slot: Int32, caller: Int32, phase: Int32) {
        let index = Int(slot)
        let level = Int(depth[index])
        precondition(level < RequestTable.stackDepthLimit, "call chain too deep")
        let frame =
            Int64(caller) << 48 | Int64(phase & 0xFFFF) << 32
            | Int64(UInt32(bitPattern: node[index]))
        let base = 2 * (index * RequestTable.stackDepthLimit + level)
        frames[base] = frame
        frames[base + 1] = enteredAt[index]
        depth[index] = UInt8(level + 1)
        node[index] = -1
    }

    /// Restores the caller's place; returns the caller and its phase, or nil when the
    /// request has returned to the client.
    @inline(__always)
    mutating func pop(_ slot: Int32) -> (caller: Int32, phase: Int32)? {
        let index = Int(slot)
        let level = Int(depth[index])
        guard level > 0 else { return nil }
        let base = 2 * (index * RequestTable.stackDepthLimit + level - 1)
        let frame = frames[base]
        enteredAt[index] = frames[base + 1]
        depth[index] = UInt8(level - 1)
        node[index] = Int32(truncatingIfNeeded: frame)
        return (
            Int32(truncatingIfNeeded: frame >> 48),
            Int32(truncatingIfNeeded: (frame >> 32) & 0xFFFF)
        )
    }

    func callDepth(_ slot: Int32) -> Int { Int(depth[Int(slot)]) }
}
