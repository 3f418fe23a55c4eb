import SimKernel

/// One server: a fixed count of workers, a bounded FIFO queue, a speed and a health.
///
/// It only keeps the books; the component that owns it schedules the events. Utilisation
/// is measured as the time-average of busy workers over the window, not estimated; the
/// whole-run time-averages of busy workers and of requests present (busy + queued) are kept
/// too, for Little's law and the theory tests.
///
/// Hot paths read its stored fields (`health.isReachable`, not a computed property of the
/// pool): read through a component's stored pool, a computed property copies the whole
/// pool, retaining its name and queue, on every request.
struct ServerPool {
    let name: String
    private(set) var workers: Int
    let queueLimit: Int
    /// Work takes `1 / speed` times the nominal service time (a bigger node is faster).
    var speed: Double
    var health: Health = .up
    var slowExtra: SimTime = 0
    var errorRatio = 0.0

    private(set) var busy = 0
    private var queue: [Int32] = []
    private var queueHead = 0
    /// Requests sent to this node and not answered yet (connections, for least-connections).
    var connections = 0

    private var busyArea: Double = 0
    private var lastChange: SimTime = 0
    private var windowStart: SimTime = 0
    /// Measured over the last window: undefined until one has closed.
    private(set) var utilisation = Double.nan
    private(set) var windowCompleted = 0
    private(set) var throughput = Double.nan
    private(set) var rejected = 0
    /// Requests taken into service or into the queue, over the whole run.
    private(set) var admitted = 0

    /// The integral of busy workers over time since the run began.
    private var runBusyArea: Double = 0
    /// The integral of requests present (busy + queued) over time since the run began.
    private var presenceArea: Double = 0
    private var presenceSince: SimTime = 0

    init(name: String, workers: Int, queueLimit: Int, speed: Double) {
        precondition(workers > 0, "a server needs a worker")
        precondition(queueLimit >= 0, "a queue limit cannot be negative")
        self.name = name
        self.workers = workers
        self.queueLimit = queueLimit
        self.speed = speed
    }

    var queueDepth: Int { queue.count - queueHead }
    /// Being scaled in: it takes no new work and is removed once it has none.
    var isDraining = false
    /// True when it is idle: nothing running, queued or connected.
    var isIdle: Bool { busy == 0 && queueDepth == 0 && connections == 0 }

    /// Takes a worker for `slot` if one is free; otherwise queues it, or refuses it when
    /// the queue is full.
    enum Admission { case started, queued, rejected }

    mutating func admit(_ slot: Int32, now: SimTime) -> Admission {
        if busy < workers {
            account(now: now)
            accountPresence(now: now)
            busy += 1
            admitted += 1
            return .started
        }
        guard queueDepth < queueLimit else {
            rejected += 1
            return .rejected
        }
        accountPresence(now: now)
        queue.append(slot)
        admitted += 1
        return .queued
    }

    /// Frees a worker; returns the queued request that takes it, if any.
    mutating func release(now: SimTime) -> Int32? {
        precondition(busy > 0, "released a worker that was not busy")
        windowCompleted += 1
        accountPresence(now: now)
        if queueHead < queue.count {
            let next = queue[queueHead]
            queueHead += 1
            compactQueue()
            return next
        }
        account(now: now)
        busy -= 1
        return nil
    }

    /// Counts requests served by a node that keeps no workers busy (a nameserver).
    mutating func countServed(_ times: Int = 1) {
        windowCompleted += times
    }

    /// Counts requests refused without asking `admit` (the rest of a sampled request that
    /// found no room).
    mutating func countRejected(_ times: Int) {
        rejected += times
    }

    /// How many more requests it would take now: free workers plus free queue places.
    var room: Int { max(0, workers - busy) + max(0, queueLimit - queueDepth) }

    /// Empties the queue (the node died); returns the requests that were waiting.
    mutating func drainQueue(now: SimTime) -> [Int32] {
        accountPresence(now: now)
        let waiting = Array(queue[queueHead...])
        queue.removeAll(keepingCapacity: true)
        queueHead = 0
        return waiting
    }

    private mutating func compactQueue() {
        if queueHead > 1024 && queueHead * 2 > queue.count {
            queue.removeFirst(queueHead)
            queueHead = 0
        }
    }

    /// The service time of one request on this node, from a nominal mean.
    @inline(__always)
    func serviceTime(meanMicros: Double, random: inout RandomStream) -> SimTime {
        let draw = random.exponential(mean: meanMicros / speed)
        return Micros.nearest(draw) + slowExtra
    }

    mutating func resize(workers count: Int, now: SimTime) {
        account(now: now)
        workers = max(1, count)
    }

    private mutating func account(now: SimTime) {
        let area = Double(busy) * Double(now - lastChange)
        busyArea += area
        runBusyArea += area
        lastChange = now
    }

    @inline(__always)
    private mutating func accountPresence(now: SimTime) {
        presenceArea += Double(busy + queueDepth) * Double(now - presenceSince)
        presenceSince = now
    }

    /// The time-average count of requests present (in service or queued) from the start
    /// of the run to `now`: the L of Little's law.
    func meanPresent(now: SimTime) -> Double {
        guard now > 0 else { return 0 }
        let open = Double(busy + queueDepth) * Double(now - presenceSince)
        return (presenceArea + open) / Double(now)
    }

    /// The time-average count of busy workers from the start of the run to `now`.
    func meanBusy(now: SimTime) -> Double {
        guard now > 0 else { return 0 }
        return (runBusyArea + Double(busy) * Double(now - lastChange)) / Double(now)
    }

    mutating func roll(now: SimTime) {
        account(now: now)
        let span = Double(max(1, now - windowStart))
        utilisation = min(1, busyArea / (span * Double(workers)))
        throughput = Double(windowCompleted) * Double(Micros.perSecond) / span
        busyArea = 0
        windowStart = now
        windowCompleted = 0
    }

    func snapshot(detail: String = "") -> NodeSnapshot {
        NodeSnapshot(
            name: name, health: health, utilisation: utilisation, queueDepth: queueDepth,
            inFlight: connections, throughput: throughput, detail: detail)
    }

    /// Applies a fault's effect on the books; the owner handles the requests it held.
    mutating func apply(_ fault: Fault) {
        switch fault {
        case .kill: health = .down
        case .slow(let extra):
            health = .slow
            slowExtra = extra
        case .flaky(let ratio):
            health = .flaky
            errorRatio = ratio
        case .partition: health = .partitioned
        }
    }

    mutating func heal() {
        health = .up
        slowExtra = 0
        errorRatio = 0
    }
}
