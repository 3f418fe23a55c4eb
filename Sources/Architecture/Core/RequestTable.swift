import SimKernel

/// What a request asks for.
public enum Operation: UInt8, Sendable, BitwiseCopyable {
    case read, write, job
}

/// Every request and background job in flight, stored as columns indexed by slot.
///
/// Requests are values in columns rather than objects, so the hot path allocates nothing;
/// a freed slot is reused last-in first-out, which is deterministic. The table holds at
/// most `limit` entries; when it is full new arrivals are dropped and counted. The columns
/// start at `initialCapacity` slots and double as the high-water mark of requests in flight
/// rises, never past `limit`.
final class RequestTable {
    static let defaultLimit = 400_000
    static let initialCapacity = 1_024
    /// The deepest chain of calls a request can make (client → lb → gateway → backend →
    /// cache → db is five).
    static let stackDepthLimit = 8
    /// Words a slot keeps for its call stack: two a frame.
    private static let frameWords = 2 * stackDepthLimit

    let limit: Int
    /// Slots with storage; slots handed out at least once are `0..<issued`.
    private(set) var capacity: Int
    private var issued = 0
    private(set) var startTime: SlotColumn<SimTime>
    private(set) var identifier: SlotColumn<UInt64>
    private(set) var key: SlotColumn<Int32>
    private(set) var client: SlotColumn<Int32>
    private(set) var operation: SlotColumn<Operation>
    /// The node of the component handling the request now; saved on calls, restored on
    /// responses.
    private(set) var node: SlotColumn<Int32>
    /// A node chosen ahead for a component further down (the backend node the balancer
    /// picked).
    private(set) var routeHint: SlotColumn<Int32>
    /// When the request entered the component handling it now.
    private(set) var enteredAt: SlotColumn<SimTime>
    /// How many requests this one stands for: 1, or more for a sampled request at very high
    /// rates (see `Simulation.splitSingle`).
    private var weights: SlotColumn<Int32>
    /// Two words a frame: (caller, phase, node) packed, then the caller's `enteredAt`.
    private var frames: SlotColumn<Int64>
    private var depth: SlotColumn<UInt8>
    /// Freed slots, the last freed on top; never more than `issued`.
    private var free: SlotColumn<Int32>
    private var freeCount = 0
    private var nextIdentifier: UInt64 = 1
    private(set) var inFlight = 0

    init(limit: Int) {
        precondition(limit > 0 && limit < Int(Int32.max) / 16, "request limit out of range")
        self.limit = limit
        let slots = min(limit, RequestTable.initialCapacity)
        capacity = slots
        startTime = SlotColumn(capacity: slots, filling: 0)
        identifier = SlotColumn(capacity: slots, filling: 0)
        key = SlotColumn(capacity: slots, filling: 0)
        client = SlotColumn(capacity: slots, filling: 0)
        operation = SlotColumn(capacity: slots, filling: .read)
        node = SlotColumn(capacity: slots, filling: -1)
        routeHint = SlotColumn(capacity: slots, filling: -1)
        enteredAt = SlotColumn(capacity: slots, filling: 0)
        weights = SlotColumn(capacity: slots, filling: 1)
        frames = SlotColumn(capacity: slots * RequestTable.frameWords, filling: 0)
        depth = SlotColumn(capacity: slots, filling: 0)
        free = SlotColumn(capacity: slots, filling: 0)
    }

    deinit {
        startTime.release()
        identifier.release()
        key.release()
        client.release()
        operation.release()
        node.release()
        routeHint.release()
        enteredAt.release()
        weights.release()
        frames.release()
        depth.release()
        free.release()
    }

    /// Takes a slot for a new request, or nil when the table is full.
    func allocate(
        operation: Operation, key: Int32, client: Int32, now: SimTime, weight: Int32 = 1
    ) -> Int32? {
        let slot: Int32
        if freeCount > 0 {
            freeCount -= 1
            slot = free[freeCount]
        } else {
            guard issued < limit else { return nil }
            if issued == capacity { grow() }
            slot = Int32(issued)
            issued += 1
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
    func splitSingle(
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
        frames.copy(
            from: source * RequestTable.frameWords, to: index * RequestTable.frameWords,
            count: 2 * level)
        return child
    }

    /// Doubles every column, up to `limit` slots.
    private func grow() {
        let slots = min(limit, 2 * capacity)
        startTime.grow(to: slots, filling: 0)
        identifier.grow(to: slots, filling: 0)
        key.grow(to: slots, filling: 0)
        client.grow(to: slots, filling: 0)
        operation.grow(to: slots, filling: .read)
        node.grow(to: slots, filling: -1)
        routeHint.grow(to: slots, filling: -1)
        enteredAt.grow(to: slots, filling: 0)
        weights.grow(to: slots, filling: 1)
        frames.grow(to: slots * RequestTable.frameWords, filling: 0)
        depth.grow(to: slots, filling: 0)
        free.grow(to: slots, filling: 0)
        capacity = slots
    }

    func release(_ slot: Int32) {
        precondition(depth[Int(slot)] == 0, "a request was released with calls open")
        precondition(freeCount < issued, "a slot was released twice")
        free[freeCount] = slot
        freeCount += 1
        inFlight -= 1
    }

    /// Saves the caller's place before the request moves to another component.
    @inline(__always)
    func push(_ slot: Int32, caller: Int32, phase: Int32) {
        let index = Int(slot)
        let level = Int(depth[index])
        precondition(level < RequestTable.stackDepthLimit, "call chain too deep")
        let frame =
            Int64(caller) << 48 | Int64(phase & 0xFFFF) << 32
            | Int64(UInt32(bitPattern: node[index]))
        let base = index * RequestTable.frameWords + 2 * level
        frames[base] = frame
        frames[base + 1] = enteredAt[index]
        depth[index] = UInt8(level + 1)
        node[index] = -1
    }

    /// Restores the caller's place; returns the caller and its phase, or nil when the
    /// request has returned to the client.
    @inline(__always)
    func pop(_ slot: Int32) -> (caller: Int32, phase: Int32)? {
        let index = Int(slot)
        let level = Int(depth[index])
        guard level > 0 else { return nil }
        let base = index * RequestTable.frameWords + 2 * (level - 1)
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
