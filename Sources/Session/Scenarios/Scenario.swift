import Foundation
import SimKernel

/// A scripted lesson: timed commands with narration, one per line.
///
/// ```
/// # the cache goes cold
/// 10s fail db.shard-2 kill
/// +5s recover all
/// 30s say "the cache is cold now"
/// ```
/// A time is from the start of the run (`10s`) or after the previous line (`+5s`) and never
/// goes back; `say` becomes a mark. Lines starting with `#` are comments.
public struct Scenario: Sendable, Equatable {
    public var path: String
    public var steps: [TimedCommand]

    /// The largest scenario file read.
    public static let sizeLimitBytes = 1 << 20

    public init(path: String, steps: [TimedCommand]) {
        self.path = path
        self.steps = steps
    }

    /// Parses a scenario's text; errors name the line and column at fault.
    public static func parse(text: String, path: String) throws(LayoutError) -> Scenario {
        var steps: [TimedCommand] = []
        var previous: SimTime = 0
        let lines = text.split(omittingEmptySubsequences: false) {
            $0 == "\n" || $0 == "\r\n"
        }
        for (index, rawLine) in lines.enumerated() {
            let line = String(rawLine)
            do {
                guard var step = try TimedLine.read(line, previous: previous, timeRequired: true)
                else { continue }
                step.line = index + 1
                steps.append(step)
                previous = step.at
            } catch {
                throw LayoutError(
                    file: path, line: index + 1,
                    column: TimedLine.column(of: error.offset, in: line), field: error.field,
                    message: error.message)
            }
        }
        return Scenario(path: path, steps: steps)
    }

    /// Reads and parses the scenario file at `path`.
    public static func load(path: String) throws(LayoutError) -> Scenario {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let size = attributes?[.size] as? NSNumber,
            let data = FileManager.default.contents(atPath: path)
        else {
            throw LayoutError(
                file: path, line: 1, column: 1, field: "file",
                message: "cannot read the file")
        }
        guard size.intValue <= sizeLimitBytes, let text = String(data: data, encoding: .utf8)
        else {
            throw LayoutError(
                file: path, line: 1, column: 1, field: "file",
                message: "not a UTF-8 text of at most \(sizeLimitBytes) bytes")
        }
        return try parse(text: text, path: path)
    }
}

/// The `--commands` option: commands separated by `;`, each with an optional time.
public enum CommandList {
    /// Reads `"load rate 5000; 10s fail db kill; +5s recover all"`. A command without a
    /// time runs at the previous one's time (0s for the first). A `;` inside double quotes
    /// belongs to the text. Errors are reported as `--commands:1:COLUMN`.
    /// Each command is on line 1, at the column where it starts in `text`.
    public static func parse(_ text: String, source: String = "--commands")
        throws(LayoutError) -> [TimedCommand]
    {
        var commands: [TimedCommand] = []
        var previous: SimTime = 0
        for (start, piece) in pieces(of: text) {
            do {
                guard
                    var step = try TimedLine.read(piece, previous: previous, timeRequired: false)
                else { continue }
                // The piece is `text` from `start` on, so the columns add up.
                step.column = TimedLine.column(of: start, in: text) + (step.column ?? 1) - 1
                step.line = 1
                commands.append(step)
                previous = step.at
            } catch {
                let column = TimedLine.column(of: start + error.offset, in: text)
                throw LayoutError(
                    file: source, line: 1, column: column, field: error.field,
                    message: error.message)
            }
        }
        return commands
    }

    /// Splits on `;` outside double quotes; each piece with its character offset.
    static func pieces(of text: String) -> [(Int, String)] {
        var pieces: [(Int, String)] = []
        var current = ""
        var start = 0
        var quoted = false
        for (offset, character) in text.enumerated() {
            if character == "\"" { quoted.toggle() }
            if character == ";" && !quoted {
                pieces.append((start, current))
                current = ""
                start = offset + 1
            } else {
                current.append(character)
            }
        }
        pieces.append((start, current))
        return pieces
    }
}
