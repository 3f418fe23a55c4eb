import Architecture
import Foundation
import SimKernel
import XCTest

@testable import Session

final class ReplayTests: XCTestCase {
    /// Commands a person might type, with the simulated time after which they are typed.
    private let script: [(after: SimTime, text: String)] = [
        (1_300_000, "load rate 1500"),
        (2_000_001, "fail backend.node-2 slow 3ms"),
        (5_000_000, "mark \"after the first snapshot\""),
        (7_700_000, "speed 4"),
        (8_000_000, "fail nowhere kill"),
        (9_100_000, "recover all"),
    ]

    /// Runs a session the way the terminal does: uneven frames, a small event budget per
    /// frame, commands submitted between frames. Returns the log's path.
    private func recordSession(
        _ name: String, layout: Layout, seed: UInt64,
        until end: SimTime = 12_345_678
    ) throws -> String {
        let path = try Fixture.scratchDirectory(name) + "/session.jsonl"
        let session = try LiveSession(
            layout: layout, seed: seed, log: try SessionLogWriter(path: path))
        var pending = script[...]
        var frameEnd: SimTime = 0
        var frames = 0
        while session.now < end {
            frames += 1
            XCTAssertLessThan(frames, 100_000, "the session must make progress")
            if session.advance(to: frameEnd, eventBudget: 700) {
                frameEnd = min(end, frameEnd + 37_123)
            }
            while let next = pending.first, next.after <= session.now {
                pending.removeFirst()
                let outcome = session.submit(next.text)
                if next.text.contains("nowhere") {
                    XCTAssertEqual(
                        outcome, .refused(message: refusalOf("fail nowhere kill", session)))
                }
            }
        }
        try session.finish(reason: "quit")
        XCTAssertNil(session.logError)
        return path
    }

    private func refusalOf(_ text: String, _ session: LiveSession) -> String {
        let probe = try? LiveSession(layout: session.layout, seed: session.seed, log: nil)
        guard case .refused(let message)? = probe?.submit(text) else { return "accepted" }
        return message
    }

    func testReplayOfALiveSessionMatches() throws {
        let path = try recordSession("replay-match", layout: try Fixture.backendLayout(), seed: 9)
        let log = try SessionLogReader.read(path: path)
        let snapshotTimes = log.records.compactMap { record -> SimTime? in
            if case .snapshot(let t, _) = record { return t }
            return nil
        }
        XCTAssertEqual(snapshotTimes, [5_000_000, 10_000_000, 12_345_678])
        XCTAssertFalse(
            log.records.contains { record in
                if case .command(_, let text) = record { return text.contains("nowhere") }
                return false
            }, "a refused command is not logged")

        let report = try Replayer.replayHeadless(path: path)
        XCTAssertTrue(report.matched, report.description)
        XCTAssertEqual(report.snapshotsChecked, 3)
        XCTAssertEqual(report.commandsApplied, 4)
        XCTAssertEqual(report.marksApplied, 1)
        XCTAssertTrue(
            report.description.hasPrefix(
                "Replayed 4 commands and 1 mark up to 12.3s and checked 3"),
            report.description)
        XCTAssertEqual(report.endTime, 12_345_678)
        XCTAssertTrue(report.reachedEnd)
        XCTAssertFalse(report.tornTail)
        XCTAssertTrue(report.description.contains("every figure matched"), report.description)
    }

    func testTamperedSnapshotIsADivergence() throws {
        let path = try recordSession(
            "replay-tampered", layout: try Fixture.backendLayout(),
            seed: 9)
        try rewriteRecords(path) { record in
            guard case .snapshot(10_000_000, var figures) = record else { return record }
            let total = figures.components[0].metrics["total"] ?? 0
            figures.components[0].metrics["total"] = total + 1
            return .snapshot(t: 10_000_000, figures: figures)
        }
        let report = try Replayer.replayHeadless(path: path)
        XCTAssertFalse(report.matched)
        XCTAssertEqual(report.snapshotsChecked, 2)
        let divergence = try XCTUnwrap(report.firstDivergence)
        XCTAssertTrue(
            divergence.hasPrefix("at 10.0s (t=10000000): client.total: logged "),
            divergence)
    }

    func testCommandRefusedOnReplayIsADivergence() throws {
        let path = try recordSession(
            "replay-refused", layout: try Fixture.backendLayout(),
            seed: 9)
        try rewriteRecords(path) { record in
            guard case .command(let t, "speed 4") = record else { return record }
            return .command(t: t, text: "scale nowhere +1")
        }
        let report = try Replayer.replayHeadless(path: path)
        XCTAssertFalse(report.matched)
        XCTAssertTrue(
            report.firstDivergence?.contains("'scale nowhere +1' was refused") ?? false,
            report.description)
    }

    func testTornLogReplaysUpToItsLastWholeLine() throws {
        let path = try recordSession("replay-torn", layout: try Fixture.backendLayout(), seed: 3)
        let data = try XCTUnwrap(FileManager.default.contents(atPath: path))
        try data.dropLast(7).write(to: URL(fileURLWithPath: path))
        let report = try Replayer.replayHeadless(path: path)
        XCTAssertTrue(report.matched, report.description)
        XCTAssertTrue(report.tornTail)
        XCTAssertFalse(report.reachedEnd)
        XCTAssertEqual(report.snapshotsChecked, 3)
        XCTAssertTrue(report.description.contains("torn"))
    }

    func testFeedPacedInFramesMatchesLikeTheHeadlessReplay() throws {
        let path = try recordSession("replay-feed", layout: try Fixture.backendLayout(), seed: 5)
        let log = try SessionLogReader.read(path: path)
        let session = try Replayer.session(for: log)
        var feed = ReplayFeed(records: log.records)
        var frameEnd: SimTime = 0
        var frames = 0
        while session.now < feed.endTime || !feed.isFinished {
            frames += 1
            XCTAssertLessThan(frames, 100_000)
            if frames > 100_000 { break }
            if feed.play(into: session, until: frameEnd, eventBudget: 250) {
                frameEnd = min(feed.endTime, frameEnd + 51_001)
            }
        }
        XCTAssertNil(feed.firstDivergence)
        XCTAssertEqual(feed.takeOutcomes().count, 5, "four commands and a mark")
        XCTAssertEqual(feed.takeOutcomes(), [])
        XCTAssertEqual(feed.snapshotsChecked, 3)
        XCTAssertEqual(feed.commandsApplied, 4)
        XCTAssertEqual(feed.marksApplied, 1)
        XCTAssertTrue(feed.reachedEnd)
    }

    func testFeedHandsOutRecordsDueByTime() {
        let figures = SnapshotDigest(components: [])
        var feed = ReplayFeed(records: [
            .command(t: 1, text: "pause"), .mark(t: 2, text: "m"),
            .snapshot(t: 5, figures: figures), .end(t: 6, reason: "quit"),
        ])
        XCTAssertEqual(feed.endTime, 6)
        XCTAssertEqual(feed.due(upTo: 0), [])
        XCTAssertEqual(feed.due(upTo: 1), [.command(t: 1, text: "pause")])
        XCTAssertEqual(feed.nextTime, 2)
        XCTAssertEqual(
            feed.due(upTo: 5), [.mark(t: 2, text: "m"), .snapshot(t: 5, figures: figures)])
        XCTAssertFalse(feed.isFinished)
        XCTAssertEqual(feed.due(upTo: 100), [.end(t: 6, reason: "quit")])
        XCTAssertTrue(feed.isFinished)
        XCTAssertNil(feed.nextTime)
    }

    func testBlueprintSessionReplays() throws {
        let layout = try Fixture.blueprint()
        let path = try recordSession(
            "replay-blueprint", layout: layout, seed: 42,
            until: 11_000_000)
        let report = try Replayer.replayHeadless(path: path)
        XCTAssertTrue(report.matched, report.description)
        XCTAssertEqual(report.snapshotsChecked, 3)
    }

    /// Rewrites every record of a log through `change`, keeping the file's format.
    private func rewriteRecords(_ path: String, _ change: (SessionRecord) -> SessionRecord)
        throws
    {
        let log = try SessionLogReader.read(path: path)
        let encoder = SessionRecordCoding.encoder()
        var text = ""
        for record in [SessionRecord.header(log.header)] + log.records.map(change) {
            text += String(decoding: try encoder.encode(record), as: UTF8.self) + "\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
