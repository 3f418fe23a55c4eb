import Architecture
import Foundation
import SimKernel
import XCTest

@testable import Session

final class SessionLogTests: XCTestCase {
    private let header = SessionHeader(
        program: "blueprint test", seed: 18_446_744_073_709_551_557, layoutPath: "l.json5",
        layout: "{ name: \"x\" }\n// a second line", started: "2025-01-01T00:00:00Z")

    private let figures = SnapshotDigest(components: [
        ComponentDigest(
            name: "cache",
            metrics: [
                "hitRatio": 0.81, "p99": 1_250, "undefined": .nan,
                "peak": .infinity,
            ],
            nodes: [
                NodeDigest(
                    name: "cache.node-1", health: .slow, utilisation: 0.5,
                    queueDepth: 3, inFlight: 7, throughput: 123.25)
            ])
    ])

    private var records: [SessionRecord] {
        [
            .header(header), .command(t: 0, text: "load rate 5000"),
            .mark(t: 1_000_000, text: "a \"quoted\" note\nover two lines"),
            .snapshot(t: 5_000_000, figures: figures), .end(t: 6_500_000, reason: "quit"),
        ]
    }

    private func writeLog(_ name: String, _ records: [SessionRecord]) throws -> String {
        let path = try Fixture.scratchDirectory(name) + "/logs/deeper/session.jsonl"
        let writer = try SessionLogWriter(path: path, syncEveryRecords: 2)
        for record in records { try writer.write(record) }
        try writer.close()
        return path
    }

    func testRecordsRoundTripThroughTheFile() throws {
        let path = try writeLog("round-trip", records)
        let log = try SessionLogReader.read(path: path)
        XCTAssertEqual(log.header, header)
        XCTAssertEqual(log.records, Array(records.dropFirst()))
        XCTAssertFalse(log.tornTail)

        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n")
        XCTAssertEqual(lines.count, records.count)
        XCTAssertTrue(lines[0].hasPrefix("{\"format\":1,\"layout\":"), String(lines[0]))
        XCTAssertEqual(lines[1], "{\"t\":0,\"text\":\"load rate 5000\",\"type\":\"command\"}")
        XCTAssertTrue(lines[3].contains("\"undefined\":\"nan\""), String(lines[3]))
    }

    func testEncodingIsDeterministic() throws {
        let first = try writeLog("deterministic-1", records)
        let second = try writeLog("deterministic-2", records)
        XCTAssertEqual(
            FileManager.default.contents(atPath: first),
            FileManager.default.contents(atPath: second))
    }

    func testTornLastLineIsReportedAndTheRestRead() throws {
        let path = try writeLog("torn", Array(records.dropLast()))
        let handle = try XCTUnwrap(FileHandle(forUpdatingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("{\"t\":6000000,\"text\":\"load ra".utf8))
        try handle.close()
        let log = try SessionLogReader.read(path: path)
        XCTAssertTrue(log.tornTail)
        XCTAssertEqual(log.records, Array(records.dropFirst().dropLast()))
    }

    func testUnreadableLastWholeLineCountsAsTorn() throws {
        let path = try writeLog("garbage-tail", Array(records.dropLast()))
        let handle = try XCTUnwrap(FileHandle(forUpdatingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("\u{0}\u{0}\u{0}\n".utf8))
        try handle.close()
        let log = try SessionLogReader.read(path: path)
        XCTAssertTrue(log.tornTail)
        XCTAssertEqual(log.records.count, records.count - 2)
    }

    func testBadLineInTheMiddleIsAnErrorNamingTheLine() throws {
        let path = try writeLog("middle", records)
        var lines = try String(contentsOfFile: path, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        lines.insert("this is not a record", at: 2)
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let error = Fixture.error({ () throws(SessionLogError) in
            try SessionLogReader.read(path: path)
        })
        XCTAssertEqual(error?.line, 3)
        XCTAssertTrue(error?.description.hasPrefix("\(path):3: not a session record") ?? false)
    }

    /// Valid JSON with a value that does not fit is not called invalid JSON.
    func testAValueThatDoesNotFitIsToldApartFromBrokenJSON() throws {
        let path = try writeLog("fit", records)
        var lines = try String(contentsOfFile: path, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.insert(#"{"t":1.5,"text":"pause","type":"command"}"#, at: 2)
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let fraction = Fixture.error({ () throws(SessionLogError) in
            try SessionLogReader.read(path: path)
        })
        XCTAssertEqual(fraction?.line, 3)
        XCTAssertEqual(
            fraction?.message.hasPrefix("not a session record (a number does not fit"), true,
            fraction?.message ?? "nil")
        lines[2] = #"{"t":1,"text":"pause","type":"#
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let broken = Fixture.error({ () throws(SessionLogError) in
            try SessionLogReader.read(path: path)
        })
        XCTAssertEqual(broken?.message, "not a session record (not valid JSON)")
    }

    func testOrderIsChecked() throws {
        let backwards = try writeLog(
            "backwards",
            [
                .header(header), .command(t: 5, text: "pause"), .command(t: 4, text: "resume"),
            ])
        XCTAssertEqual(
            Fixture.error({ () throws(SessionLogError) in
                try SessionLogReader.read(path: backwards)
            })?.line, 3)
        let headless = try writeLog("no-header", [.command(t: 5, text: "pause")])
        XCTAssertEqual(
            Fixture.error({ () throws(SessionLogError) in
                try SessionLogReader.read(path: headless)
            })?.message, "expected the header")
    }

    /// A record far past the one before it is refused: a session logs a snapshot every
    /// 5 s, and a replay would otherwise simulate for as long as the number says.
    func testATimeJumpLongerThanTheSnapshotIntervalIsRefused() throws {
        let jump = try writeLog(
            "jump",
            [
                .header(header), .snapshot(t: 5_000_000, figures: figures),
                .command(t: SimTime.max, text: "load rate 10"),
            ])
        let error = Fixture.error({ () throws(SessionLogError) in
            try SessionLogReader.read(path: jump)
        })
        XCTAssertEqual(error?.line, 3)
        XCTAssertEqual(
            error?.message.hasPrefix("time \(SimTime.max) is more than 5.0s after"), true,
            error?.message ?? "nil")
        let fromStart = try writeLog(
            "late-start", [.header(header), .command(t: 5_000_001, text: "pause")])
        XCTAssertEqual(
            Fixture.error({ () throws(SessionLogError) in
                try SessionLogReader.read(path: fromStart)
            })?.line, 2, "the first snapshot is due at 5 s")
        let edge = try writeLog(
            "edge",
            [
                .header(header), .snapshot(t: 5_000_000, figures: figures),
                .end(t: 10_000_000, reason: "quit"),
            ])
        XCTAssertEqual(try SessionLogReader.read(path: edge).records.count, 2)
    }

    func testWriterRefusesAFileThatAlreadyHoldsASession() throws {
        let path = try writeLog("reuse", records)
        let error = Fixture.error({ () throws(SessionLogError) in
            try SessionLogWriter(path: path)
        })
        XCTAssertEqual(
            error?.message,
            "the file already exists and is not empty; a session log never writes over a "
                + "file, so choose a new name")
    }

    func testDigestDifferenceNamesTheFirstFigure() {
        var replayed = figures
        XCTAssertNil(SnapshotDigest.firstDifference(logged: figures, replayed: replayed))
        XCTAssertEqual(figures, replayed, "NaN figures count as equal")
        replayed.components[0].metrics["hitRatio"] = 0.8
        XCTAssertEqual(
            SnapshotDigest.firstDifference(logged: figures, replayed: replayed),
            "cache.hitRatio: logged 0.81, replayed 0.8")
        replayed = figures
        replayed.components[0].nodes[0].queueDepth = 4
        XCTAssertEqual(
            SnapshotDigest.firstDifference(logged: figures, replayed: replayed),
            "cache.node-1.queueDepth: logged 3, replayed 4")
        replayed = figures
        replayed.components[0].metrics["extra"] = 1
        XCTAssertEqual(
            SnapshotDigest.firstDifference(logged: figures, replayed: replayed),
            "cache.extra: logged none, replayed 1.0")
        XCTAssertEqual(
            SnapshotDigest.firstDifference(
                logged: figures, replayed: SnapshotDigest(components: [])),
            "components: logged 1, replayed 0")
    }
}
