import Foundation
import SimKernel

/// A session log read back: its header, its records in order, and whether its last line
/// was torn (cut short by a crash, or unreadable) and left out.
public struct SessionLog: Sendable, Equatable {
    public var path: String
    public var header: SessionHeader
    /// Every record after the header, in file order.
    public var records: [SessionRecord]
    public var tornTail: Bool

    public init(path: String, header: SessionHeader, records: [SessionRecord], tornTail: Bool) {
        self.path = path
        self.header = header
        self.records = records
        self.tornTail = tornTail
    }
}

/// Reads session logs, up to the last whole line.
public enum SessionLogReader {
    /// The largest log read at once (a long session with snapshots every five simulated
    /// seconds stays far below it).
    public static let sizeLimitBytes = 512 << 20

    /// Reads the log at `path`; see `parse` for what counts as torn and what is an error.
    public static func read(path: String) throws(SessionLogError) -> SessionLog {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let size = attributes?[.size] as? NSNumber else {
            throw SessionLogError(path: path, message: "cannot read the file")
        }
        guard size.intValue <= sizeLimitBytes else {
            throw SessionLogError(path: path, message: "larger than \(sizeLimitBytes) bytes")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SessionLogError(path: path, message: "cannot read the file")
        }
        return try parse(data, path: path)
    }

    /// Reads a log's bytes. A line that does not parse is an error naming its number,
    /// unless it is the last line: then it is left out and `tornTail` is set.
    /// A short reason for a line that could not be read, without decoder internals.
    private static func reason(_ error: any Error, line: Data.SubSequence) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context) where !context.codingPath.isEmpty:
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "the field '\(field)' cannot be read: \(context.debugDescription)"
        case DecodingError.dataCorrupted:
            // Foundation says "not valid JSON" also for a number that does not fit its field.
            guard (try? JSONSerialization.jsonObject(with: Data(line))) != nil else {
                return "not valid JSON"
            }
            return "a number does not fit its field, such as a negative or fractional number "
                + "where a whole one belongs"
        case DecodingError.keyNotFound(let key, _):
            return "the field '\(key.stringValue)' is missing"
        case DecodingError.typeMismatch(_, let context),
            DecodingError.valueNotFound(_, let context):
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "the field '\(field)' has the wrong type"
        default: return "unreadable"
        }
    }

    public static func parse(_ data: Data, path: String) throws(SessionLogError) -> SessionLog {
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        var torn = false
        if let last = lines.last, !last.isEmpty {
            torn = true
        }
        lines.removeLast()
        let decoder = SessionRecordCoding.decoder()
        var records: [SessionRecord] = []
        for (index, line) in lines.enumerated() {
            do {
                records.append(try decoder.decode(SessionRecord.self, from: Data(line)))
            } catch {
                guard index == lines.count - 1, !torn else {
                    throw SessionLogError(
                        path: path, line: index + 1,
                        message: "not a session record (" + Self.reason(error, line: line) + ")")
                }
                torn = true
            }
        }
        return try assemble(records, path: path, torn: torn)
    }

    /// Checks the order of the records: one header first, times that never go back,
    /// nothing after the end.
    private static func assemble(_ records: [SessionRecord], path: String, torn: Bool)
        throws(SessionLogError) -> SessionLog
    {
        guard case .header(let header)? = records.first else {
            throw SessionLogError(
                path: path, line: 1,
                message: records.isEmpty ? "no complete header line" : "expected the header")
        }
        guard header.format == SessionRecord.format else {
            throw SessionLogError(
                path: path, line: 1,
                message: "log format \(header.format) is not supported; "
                    + "this program reads format \(SessionRecord.format)")
        }
        var previous: SimTime = 0
        var ended = false
        for (index, record) in records.enumerated().dropFirst() {
            let line = index + 1
            guard let time = record.time else {
                throw SessionLogError(path: path, line: line, message: "a second header")
            }
            guard !ended else {
                throw SessionLogError(path: path, line: line, message: "a record after the end")
            }
            guard time >= previous else {
                throw SessionLogError(
                    path: path, line: line,
                    message: "time \(time) goes back from \(previous)")
            }
            // A session logs a snapshot at every multiple of the interval it reaches, so no
            // two records are further apart; a larger jump would have a replay simulate
            // for as long as the number says, which could be forever.
            guard time - previous <= LiveSession.snapshotInterval else {
                throw SessionLogError(
                    path: path, line: line,
                    message:
                        "time \(time) is more than \(formatDuration(LiveSession.snapshotInterval)) "
                        + "after the record before it (\(previous)); a session logs a snapshot "
                        + "every \(formatDuration(LiveSession.snapshotInterval)) of simulated time")
            }
            previous = time
            if case .end = record { ended = true }
        }
        return SessionLog(
            path: path, header: header, records: Array(records.dropFirst()), tornTail: torn)
    }
}
