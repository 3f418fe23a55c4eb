import Session
import SimKernel

/// What the command line asked for.
enum Invocation: Equatable {
    case interactive(InteractiveOptions)
    case headless(HeadlessOptions)
    case check(path: String)
    case replay(path: String, headless: Bool)
    case bench(BenchOptions)
    case help
    case version
}

struct InteractiveOptions: Equatable {
    var layoutPath: String?
    var seed: UInt64?
    /// nil: a new file in the default per-user directory.
    var recordPath: String?
    var recording = true
    var speed = 1.0
}

struct HeadlessOptions: Equatable {
    var layoutPath: String?
    var seed: UInt64?
    var duration: SimTime = 60 * Micros.perSecond
    var commands: String?
    var scriptPath: String?
    var recordPath: String?
}

struct BenchOptions: Equatable {
    /// Scales every benchmark's size; 1 is the full run the README describes.
    var scale = 1.0
    var only: String?
}

/// A command line that could not be understood; printed with a pointer to `--help`.
struct UsageError: Error, CustomStringConvertible {
    var message: String
    var description: String { "blueprint: \(message)\nTry 'blueprint --help'." }
}

/// Reads the arguments (without the program name). Nothing here touches the terminal.
enum OptionParser {
    static func parse(_ arguments: [String]) throws(UsageError) -> Invocation {
        var words = ArraySlice(arguments)
        switch words.first {
        case "--help", "-h", "help", "--version", "-V":
            guard words.count == 1 else {
                throw UsageError(message: "\(words.first!) takes nothing else")
            }
            return ["--version", "-V"].contains(words.first!) ? .version : .help
        case "check":
            words.removeFirst()
            guard words.count == 1, let path = words.first, !path.hasPrefix("-") else {
                throw UsageError(message: "check takes one layout file: blueprint check FILE")
            }
            return .check(path: path)
        case "replay":
            words.removeFirst()
            let headless = words.contains("--headless")
            let rest = words.filter { $0 != "--headless" }
            guard rest.count == 1, let path = rest.first, !path.hasPrefix("-") else {
                throw UsageError(
                    message: "replay takes one log file: blueprint replay [--headless] FILE")
            }
            return .replay(path: path, headless: headless)
        case "bench":
            words.removeFirst()
            return .bench(try parseBench(words))
        default:
            break
        }
        return words.contains("--headless")
            ? .headless(try parseHeadless(words)) : .interactive(try parseInteractive(words))
    }

    private static func parseInteractive(_ words: ArraySlice<String>) throws(UsageError)
        -> InteractiveOptions
    {
        var options = InteractiveOptions()
        var reader = ArgumentReader(words)
        while let word = try reader.next() {
            switch word {
            case "--layout": options.layoutPath = try reader.value(for: word)
            case "--seed": options.seed = try reader.seed()
            case "--record": options.recordPath = try reader.value(for: word)
            case "--no-record": options.recording = false
            case "--speed":
                let text = try reader.value(for: word)
                guard let speed = Double(text), speed >= 0.01, speed <= Pacer.speedLimit else {
                    throw UsageError(message: "--speed takes a factor from 0.01 to 100000")
                }
                options.speed = speed
            default: throw reader.unknown(word)
            }
        }
        if !options.recording && options.recordPath != nil {
            throw UsageError(message: "--record and --no-record contradict each other")
        }
        return options
    }

    private static func parseHeadless(_ words: ArraySlice<String>) throws(UsageError)
        -> HeadlessOptions
    {
        var options = HeadlessOptions()
        var reader = ArgumentReader(words)
        while let word = try reader.next() {
            switch word {
            case "--headless": continue
            case "--layout": options.layoutPath = try reader.value(for: word)
            case "--seed": options.seed = try reader.seed()
            case "--duration":
                let text = try reader.value(for: word)
                guard let duration = parseDuration(text), duration > 0,
                    duration <= 7 * 24 * Micros.perHour
                else {
                    throw UsageError(message: "--duration takes a time such as 60s, 10m or 2h")
                }
                options.duration = duration
            case "--commands": options.commands = try reader.value(for: word)
            case "--script": options.scriptPath = try reader.value(for: word)
            case "--record": options.recordPath = try reader.value(for: word)
            default: throw reader.unknown(word)
            }
        }
        return options
    }

    private static func parseBench(_ words: ArraySlice<String>) throws(UsageError) -> BenchOptions {
        var options = BenchOptions()
        var reader = ArgumentReader(words)
        while let word = try reader.next() {
            switch word {
            case "--scale":
                let text = try reader.value(for: word)
                guard let scale = Double(text), scale > 0, scale <= 100 else {
                    throw UsageError(message: "--scale takes a factor above 0 and at most 100")
                }
                options.scale = scale
            case "--only": options.only = try reader.value(for: word)
            default: throw reader.unknown(word)
            }
        }
        return options
    }
}

/// Walks the arguments one at a time, with values for options that take one.
struct ArgumentReader {
    private var words: ArraySlice<String>
    /// The options read so far; each may be given once, so none silently replaces another.
    private var seen: [String] = []

    init(_ words: ArraySlice<String>) {
        self.words = words
    }

    mutating func next() throws(UsageError) -> String? {
        guard let word = words.popFirst() else { return nil }
        if word.hasPrefix("-") {
            guard !seen.contains(word) else {
                throw UsageError(message: "\(word) is given twice")
            }
            seen.append(word)
        }
        return word
    }

    mutating func value(for option: String) throws(UsageError) -> String {
        guard let value = words.popFirst() else {
            throw UsageError(message: "\(option) needs a value")
        }
        return value
    }

    mutating func seed() throws(UsageError) -> UInt64 {
        let text = try value(for: "--seed")
        guard let seed = UInt64(text) else {
            throw UsageError(message: "--seed takes a whole number from 0 to \(UInt64.max)")
        }
        return seed
    }

    func unknown(_ word: String) -> UsageError {
        UsageError(
            message: word.hasPrefix("-") ? "unknown option '\(word)'" : "unexpected '\(word)'")
    }
}
