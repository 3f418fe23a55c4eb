import Architecture
import SimKernel

/// What a replay found: whether every snapshot it reached matched the log.
public struct ReplayReport: Sendable, Equatable, CustomStringConvertible {
    /// True when nothing diverged; a torn tail alone does not make a mismatch.
    public var matched: Bool
    public var snapshotsChecked: Int
    public var commandsApplied: Int
    /// Marks replayed; they change no figure but appear in the ticker.
    public var marksApplied: Int
    public var firstDivergence: String?
    public var tornTail: Bool
    /// The simulated time the replay reached.
    public var endTime: SimTime
    /// True when the log had an end record (a session that was quit, not cut short).
    public var reachedEnd: Bool

    public init(
        matched: Bool, snapshotsChecked: Int, commandsApplied: Int, marksApplied: Int = 0,
        firstDivergence: String?, tornTail: Bool, endTime: SimTime, reachedEnd: Bool
    ) {
        self.matched = matched
        self.snapshotsChecked = snapshotsChecked
        self.commandsApplied = commandsApplied
        self.marksApplied = marksApplied
        self.firstDivergence = firstDivergence
        self.tornTail = tornTail
        self.endTime = endTime
        self.reachedEnd = reachedEnd
    }

    /// One paragraph for people.
    public var description: String {
        var text =
            "Replayed \(commandsApplied) command\(commandsApplied == 1 ? "" : "s")"
            + (marksApplied == 0 ? "" : " and \(marksApplied) mark\(marksApplied == 1 ? "" : "s")")
            + " up to "
            + "\(formatDuration(endTime)) and checked \(snapshotsChecked) "
            + "snapshot\(snapshotsChecked == 1 ? "" : "s"): "
        if let firstDivergence {
            text += "the replay diverged \(firstDivergence)."
        } else {
            text += "every figure matched the log."
        }
        if tornTail {
            text +=
                " The log's last line was torn (cut short), so the replay stopped at the"
                + " last whole line."
        } else if !reachedEnd && firstDivergence == nil {
            text += " The log has no end record; the session did not finish cleanly."
        }
        return text
    }
}

/// Re-runs a session log and compares its snapshots, without a terminal.
public enum Replayer {
    /// Reads the log at `path`, rebuilds its layout from the header's text and seed, and
    /// replays every record at its time. Throws when the log or its layout cannot be read.
    public static func replayHeadless(path: String) throws -> ReplayReport {
        try replay(try SessionLogReader.read(path: path))
    }

    /// Replays a log already read.
    public static func replay(_ log: SessionLog) throws -> ReplayReport {
        let session = try session(for: log)
        var feed = ReplayFeed(records: log.records)
        feed.play(into: session, until: feed.endTime, eventBudget: .max)
        return ReplayReport(
            matched: feed.firstDivergence == nil, snapshotsChecked: feed.snapshotsChecked,
            commandsApplied: feed.commandsApplied, marksApplied: feed.marksApplied,
            firstDivergence: feed.firstDivergence,
            tornTail: log.tornTail, endTime: session.now, reachedEnd: feed.reachedEnd)
    }

    /// A session without a log, built from the layout text and seed a log's header holds.
    public static func session(for log: SessionLog) throws -> LiveSession {
        // Errors point into the copy the log holds, not at the file it was copied from.
        let layout = try LayoutLoader.parse(
            text: log.header.layout,
            path: "\(log.path): the layout in its header (from \(log.header.layoutPath))")
        return try LiveSession(layout: layout, seed: log.header.seed, log: nil)
    }
}
