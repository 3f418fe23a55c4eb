import Foundation
import Session
import SimKernel
import XCTest

/// The same seed, layout and commands give byte-identical session logs. The property is
/// tried on seeded random command sequences over the whole blueprint, each run twice; the
/// logs must match byte for byte except the header's wall-clock `started` field.
/// scripts/determinism-check compares a debug build's log with a release build's.
final class DeterminismPropertyTests: XCTestCase {
    static let sequenceCount = 3
    static let commandsPerSequence = 12
    static let duration: SimTime = 15 * Micros.perSecond

    func testRandomCommandSequencesGiveIdenticalLogs() throws {
        let layout = try LayoutLoader.load(path: Self.blueprintPath)
        let directory = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let probe = try LiveSession(layout: layout, seed: 1, log: nil)
        let sequences = (0..<Self.sequenceCount).map { number in
            var generator = CommandGenerator(seed: UInt64(number), simulation: probe.simulation)
            return generator.schedule(count: Self.commandsPerSequence, within: Self.duration)
        }

        let runs = Self.sequenceCount * 2
        let logs = try TheoryRun.parallel(runs) { index in
            let path = "\(directory)/run-\(index).jsonl"
            var run = HeadlessRun(
                layout: layout, seed: 1_000 + UInt64(index / 2), duration: Self.duration,
                commands: sequences[index / 2], logPath: path)
            run.program = "blueprint theory tests"
            _ = try run.run()
            return try Self.comparableLines(path)
        }
        for number in 0..<Self.sequenceCount {
            let first = logs[2 * number]
            let second = logs[2 * number + 1]
            XCTAssertGreaterThan(first.count, 3, "a log with a header, snapshots and an end")
            XCTAssertEqual(first.count, second.count, "sequence \(number): line counts")
            for (line, pair) in zip(first, second).enumerated() where pair.0 != pair.1 {
                XCTFail("sequence \(number): logs differ at line \(line + 1)")
                break
            }
        }
        XCTAssertNotEqual(logs[0], logs[2], "different commands and seeds gave the same log")
    }

    /// The log's lines as bytes, the header re-encoded without its `started` field.
    static func comparableLines(_ path: String) throws -> [Data] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: false).map { Data($0) }
        guard let header = lines.first,
            var fields = try JSONSerialization.jsonObject(with: header) as? [String: Any]
        else {
            throw CocoaError(.fileReadCorruptFile)
        }
        fields["started"] = nil
        lines[0] = try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
        return lines
    }

    static var blueprintPath: String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("layouts/blueprint.json5").path
    }

    static func scratchDirectory() throws -> String {
        let path =
            NSTemporaryDirectory() + "blueprint-theory-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
