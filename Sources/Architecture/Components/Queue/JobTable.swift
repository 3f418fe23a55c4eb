import SimKernel

/// The messages a queue holds: waiting in FIFO order or in flight to a consumer, each with
/// a delivery count and a generation that tells a stale acknowledgement from a live one.
struct JobTable {
    enum State: UInt8 { case free, waiting, inFlight }

    let limit: Int
    private(set) var state: [State] = []
    private(set) var enqueuedAt: [SimTime] = []
    private(set) var deliveries: [Int32] = []
    private(set) var generation: [Int32] = []
    private(set) var payloadBytes: [Int64] = []
    private var free: [Int32] = []
    private var waiting: [Int32] = []
    private var waitingHead = 0
    private(set) var inFlight = 0

    init(limit: Int) {
        precondition(limit > 0, "a queue holds at least one message")
        self.limit = limit
    }

    var waitingCount: Int { waiting.count - waitingHead }
    var held: Int { waitingCount + inFlight }

    /// The enqueue time of the oldest waiting message, for consumer lag.
    var oldestWaiting: SimTime? {
        waitingCount > 0 ? enqueuedAt[Int(waiting[waitingHead])] : nil
    }

    /// Adds a message, or returns nil when the queue is at its limit.
    mutating func enqueue(now: SimTime, bytes: Int64) -> Int32? {
        guard held < limit else { return nil }
        let job: Int32
        if let reused = free.popLast() {
            job = reused
        } else {
            job = Int32(state.count)
            state.append(.free)
            enqueuedAt.append(0)
            deliveries.append(0)
            generation.append(0)
            payloadBytes.append(0)
        }
        let position = Int(job)
        state[position] = .waiting
        enqueuedAt[position] = now
        deliveries[position] = 0
        payloadBytes[position] = bytes
        waiting.append(job)
        return job
    }

    /// Takes the oldest waiting message for delivery.
    mutating func takeNext() -> Int32? {
        guard waitingHead < waiting.count else { return nil }
        let job = waiting[waitingHead]
        waitingHead += 1
        if waitingHead > 4_096 && waitingHead * 2 > waiting.count {
            waiting.removeFirst(waitingHead)
            waitingHead = 0
        }
        let position = Int(job)
        state[position] = .inFlight
        deliveries[position] += 1
        generation[position] &+= 1
        inFlight += 1
        return job
    }

    /// Puts an in-flight message back at the tail (negative acknowledgement or timeout).
    mutating func requeue(_ job: Int32) {
        precondition(state[Int(job)] == .inFlight, "requeued a message not in flight")
        state[Int(job)] = .waiting
        inFlight -= 1
        waiting.append(job)
    }

    /// Forgets an in-flight message (acknowledged, or dead-lettered).
    mutating func remove(_ job: Int32) {
        precondition(state[Int(job)] == .inFlight, "removed a message not in flight")
        state[Int(job)] = .free
        inFlight -= 1
        free.append(job)
    }

    func isLive(_ job: Int32, generation expected: Int32) -> Bool {
        state[Int(job)] == .inFlight && generation[Int(job)] == expected
    }
}
