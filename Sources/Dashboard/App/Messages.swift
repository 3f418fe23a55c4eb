import Architecture
import SimKernel
import TerminalUI

/// What the program tells the dashboard at start-up.
public struct DashboardConfig: Sendable {
    /// The layout's title, shown on the status line.
    public var title: String
    /// Panel rows from the layout, each a list of component names, top to bottom.
    public var rows: [[String]]
    public var capabilities: Capabilities
    public var seed: UInt64
    /// The session log being written, if any.
    public var recordingPath: String?
    /// A replay: the log's commands drive the simulation and the program refuses any other
    /// change, so the dashboard marks it and offers only the keys that still work.
    public var isReplay: Bool

    public init(
        title: String, rows: [[String]], capabilities: Capabilities, seed: UInt64,
        recordingPath: String?, isReplay: Bool = false
    ) {
        self.title = title
        self.rows = rows
        self.capabilities = capabilities
        self.seed = seed
        self.recordingPath = recordingPath
        self.isReplay = isReplay
    }
}

/// How the run loop is pacing the simulation, sent with every frame.
public struct RunStatus: Sendable, Equatable {
    public var simTime: SimTime
    /// The speed asked for (simulated seconds per wall second).
    public var speed: Double
    /// The speed reached; lower than `speed` when the engine cannot keep up.
    public var effectiveSpeed: Double
    public var paused: Bool
    /// The session log file, or nil when not recording.
    public var recording: String?

    public init(
        simTime: SimTime, speed: Double, effectiveSpeed: Double, paused: Bool,
        recording: String?
    ) {
        self.simTime = simTime
        self.speed = speed
        self.effectiveSpeed = effectiveSpeed
        self.paused = paused
        self.recording = recording
    }
}

/// Everything that can happen to the dashboard: the only input of `Dashboard.update`.
public enum AppMessage: Sendable {
    case key(Key)
    /// A new picture of the simulation and the run loop's pacing.
    case frame(SimSnapshot, RunStatus)
    case resize(width: Int, height: Int)
    /// What became of a submitted command: the engine's answer or its refusal.
    case outcome(command: String, message: String, isError: Bool)
    /// Words the command line completes: components, nodes, settings and their values.
    case vocabulary([String])
}

/// What the dashboard asks the program to do; it never changes the simulation itself.
public enum AppEffect: Sendable, Equatable {
    /// A command in the text language, parsed and applied by the caller.
    case submit(String)
    case quit
}
