import Architecture
import Foundation
import SimKernel

/// A run without a terminal: a layout, a seed, a duration and commands in; the final
/// figures, a summary and optionally a session log out. Tests, benchmarks and lesson
/// preparation use it; the commands take the same road as typed ones.
public struct HeadlessRun {
    public var layout: Layout
    public var seed: UInt64
    /// How much simulated time to run.
    public var duration: SimTime
    /// Commands at their simulated times, as `CommandList.parse` reads `--commands`.
    public var commands: [TimedCommand]
    /// Where `commands` came from, for messages about them.
    public var commandSource = "--commands"
    /// Timed steps merged with `commands`; at equal times the commands come first.
    public var scenario: Scenario?
    /// Where to write the session log; nil for none.
    public var logPath: String?
    /// The program named in the log's header.
    public var program = SessionLogWriter.defaultProgram

    public init(
        layout: Layout, seed: UInt64, duration: SimTime,
        commands: [TimedCommand] = [], scenario: Scenario? = nil,
        logPath: String? = nil
    ) {
        self.layout = layout
        self.seed = seed
        self.duration = duration
        self.commands = commands
        self.scenario = scenario
        self.logPath = logPath
    }

    /// Every command and scenario step in time order, each with the file it came from; at
    /// equal times the commands come first, each list in its own order.
    var placedSchedule: [(command: TimedCommand, file: String)] {
        let given = commands.map { (command: $0, file: commandSource) }
        let steps = (scenario?.steps ?? []).map { (command: $0, file: scenario!.path) }
        return (given + steps).enumerated().sorted {
            ($0.element.command.at, $0.offset) < ($1.element.command.at, $1.offset)
        }.map(\.element)
    }

    var schedule: [TimedCommand] { placedSchedule.map(\.command) }

    /// Applies every command once, in order, to a fresh simulation without running it, so
    /// a misspelt name or setting is refused before a long run rather than after it.
    /// Returns the first refusal as `file:line:column: command: ...`, or nil when the engine
    /// takes them all. Throws when the layout cannot be built.
    public func firstRefusal() throws -> String? {
        let session = try LiveSession(layout: layout, seed: seed, log: nil)
        for (command, file) in placedSchedule {
            guard case .refused(let message) = session.submit(command.text) else { continue }
            let place = "\(file):\(command.line ?? 1):\(command.column ?? 1)"
            return "\(place): command: '\(command.text)' at \(formatDuration(command.at)) "
                + "was refused: \(message)"
        }
        return nil
    }

    /// Runs the whole duration as fast as the machine allows. Throws when the layout or
    /// the log cannot be used; a refused command is reported in the result instead.
    public func run() throws -> HeadlessResult {
        let clock = ContinuousClock()
        let started = clock.now
        var log: SessionLogWriter? = nil
        if let logPath { log = try SessionLogWriter(path: logPath, program: program) }
        let session = try LiveSession(layout: layout, seed: seed, log: log)
        var refusals: [HeadlessRefusal] = []
        var applied = 0
        var skipped = 0
        for step in schedule {
            guard step.at <= duration else {
                skipped += 1
                continue
            }
            session.advance(to: step.at, eventBudget: .max)
            switch session.submit(step.text) {
            case .applied: applied += 1
            case .refused(let message):
                refusals.append(HeadlessRefusal(at: step.at, text: step.text, message: message))
            }
        }
        session.advance(to: duration, eventBudget: .max)
        try session.finish(reason: "end of run")
        let snapshot = session.simulation.snapshot()
        return HeadlessResult(
            layoutName: layout.name, seed: seed, duration: duration, snapshot: snapshot,
            digest: SnapshotDigest(snapshot), commandsApplied: applied, refusals: refusals,
            commandsSkipped: skipped, eventsProcessed: session.simulation.eventsProcessed,
            wallSeconds: Self.seconds(clock.now - started))
    }

    private static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}

/// A command the engine or the parser refused during a headless run.
public struct HeadlessRefusal: Sendable, Equatable {
    public var at: SimTime
    public var text: String
    public var message: String
}

/// What a headless run ended with.
public struct HeadlessResult: Sendable {
    public var layoutName: String
    public var seed: UInt64
    public var duration: SimTime
    /// The figures at the end of the run.
    public var snapshot: SimSnapshot
    public var digest: SnapshotDigest
    public var commandsApplied: Int
    public var refusals: [HeadlessRefusal]
    /// Commands timed after the end of the run, which were not applied.
    public var commandsSkipped: Int
    public var eventsProcessed: Int
    /// Wall-clock time the run took; not part of the summary table, which must not vary.
    public var wallSeconds: Double
}
