import SimKernel
import XCTest

@testable import Session

final class ScenarioTests: XCTestCase {
    private func scenarioError(_ text: String, file: StaticString = #filePath, line: UInt = #line)
        -> LayoutError?
    {
        Fixture.error(
            { () throws(LayoutError) in
                try Scenario.parse(text: text, path: "lesson.txt")
            }, file: file, line: line)
    }

    func testTimesCommentsAndNarration() throws {
        let text = """
            # the cache goes cold
            10s fail db.shard-2 kill

            +5s recover all
              30s say "the cache is cold now"
            30s say plain words
            1m load rate +25%\r
            """
        let scenario = try Scenario.parse(text: text, path: "lesson.txt")
        XCTAssertEqual(
            scenario.steps,
            [
                TimedCommand(at: 10_000_000, text: "fail db.shard-2 kill", line: 2, column: 5),
                TimedCommand(at: 15_000_000, text: "recover all", line: 4, column: 5),
                TimedCommand(
                    at: 30_000_000, text: "mark \"the cache is cold now\"", line: 5, column: 7),
                TimedCommand(at: 30_000_000, text: "mark \"plain words\"", line: 6, column: 5),
                TimedCommand(at: 60_000_000, text: "load rate +25%", line: 7, column: 4),
            ])
    }

    func testErrorsNameLineAndColumn() {
        let badCommand = scenarioError("10s fail db kill\n20s fail db explode\n")
        XCTAssertEqual(
            badCommand?.description,
            "lesson.txt:2:13: command: word 3 'explode': expected kill, down, slow, flaky or "
                + "partition")
        let backwards = scenarioError("10s pause\n  5s resume")
        XCTAssertEqual(backwards?.line, 2)
        XCTAssertEqual(backwards?.column, 3)
        XCTAssertEqual(backwards?.field, "time")
        let untimed = scenarioError("pause")
        XCTAssertEqual(untimed?.field, "time")
        XCTAssertEqual(untimed?.column, 1)
        XCTAssertEqual(scenarioError("-5s pause")?.message, "a time cannot be negative")
        XCTAssertEqual(scenarioError("+xs pause")?.column, 1)
        XCTAssertEqual(scenarioError("5s")?.message, "expected a command after the time")
        XCTAssertEqual(scenarioError("1s say \"open")?.column, 8)
    }

    func testCommandListSplitsOnSemicolonsOutsideQuotes() throws {
        let commands = try CommandList.parse(
            "load rate 5000; 10s fail db kill; +5s mark \"a; b\"; recover all;")
        XCTAssertEqual(commands.map(\.at), [0, 10_000_000, 15_000_000, 15_000_000])
        XCTAssertEqual(
            commands.map(\.text),
            ["load rate 5000", "fail db kill", "mark \"a; b\"", "recover all"])
        XCTAssertEqual(commands.map(\.column), [1, 21, 39, 52], "where each command starts")
        XCTAssertEqual(commands.map(\.line), [1, 1, 1, 1])
    }

    func testCommandListErrorsPointIntoTheOption() {
        let error = Fixture.error({ () throws(LayoutError) in
            try CommandList.parse("pause; 2s scale db 3")
        })
        XCTAssertEqual(error?.file, "--commands")
        XCTAssertEqual(error?.line, 1)
        XCTAssertEqual(error?.column, 20)
    }
}
