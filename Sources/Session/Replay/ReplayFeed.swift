import Architecture
import SimKernel

/// Feeds a session log's records into a `LiveSession` at their simulated times, for a
/// replay in the terminal (paced by the driver) or headless (as fast as possible).
///
/// `play` never advances the session past the next record's time, so every command lands
/// at exactly the time it was logged; each snapshot record it meets is checked against the
/// session's own figures. After the first divergence it applies nothing more.
public struct ReplayFeed: Sendable {
    public let records: [SessionRecord]
    private var position = 0
    public private(set) var commandsApplied = 0
    public private(set) var marksApplied = 0
    public private(set) var snapshotsChecked = 0
    /// Where the replay first differed from the log: a refused command or a figure.
    public private(set) var firstDivergence: String?
    /// True once the end record was reached.
    public private(set) var reachedEnd = false
    /// What the commands and marks played since the last `takeOutcomes`, oldest first.
    private var outcomes = RingBuffer<SubmitOutcome>(capacity: ReplayFeed.outcomeLimit)

    /// How many outcomes are kept between two `takeOutcomes` calls; older ones are dropped.
    public static let outcomeLimit = 256

    public init(records: [SessionRecord]) {
        self.records = records.filter { $0.time != nil }
    }

    /// The simulated time of the next record still to play, nil when none is left.
    public var nextTime: SimTime? {
        position < records.count ? records[position].time : nil
    }

    /// The end record's time, or the last record's when the log has no end (a torn log).
    public var endTime: SimTime { records.last?.time ?? 0 }

    /// True when every record has been played or the replay diverged.
    public var isFinished: Bool { position >= records.count || firstDivergence != nil }

    /// The outcomes of the commands and marks `play` applied since the last call, so a
    /// driver can follow logged speed changes and show what happened.
    public mutating func takeOutcomes() -> [SubmitOutcome] {
        let taken = outcomes.elements
        outcomes.removeAll()
        return taken
    }

    /// Takes the records due at or before `time`, in order, for a driver that applies them
    /// itself: it must advance the engine to each record's time (see `nextTime`) first,
    /// so commands land where they were logged. `play` does all of that.
    public mutating func due(upTo time: SimTime) -> [SessionRecord] {
        var taken: [SessionRecord] = []
        while let next = nextTime, next <= time, firstDivergence == nil {
            taken.append(records[position])
            position += 1
        }
        return taken
    }

    /// Advances `session` towards `limit`, stopping at each record's time to play it.
    /// Returns true when the session's clock reached `limit`; false when the event budget
    /// ran out first (call again on the next frame).
    @discardableResult
    public mutating func play(into session: LiveSession, until limit: SimTime, eventBudget: Int)
        -> Bool
    {
        var budget = eventBudget
        while true {
            let pending = isFinished ? nil : nextTime
            let target = min(limit, pending ?? limit)
            let before = session.simulation.eventsProcessed
            let reached = session.advance(to: target, eventBudget: budget)
            budget -= session.simulation.eventsProcessed - before
            guard reached else { return false }
            playDue(into: session)
            if target >= limit { return true }
        }
    }

    /// Plays every record due at or before the session's current time.
    private mutating func playDue(into session: LiveSession) {
        while !isFinished, let time = nextTime, time <= session.now {
            let record = records[position]
            position += 1
            play(record, at: time, into: session)
        }
    }

    private mutating func play(_ record: SessionRecord, at time: SimTime, into session: LiveSession)
    {
        let when = "at \(formatDuration(time)) (t=\(time))"
        switch record {
        case .command(_, let text):
            let outcome = session.submit(text)
            outcomes.append(outcome)
            if case .refused(let message) = outcome {
                firstDivergence = "\(when): '\(text)' was refused on replay: \(message)"
            } else {
                commandsApplied += 1
            }
        case .mark(_, let text):
            outcomes.append(session.submit(.mark(text)))
            marksApplied += 1
        case .snapshot(_, let figures):
            snapshotsChecked += 1
            if let difference = SnapshotDigest.firstDifference(
                logged: figures, replayed: session.digest())
            {
                firstDivergence = "\(when): \(difference)"
            }
        case .end:
            reachedEnd = true
        case .header:
            break
        }
    }
}
