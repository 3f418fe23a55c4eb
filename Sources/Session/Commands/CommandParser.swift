import Architecture
import SimKernel

/// Reads the command language: one line of text in, one `SessionCommand` or a message out.
///
/// Parsing is pure and total: any string, however odd, gives a result and never traps.
/// The parser checks only the shape of a command; whether `db.shard-2` exists or a rate is
/// in range is the engine's call when the command is applied.
public enum CommandParser {
    /// Every form of the language, one line each, for help screens.
    public static let grammar: [String] = [
        "load rate 5000 | load rate +25% | load rate -20%",
        "load spike x5 for 30s",
        "load hotkey 0.4 | load hotkey 40% | load hotkey off",
        "fail TARGET kill | down",
        "fail TARGET slow 200ms",
        "fail TARGET flaky 20%",
        "fail TARGET partition",
        "recover TARGET | recover all",
        "set COMPONENT.SETTING VALUE [name=value ...]",
        "cycle COMPONENT [SETTING] [back]",
        "scale COMPONENT +2 | -1",
        "speed 10 | speed faster | speed slower",
        "pause | resume",
        "mark \"free text\"",
    ]

    /// The first words of the language, in the order help lists them.
    public static let verbs = [
        "load", "fail", "recover", "set", "cycle", "scale", "speed", "pause", "resume", "mark",
    ]

    /// The slowest and fastest speed-ups the `speed` command accepts.
    public static let speedRange: ClosedRange<Double> = 0.01...100_000

    /// Parses one command line.
    public static func parse(_ text: String) -> Result<SessionCommand, CommandSyntaxError> {
        do {
            return .success(try parseCommand(text))
        } catch {
            return .failure(error)
        }
    }

    static func parseCommand(_ text: String) throws(CommandSyntaxError) -> SessionCommand {
        guard text.count <= WordCursor.characterLimit else {
            throw CommandSyntaxError(
                message: "a command is at most \(WordCursor.characterLimit) characters",
                wordNumber: 1, offset: WordCursor.characterLimit)
        }
        var words = WordCursor(text)
        let verb = try words.next(expecting: "a command: " + verbs.joined(separator: ", "))
        let command: SessionCommand
        switch verb.lowered {
        case "load": command = .engine(try parseLoad(&words))
        case "fail": command = .engine(try parseFail(&words))
        case "recover": command = .engine(try parseRecover(&words))
        case "set": command = .engine(try parseSet(&words))
        case "cycle": command = .engine(try parseCycle(&words))
        case "scale": command = .engine(try parseScale(&words))
        case "speed": command = try parseSpeed(&words)
        case "pause": command = .pause
        case "resume": command = .resume
        case "mark": command = try parseMark(&words)
        default:
            throw words.wrong(verb, expected: "a command: " + verbs.joined(separator: ", "))
        }
        try words.expectEnd()
        return command
    }

    // MARK: Load

    private static func parseLoad(_ words: inout WordCursor) throws(CommandSyntaxError)
        -> EngineCommand
    {
        let what = try words.next(expecting: "rate, spike or hotkey")
        switch what.lowered {
        case "rate":
            let amount = try words.next(expecting: "a rate such as 5000, +25% or -20%")
            if amount.text.hasSuffix("%"),
                let percent = NumberWord.signed(
                    String(amount.text.dropLast()))
            {
                return .adjustRate(percent: percent)
            }
            guard let rate = NumberWord.decimal(amount.text) else {
                throw words.wrong(amount, expected: "a rate such as 5000, +25% or -20%")
            }
            return .setRate(rate)
        case "spike":
            let factorWord = try words.next(expecting: "a factor such as x5")
            guard factorWord.lowered.hasPrefix("x"),
                let factor = NumberWord.decimal(String(factorWord.text.dropFirst()))
            else {
                throw words.wrong(factorWord, expected: "a factor such as x5")
            }
            let forWord = try words.next(expecting: "'for' and a duration")
            guard forWord.lowered == "for" else {
                throw words.wrong(forWord, expected: "'for' and a duration, as in x5 for 30s")
            }
            return .spike(factor: factor, duration: try duration(&words))
        case "hotkey":
            let share = try words.next(expecting: "a share such as 0.4 or 40%, or off")
            if share.lowered == "off" { return .hotKey(fraction: 0) }
            guard let fraction = NumberWord.share(share.text) else {
                throw words.wrong(share, expected: "a share such as 0.4 or 40%, or off")
            }
            return .hotKey(fraction: fraction)
        default:
            throw words.wrong(what, expected: "rate, spike or hotkey")
        }
    }

    static func duration(_ words: inout WordCursor) throws(CommandSyntaxError) -> SimTime {
        let expected = "a duration such as 250us, 200ms or 30s"
        let word = try words.next(expecting: expected)
        guard let micros = parseDuration(word.text) else {
            throw words.wrong(word, expected: expected)
        }
        return micros
    }

    // MARK: Speed and marks

    private static func parseSpeed(_ words: inout WordCursor) throws(CommandSyntaxError)
        -> SessionCommand
    {
        let expected =
            "a speed-up from \(CommandText.number(speedRange.lowerBound)) to "
            + "\(CommandText.number(speedRange.upperBound)), faster or slower"
        let word = try words.next(expecting: expected)
        switch word.lowered {
        case "faster": return .speedStep(1)
        case "slower": return .speedStep(-1)
        default:
            let digits = word.text.hasPrefix("x") ? String(word.text.dropFirst()) : word.text
            guard let factor = NumberWord.decimal(digits), speedRange.contains(factor) else {
                throw words.wrong(word, expected: expected)
            }
            return .speed(factor)
        }
    }

    private static func parseMark(_ words: inout WordCursor) throws(CommandSyntaxError)
        -> SessionCommand
    {
        guard let first = words.peek() else {
            throw words.missing("the text of the mark")
        }
        var note = words.rest()
        if note.hasPrefix("\"") {
            guard note.count >= 2, note.hasSuffix("\"") else {
                let closed = note.dropFirst().contains("\"")
                throw words.wrong(
                    first,
                    expected: closed
                        ? "nothing after the closing quote of the mark"
                        : "a closing quote at the end of the mark")
            }
            note = String(note.dropFirst().dropLast())
        }
        return .mark(note)
    }
}
