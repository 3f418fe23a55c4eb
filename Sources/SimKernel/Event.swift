/// One scheduled happening: a plain value, so the queue never allocates per event.
///
/// `target` names the component that handles it, `kind` what it means to that component,
/// and `subject` / `argument` carry a request slot, a node index or whatever the kind needs.
public struct Event: Sendable, Equatable {
    public var time: SimTime
    /// Breaks ties between events at the same time in the order they were scheduled.
    public var sequence: UInt64
    public var target: Int32
    public var kind: Int32
    public var subject: Int32
    public var argument: Int32

    @inlinable
    public init(
        time: SimTime, sequence: UInt64, target: Int32, kind: Int32, subject: Int32,
        argument: Int32
    ) {
        self.time = time
        self.sequence = sequence
        self.target = target
        self.kind = kind
        self.subject = subject
        self.argument = argument
    }

    /// Earlier time first; at equal times, the one scheduled first. Both comparisons are
    /// always made, so the result is a plain value the compiler need not branch on.
    @inlinable @inline(__always)
    static func precedes(_ lhs: Event, _ rhs: Event) -> Bool {
        let earlier = lhs.time < rhs.time
        let tiedBefore = (lhs.time == rhs.time) && (lhs.sequence < rhs.sequence)
        return earlier || tiedBefore
    }
}
