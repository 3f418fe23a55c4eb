import Foundation
import SimKernel

/// The first line of a session log: everything needed to rebuild the run.
public struct SessionHeader: Codable, Sendable, Equatable {
    /// The version of the log format; this program writes and reads `SessionRecord.format`.
    public var format: Int
    /// The program and version that wrote the log, such as `blueprint 0.1.0`.
    public var program: String
    public var seed: UInt64
    public var layoutPath: String
    /// The layout's whole source text, so a replay does not depend on the file.
    public var layout: String
    /// When the session started, ISO 8601, for people; replay ignores it.
    public var started: String

    public init(
        format: Int = SessionRecord.format, program: String, seed: UInt64, layoutPath: String,
        layout: String, started: String
    ) {
        self.format = format
        self.program = program
        self.seed = seed
        self.layoutPath = layoutPath
        self.layout = layout
        self.started = started
    }
}

/// One line of a session log (JSON Lines). Times are simulated microseconds.
public enum SessionRecord: Sendable, Equatable {
    case header(SessionHeader)
    /// A command applied at `t`, in its canonical text form.
    case command(t: SimTime, text: String)
    case mark(t: SimTime, text: String)
    /// The figures at `t`, which a replay must reproduce exactly.
    case snapshot(t: SimTime, figures: SnapshotDigest)
    case end(t: SimTime, reason: String)

    /// The log format this program writes and reads.
    public static let format = 1

    /// The simulated time of the record; nil for the header.
    public var time: SimTime? {
        switch self {
        case .header: return nil
        case .command(let t, _), .mark(let t, _), .snapshot(let t, _), .end(let t, _): return t
        }
    }
}

extension SessionRecord: Codable {
    private enum Key: String, CodingKey {
        case type, t, text, figures, reason
    }

    public init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: Key.self)
        let type = try fields.decode(String.self, forKey: .type)
        switch type {
        case "header": self = .header(try SessionHeader(from: decoder))
        case "command":
            self = .command(
                t: try fields.decode(SimTime.self, forKey: .t),
                text: try fields.decode(String.self, forKey: .text))
        case "mark":
            self = .mark(
                t: try fields.decode(SimTime.self, forKey: .t),
                text: try fields.decode(String.self, forKey: .text))
        case "snapshot":
            self = .snapshot(
                t: try fields.decode(SimTime.self, forKey: .t),
                figures: try fields.decode(SnapshotDigest.self, forKey: .figures))
        case "end":
            self = .end(
                t: try fields.decode(SimTime.self, forKey: .t),
                reason: try fields.decode(String.self, forKey: .reason))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: fields, debugDescription: "unknown record type '\(type)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: Key.self)
        switch self {
        case .header(let header):
            try fields.encode("header", forKey: .type)
            try header.encode(to: encoder)
        case .command(let t, let text):
            try fields.encode("command", forKey: .type)
            try fields.encode(t, forKey: .t)
            try fields.encode(text, forKey: .text)
        case .mark(let t, let text):
            try fields.encode("mark", forKey: .type)
            try fields.encode(t, forKey: .t)
            try fields.encode(text, forKey: .text)
        case .snapshot(let t, let figures):
            try fields.encode("snapshot", forKey: .type)
            try fields.encode(t, forKey: .t)
            try fields.encode(figures, forKey: .figures)
        case .end(let t, let reason):
            try fields.encode("end", forKey: .type)
            try fields.encode(t, forKey: .t)
            try fields.encode(reason, forKey: .reason)
        }
    }
}

/// The one encoder and decoder configuration of session logs, so every line has its keys
/// sorted and non-finite figures survive the trip.
enum SessionRecordCoding {
    static let nonFinite = (positive: "inf", negative: "-inf", nan: "nan")

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: nonFinite.positive, negativeInfinity: nonFinite.negative,
            nan: nonFinite.nan)
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: nonFinite.positive, negativeInfinity: nonFinite.negative,
            nan: nonFinite.nan)
        return decoder
    }
}
