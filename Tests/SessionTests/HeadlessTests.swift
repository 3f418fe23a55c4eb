import Architecture
import SimKernel
import XCTest

@testable import Session

final class HeadlessTests: XCTestCase {
    private let commands = [
        TimedCommand(at: 1_000_000, text: "load rate 1200"),
        TimedCommand(at: 2_500_000, text: "fail backend.node-1 flaky 10%"),
        TimedCommand(at: 4_000_000, text: "recover all"),
    ]

    private func run(
        _ layout: Layout, seed: UInt64, duration: SimTime = 6_000_000,
        logPath: String? = nil
    ) throws -> HeadlessResult {
        try HeadlessRun(
            layout: layout, seed: seed, duration: duration, commands: commands,
            logPath: logPath
        ).run()
    }

    func testSameSeedGivesIdenticalFiguresAndOtherSeedsDiffer() throws {
        let layout = try Fixture.backendLayout()
        let first = try run(layout, seed: 11)
        let again = try run(layout, seed: 11)
        let other = try run(layout, seed: 12)
        XCTAssertEqual(first.digest, again.digest)
        XCTAssertEqual(first.summaryTable(), again.summaryTable())
        XCTAssertEqual(first.eventsProcessed, again.eventsProcessed)
        XCTAssertNotNil(
            SnapshotDigest.firstDifference(logged: first.digest, replayed: other.digest))
        XCTAssertEqual(first.commandsApplied, 3)
        XCTAssertEqual(first.refusals, [])
        XCTAssertEqual(first.snapshot.time, 6_000_000)
    }

    func testBlueprintIsDeterministicPerSeed() throws {
        let layout = try Fixture.blueprint()
        let first = try HeadlessRun(layout: layout, seed: 42, duration: 4_000_000).run()
        let again = try HeadlessRun(layout: layout, seed: 42, duration: 4_000_000).run()
        let other = try HeadlessRun(layout: layout, seed: 43, duration: 4_000_000).run()
        XCTAssertEqual(first.digest, again.digest)
        XCTAssertNotEqual(first.digest, other.digest)
    }

    func testHeadlessLogReplays() throws {
        let path = try Fixture.scratchDirectory("headless-log") + "/run.jsonl"
        let layout = try Fixture.backendLayout()
        let scenario = try Scenario.parse(
            text: "3s say \"halfway\"\n+1s scale backend +1\n", path: "s.scenario")
        var headless = HeadlessRun(
            layout: layout, seed: 4, duration: 7_000_000,
            commands: commands, scenario: scenario, logPath: path)
        headless.program = "blueprint tests"
        let result = try headless.run()
        XCTAssertEqual(result.commandsApplied + result.refusals.count, 5)
        let log = try SessionLogReader.read(path: path)
        XCTAssertEqual(log.header.program, "blueprint tests")
        XCTAssertEqual(log.header.seed, 4)
        XCTAssertEqual(log.header.layout, layout.sourceText)
        XCTAssertTrue(log.records.contains(.mark(t: 3_000_000, text: "halfway")))
        let report = try Replayer.replayHeadless(path: path)
        XCTAssertTrue(report.matched, report.description)
        XCTAssertEqual(report.endTime, 7_000_000)
    }

    func testRefusedAndLateCommandsAreReported() throws {
        let layout = try Fixture.backendLayout()
        let result = try HeadlessRun(
            layout: layout, seed: 1, duration: 2_000_000,
            commands: [
                TimedCommand(at: 500_000, text: "fail nowhere kill"),
                TimedCommand(at: 9_000_000, text: "pause"),
            ]
        ).run()
        XCTAssertEqual(result.refusals.map(\.text), ["fail nowhere kill"])
        XCTAssertEqual(result.commandsSkipped, 1)
        XCTAssertTrue(result.summaryTable().contains("refused at 500.0ms: fail nowhere kill: "))
    }

    func testARefusedCommandIsNamedByFileLineAndColumnBeforeTheRun() throws {
        let layout = try Fixture.backendLayout()
        let scenario = try Scenario.parse(
            text: "1s load rate 100\n\n  2s fail nosuch kill\n", path: "lesson.txt")
        let fromScript = try HeadlessRun(
            layout: layout, seed: 1, duration: 5_000_000, scenario: scenario
        ).firstRefusal()
        XCTAssertEqual(
            fromScript?.hasPrefix(
                "lesson.txt:3:6: command: 'fail nosuch kill' at 2.0s was refused: "
                    + "no component 'nosuch'"), true, fromScript ?? "nil")
        let commands = try CommandList.parse("load rate 100; 3s scale backend +1; set nope.x 1")
        let fromOption = try HeadlessRun(
            layout: layout, seed: 1, duration: 5_000_000, commands: commands
        ).firstRefusal()
        XCTAssertEqual(
            fromOption?.hasPrefix("--commands:1:37: command: 'set nope.x 1' at 3.0s"), true,
            fromOption ?? "nil")
        let clean = try HeadlessRun(
            layout: layout, seed: 1, duration: 5_000_000, commands: Array(commands.prefix(2)),
            scenario: Scenario.parse(text: "1s pause\n", path: "lesson.txt")
        ).firstRefusal()
        XCTAssertNil(clean)
    }

    func testSummaryTableShowsEveryComponentInAlignedColumns() throws {
        let result = try run(try Fixture.backendLayout(), seed: 2)
        let lines = result.summaryTable().split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[0].hasPrefix("layout tiny, seed 2, 6.0s simulated, "), lines[0])
        XCTAssertTrue(lines[1].hasPrefix("name     kind     health  "), lines[1])
        XCTAssertTrue(lines[1].hasSuffix("p99  figures"), lines[1])
        XCTAssertTrue(lines[2].allSatisfy { $0 == "-" })
        XCTAssertTrue(lines[3].hasPrefix("client   clients  up"), lines[3])
        XCTAssertTrue(lines[4].hasPrefix("backend  backend  "), lines[4])
        let reqColumnEnd = lines[1].range(of: "req/s")!.upperBound.utf16Offset(in: lines[1])
        for line in lines[3...4] {
            XCTAssertFalse(line.hasSuffix(" "))
            let cell = line.prefix(reqColumnEnd).split(separator: " ").last ?? ""
            XCTAssertNotNil(Double(cell), "req/s column of '\(line)'")
        }
    }

    func testFiguresAreFormattedByUnitWithoutLocale() {
        XCTAssertEqual(HeadlessResult.format(1234.56, unit: .perSecond), "1234.6")
        XCTAssertEqual(HeadlessResult.format(2_500, unit: .micros), "2.5ms")
        XCTAssertEqual(HeadlessResult.format(0.8123, unit: .ratio), "81.2%")
        XCTAssertEqual(HeadlessResult.format(3 * 1024 * 1024, unit: .bytes), "3.0MiB")
        XCTAssertEqual(HeadlessResult.format(.nan, unit: .micros), "-", "undefined, not a number")
        XCTAssertEqual(HeadlessResult.format(1e300, unit: .micros), "huge")
        XCTAssertEqual(HeadlessResult.format(nil, unit: .count), "-")
    }
}
