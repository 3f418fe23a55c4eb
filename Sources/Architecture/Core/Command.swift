import SimKernel

/// A change to the running simulation. Every key, typed command, scenario line and replayed
/// log line becomes one of these and reaches the engine through `Simulation.apply`.
public enum EngineCommand: Sendable, Equatable {
    /// Sets the offered load in requests per second.
    case setRate(Double)
    /// Changes the offered load by a percentage of the current rate (+25, -20).
    case adjustRate(percent: Double)
    /// Multiplies the load by `factor` for `duration`, then returns to the base rate.
    case spike(factor: Double, duration: SimTime)
    /// Sends `fraction` of requests to the single hottest key (0 turns it off).
    case hotKey(fraction: Double)
    /// Injects a fault into a component or one of its nodes (`db.shard-2`).
    case fail(target: String, fault: Fault)
    case recover(target: String)
    case recoverAll
    /// Sets a strategy or parameter: `set lb.algorithm least-connections`.
    case set(component: String, setting: String, value: String, options: [CommandOption])
    /// Switches a component's strategy to the next one in its list, or to the one before.
    case cycle(component: String, setting: String, step: Int)
    /// Adds (or removes, when negative) nodes of a component.
    case scale(component: String, delta: Int)
}

/// A `name=value` option after a `set` command, such as `r=2`.
public struct CommandOption: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// What can go wrong with a component or node.
public enum Fault: Sendable, Equatable {
    /// Down: requests to it fail; its memory (a cache's entries, a queue's unacked work) is lost.
    case kill
    /// Every service time grows by `extra` microseconds.
    case slow(extra: SimTime)
    /// A share of its requests fail with 500.
    case flaky(errorRatio: Double)
    /// Unreachable: requests to it time out, but it keeps its state.
    case partition

    public var label: String {
        switch self {
        case .kill: return "down"
        case .slow(let extra): return "slow +\(formatDuration(extra))"
        case .flaky(let ratio): return "flaky \(formatFixed(ratio * 100, decimals: 0))%"
        case .partition: return "partitioned"
        }
    }
}

/// Why a command was refused; the simulation is unchanged.
public struct CommandError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
