import SimKernel

/// A command with the simulated time at which it is to be applied.
public struct TimedCommand: Sendable, Equatable {
    public var at: SimTime
    /// The command in canonical text form (narration becomes a `mark`).
    public var text: String
    /// The line of the scenario file it came from, when it came from one.
    public var line: Int?
    /// The 1-based column, in Unicode scalars, where the command starts in its line.
    public var column: Int?

    public init(at: SimTime, text: String, line: Int? = nil, column: Int? = nil) {
        self.at = at
        self.text = text
        self.line = line
        self.column = column
    }
}

/// Reads one timed line of a scenario or of `--commands`: an optional time (`10s` from the
/// start, `+5s` after the previous line), then a command or `say "narration"`.
enum TimedLine {
    struct Failure: Error {
        /// 0-based character offset in the line.
        var offset: Int
        var field: String
        var message: String
    }

    /// The command of `line`, or nil for a blank line or a `#` comment. Without a time the
    /// line runs at `previous` (when `timeRequired` is false).
    static func read(_ line: String, previous: SimTime, timeRequired: Bool)
        throws(Failure) -> TimedCommand?
    {
        let words = WordCursor(line)
        guard let first = words.words.first, !first.text.hasPrefix("#") else { return nil }
        var time = previous
        var commandStart = first
        if let written = try timeWord(first, previous: previous) {
            time = written
            guard words.words.count > 1 else {
                throw Failure(
                    offset: first.end, field: "command",
                    message: "expected a command after the time")
            }
            commandStart = words.words[1]
        } else if timeRequired {
            throw Failure(
                offset: first.offset, field: "time",
                message: "expected a time such as 10s or +5s before the command")
        }
        let rest = String(Array(line)[commandStart.offset...])
        var text = rest
        var shift = 0
        if commandStart.lowered == "say" {
            text = "mark" + rest.dropFirst(3)
            shift = 1
        }
        switch CommandParser.parse(text) {
        case .success(let command):
            return TimedCommand(
                at: time, text: command.text, column: column(of: commandStart.offset, in: line))
        case .failure(let error):
            throw Failure(
                offset: commandStart.offset + max(0, error.offset - shift),
                field: "command", message: error.message)
        }
    }

    /// The time a word gives, or nil when the word is not a time.
    private static func timeWord(_ word: CommandWord, previous: SimTime) throws(Failure)
        -> SimTime?
    {
        if word.text.hasPrefix("+") {
            guard let delta = parseDuration(String(word.text.dropFirst())) else {
                throw Failure(
                    offset: word.offset, field: "time",
                    message: "expected a duration after '+', such as +5s")
            }
            let (sum, overflow) = previous.addingReportingOverflow(delta)
            guard !overflow else {
                throw Failure(offset: word.offset, field: "time", message: "the time is too large")
            }
            return sum
        }
        if word.text.hasPrefix("-"), parseDuration(String(word.text.dropFirst())) != nil {
            throw Failure(
                offset: word.offset, field: "time",
                message: "a time cannot be negative")
        }
        guard let time = parseDuration(word.text) else { return nil }
        guard time >= previous else {
            throw Failure(
                offset: word.offset, field: "time",
                message: "\(formatDuration(time)) is before the previous line's "
                    + "\(formatDuration(previous)); times only go forward")
        }
        return time
    }

    /// The 1-based column, in Unicode scalars, of a character offset in `line`.
    static func column(of offset: Int, in line: String) -> Int {
        String(line.prefix(offset)).unicodeScalars.count + 1
    }
}
