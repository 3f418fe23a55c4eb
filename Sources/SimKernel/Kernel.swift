/// The discrete-event kernel: a clock and a queue of pending events.
///
/// It knows nothing of what events mean. The owner pops events one at a time and acts on
/// them; the clock only moves forward, to the time of the event popped or to the limit of
/// an `advance`. Wall-clock pacing lives outside, in the driver.
///
/// Scheduling and popping are `@inlinable`, so a model in another module (the engine, a
/// benchmark) compiles them into its own loop instead of calling across the module
/// boundary for every event.
public struct Kernel: ~Copyable, Sendable {
    @usableFromInline var clock: SimTime = 0
    @usableFromInline var events: EventQueue
    @usableFromInline var nextSequence: UInt64 = 0
    /// The largest count of pending events allowed; scheduling beyond it is a model bug.
    public let pendingLimit: Int

    public init(pendingLimit: Int = 8_000_000) {
        self.pendingLimit = pendingLimit
        self.events = EventQueue(reservingCapacity: 4096)
    }

    /// The simulated time: the time of the last event popped or of the last `moveClock`.
    @inlinable
    public var now: SimTime { clock }

    @inlinable
    public var pendingCount: Int { events.count }

    @inlinable
    public var nextTime: SimTime? { events.nextTime }

    /// Schedules an event `delay` microseconds from now (never in the past).
    @inlinable @inline(__always)
    public mutating func schedule(
        after delay: SimTime, target: Int32, kind: Int32, subject: Int32 = 0,
        argument: Int32 = 0
    ) {
        schedule(
            at: clock &+ max(0, delay), target: target, kind: kind, subject: subject,
            argument: argument)
    }

    /// Schedules an event at an absolute time, clamped to now.
    @inlinable @inline(__always)
    public mutating func schedule(
        at time: SimTime, target: Int32, kind: Int32, subject: Int32 = 0, argument: Int32 = 0
    ) {
        precondition(events.count < pendingLimit, "pending event limit exceeded")
        let event = Event(
            time: max(time, clock), sequence: nextSequence, target: target, kind: kind,
            subject: subject, argument: argument)
        nextSequence &+= 1
        events.push(event)
    }

    /// Pops the next event if it happens at or before `limit`, moving the clock to it.
    @inlinable @inline(__always)
    public mutating func popNext(notAfter limit: SimTime) -> Event? {
        guard let event = events.popEarliest(notAfter: limit) else { return nil }
        clock = event.time
        return event
    }

    /// Moves the clock forward to `time` once no event before it remains.
    public mutating func moveClock(to time: SimTime) {
        precondition(events.nextTime.map { $0 > time } ?? true, "events left before \(time)")
        if time > clock { clock = time }
    }
}
