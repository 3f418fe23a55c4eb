import Architecture
import Foundation
import SimKernel

/// What became of a submitted command line.
public enum SubmitOutcome: Sendable, Equatable {
    /// The command was applied (or, for speed, pause and marks, accepted) and logged.
    case applied(command: SessionCommand, message: String)
    /// The command could not be read or the engine refused it; nothing changed and
    /// nothing was logged.
    case refused(message: String)
}

/// A running simulation and its session log: the one road by which commands reach the
/// engine, whether they come from a key, the command line, a scenario or a replay.
///
/// It advances the simulation in steps that stop at every multiple of `snapshotInterval`
/// to log the figures there, so a replay meets its snapshots at the same times. Writing
/// the log never stops the session: the first failure is kept in `logError` and logging
/// stops, for the driver to show.
public final class LiveSession {
    public let layout: Layout
    public let seed: UInt64
    /// The engine, for reading figures (`snapshot()`). Change it only through `submit`, or
    /// the log and a replay will not know.
    public let simulation: Simulation
    /// The first failure to write the log, after which nothing more is written.
    public private(set) var logError: SessionLogError?
    /// Commands accepted so far (all kinds, marks included).
    public private(set) var commandsAccepted = 0
    private var log: SessionLogWriter?
    private var nextSnapshotTime: SimTime
    private var lastSnapshotTime: SimTime = -1
    private var finished = false

    /// The simulated time between two snapshot records of the log.
    public static let snapshotInterval: SimTime = 5_000_000

    /// Builds the simulation (a bad parameter is reported at its place in the layout) and,
    /// with a log, writes its header.
    public init(layout: Layout, seed: UInt64, log: SessionLogWriter?) throws {
        self.layout = layout
        self.seed = seed
        do {
            simulation = try Simulation(spec: layout.architecture, seed: seed)
        } catch {
            throw LayoutErrors.located(error, in: layout)
        }
        nextSnapshotTime = LiveSession.snapshotInterval
        self.log = log
        if let log {
            let header = SessionHeader(
                program: log.program, seed: seed, layoutPath: layout.sourcePath,
                layout: layout.sourceText, started: Date().ISO8601Format())
            try log.write(.header(header))
        }
    }

    /// The simulated time the session has reached.
    public var now: SimTime { simulation.now }

    /// Runs the simulation up to `limit`, processing at most about `eventBudget` events,
    /// and logs a snapshot at every multiple of `snapshotInterval` it reaches.
    /// Returns true when the clock reached `limit`.
    @discardableResult
    public func advance(to limit: SimTime, eventBudget: Int) -> Bool {
        var budget = eventBudget
        while true {
            let target = min(limit, nextSnapshotTime)
            let before = simulation.eventsProcessed
            let reached = simulation.advance(to: target, eventBudget: budget)
            budget -= simulation.eventsProcessed - before
            guard reached else { return false }
            if simulation.now >= nextSnapshotTime {
                writeSnapshot()
                let interval = LiveSession.snapshotInterval
                nextSnapshotTime = (simulation.now / interval + 1) * interval
            }
            if target >= limit { return true }
        }
    }

    /// Parses and applies one command line at the current simulated time.
    public func submit(_ text: String) -> SubmitOutcome {
        switch CommandParser.parse(text) {
        case .success(let command): return submit(command)
        case .failure(let error): return .refused(message: error.message)
        }
    }

    /// Applies one command at the current simulated time and logs it when accepted.
    public func submit(_ command: SessionCommand) -> SubmitOutcome {
        let message: String
        switch command {
        case .engine(let engineCommand):
            do {
                message = try simulation.apply(engineCommand)
            } catch {
                return .refused(message: error.message)
            }
        case .speed(let factor): message = "speed x" + CommandText.number(factor)
        case .speedStep(let step): message = step >= 0 ? "speed faster" : "speed slower"
        case .pause: message = "paused"
        case .resume: message = "resumed"
        case .mark(let note):
            simulation.tell("mark: " + note)
            message = "marked: " + note
        }
        commandsAccepted += 1
        if case .mark(let note) = command {
            record(.mark(t: now, text: note))
        } else {
            record(.command(t: now, text: command.text))
        }
        return .applied(command: command, message: message)
    }

    /// Writes a last snapshot (unless one was just written) and the end record, then
    /// closes the log. The clock does not move. Finishing twice does nothing.
    public func finish(reason: String) throws(SessionLogError) {
        guard !finished else { return }
        finished = true
        if lastSnapshotTime != now { writeSnapshot() }
        record(.end(t: now, reason: reason))
        try log?.close()
        log = nil
        if let logError { throw logError }
    }

    /// The digest of the simulation's figures now, as snapshot records hold them.
    public func digest() -> SnapshotDigest {
        SnapshotDigest(simulation.snapshot())
    }

    /// Names for command completion: components, nodes and `component.setting` pairs,
    /// with each setting's choices, sorted.
    public var completionVocabulary: [String] {
        var names = simulation.targetNames
        for component in simulation.components {
            for setting in component.settings {
                names.append("\(component.name).\(setting.name)")
                names.append(contentsOf: setting.choices)
            }
        }
        return Array(Set(names)).sorted()
    }

    private func writeSnapshot() {
        lastSnapshotTime = now
        guard log != nil else { return }
        record(.snapshot(t: now, figures: digest()))
    }

    private func record(_ entry: SessionRecord) {
        guard let log, logError == nil else { return }
        do {
            try log.write(entry)
        } catch {
            logError = error
        }
    }
}
