import Architecture
import SimKernel

/// One thing a person, a key, a scenario or a replayed log can ask of a running session.
///
/// Engine commands change the simulation; the others (speed, pause, marks) change only
/// how the driver paces it or what the log remembers, yet they take the same road so a
/// replay can repeat them too.
public enum SessionCommand: Equatable, Sendable {
    case engine(EngineCommand)
    /// Runs the simulation this many times faster than the wall clock.
    case speed(Double)
    /// +1 for one step faster, -1 for one step slower.
    case speedStep(Int)
    case pause
    case resume
    /// A note in the session log and the ticker, such as "the stampede starts here".
    case mark(String)
}

/// Why a command line could not be read: what was expected, at which word.
public struct CommandSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A sentence for the command line, naming the word at fault and what would fit there.
    public var message: String
    /// The 1-based number of the word at fault; one past the last word when one is missing.
    public var wordNumber: Int
    /// The 0-based offset, in characters, of that word in the text (or of the text's end).
    public var offset: Int

    public init(message: String, wordNumber: Int, offset: Int) {
        self.message = message
        self.wordNumber = wordNumber
        self.offset = offset
    }

    public var description: String { message }
}

extension SessionCommand {
    /// The command in its canonical text form, which parses back to an equal command.
    ///
    /// Session logs record this form, so a replay reads exactly what was applied, whatever
    /// spelling the person typed.
    public var text: String {
        switch self {
        case .engine(let command): return CommandText.render(command)
        case .speed(let factor): return "speed " + CommandText.number(factor)
        case .speedStep(let step): return step >= 0 ? "speed faster" : "speed slower"
        case .pause: return "pause"
        case .resume: return "resume"
        case .mark(let note): return "mark \"\(note)\""
        }
    }
}

/// Renders commands and numbers in the forms the parser reads back exactly.
enum CommandText {
    static func render(_ command: EngineCommand) -> String {
        switch command {
        case .setRate(let rate): return "load rate " + number(rate)
        case .adjustRate(let percent):
            return "load rate " + (percent < 0 ? "" : "+") + number(percent) + "%"
        case .spike(let factor, let duration):
            return "load spike x\(number(factor)) for \(self.duration(duration))"
        case .hotKey(let fraction):
            return fraction == 0 ? "load hotkey off" : "load hotkey " + number(fraction)
        case .fail(let target, let fault): return "fail \(target) \(render(fault))"
        case .recover(let target): return "recover \(target)"
        case .recoverAll: return "recover all"
        case .set(let component, let setting, let value, let options):
            let extra = options.map { " \($0.name)=\($0.value)" }.joined()
            return "set \(component).\(setting) \(value)\(extra)"
        case .cycle(let component, let setting, let step):
            let named = setting.isEmpty ? "" : "." + setting
            return "cycle \(component)\(named)" + (step < 0 ? " back" : "")
        case .scale(let component, let delta):
            return "scale \(component) " + (delta < 0 ? "" : "+") + String(delta)
        }
    }

    static func render(_ fault: Fault) -> String {
        switch fault {
        case .kill: return "kill"
        case .slow(let extra): return "slow " + duration(extra)
        case .flaky(let ratio): return "flaky " + share(ratio)
        case .partition: return "partition"
        }
    }

    /// A number that reads back to the same `Double`: whole numbers without a fraction.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return String(value)
    }

    /// A duration in the largest unit that keeps it whole, so it reads back exactly.
    static func duration(_ micros: SimTime) -> String {
        if micros != 0, micros % Micros.perSecond == 0 {
            return "\(micros / Micros.perSecond)s"
        }
        if micros != 0, micros % Micros.perMilli == 0 {
            return "\(micros / Micros.perMilli)ms"
        }
        return "\(micros)us"
    }

    /// A share as a percentage when that reads back exactly, else as a fraction.
    static func share(_ ratio: Double) -> String {
        for decimals in 0...6 {
            let text = formatFixed(ratio * 100, decimals: decimals)
            if let percent = NumberWord.decimal(text), percent / 100 == ratio {
                return text + "%"
            }
        }
        return number(ratio)
    }
}
