/// The discrete-event kernel: a clock and a queue of pending events.
///
/// It knows nothing of what events mean. The owner pops events one at a time and acts on
/// them; the clock only moves forward, to the time of the event popped or to the limit of
/// an `advance`. Wall-clock pacing lives outside, in the driver.
public struct Kernel: Sendable {
    public private(set) var now: SimTime = 0
    public private(set) var queue: EventQueue
    private var nextSequence: UInt64 = 0
    /// The largest count of pending events allowed; scheduling beyond it is a model bug.
    public let pendingLimit: Int

    public init(pendingLimit: Int = 8_000_000) {
        self.pendingLimit = pendingLimit
        self.queue = EventQueue(reservingCapacity: 4096)
    }

    public var pendingCount: Int { queue.count }
    public var nextTime: SimTime? { queue.nextTime }

    /// Schedules an event `delay` microseconds from now (never in the past).
    @inline(__always)
    public mutating func schedule(
        after delay: SimTime, target: Int32, kind: Int32, subject: Int32 = 0,
        argument: Int32 = 0
    ) {
        schedule(
            at: now &+ max(0, delay), target: target, kind: kind, subject: subject,
            argument: argument)
    }

    /// Schedules an event at an absolute time, clamped to now.
    public mutating func schedule(
        at time: SimTime, target: Int32, kind: Int32, subject: Int32 = 0, argument: Int32 = 0
    ) {
        precondition(queue.count < pendingLimit, "pending event limit exceeded")
        let event = Event(
            time: max(time, now), sequence: nextSequence, target: target, kind: kind,
            subject: subject, argument: argument)
        nextSequence &+= 1
        queue.push(event)
    }

    /// Pops the next event if it happens at or before `limit`, moving the clock to it.
    @inline(__always)
    public mutating func popNext(notAfter limit: SimTime) -> Event? {
        guard let time = queue.nextTime, time <= limit else { return nil }
        let event = queue.pop()!
        now = event.time
        return event
    }

    /// Moves the clock forward to `time` once no event before it remains.
    public mutating func moveClock(to time: SimTime) {
        precondition(queue.nextTime.map { $0 > time } ?? true, "events left before \(time)")
        if time > now { now = time }
    }
}
