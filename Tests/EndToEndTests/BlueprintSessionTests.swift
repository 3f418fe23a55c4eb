import Foundation
import XCTest

/// The product as a new user meets it in a terminal: the default layout runs, keys change
/// what the engine does, a tiny terminal gets a message, and the recorded log replays.
final class BlueprintSessionTests: XCTestCase {
    private var server: TmuxServer!
    private var binary: URL!
    private var folder: URL!

    override func setUpWithError() throws {
        server = try TmuxServer()
        binary = try BlueprintBinary.locate()
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("bp-e2e-session-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        server?.kill()
        server = nil
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    func testFiguresChangeWhileItRuns() throws {
        let pane = try launch()
        let first = try pane.waitFor(text: "sim 1.")
        let second = try pane.waitFor(text: "sim 3.")
        XCTAssertNotEqual(first, second)
        XCTAssertTrue(second.contains("load-balancer"))
        XCTAssertTrue(second.contains("database"))
    }

    func testHelpOpensOnQuestionMarkAndAnyKeyClosesIt() throws {
        let pane = try launch()
        try pane.sendKeys("?")
        try pane.waitFor(text: "Help")
        try pane.sendKeys("Space")
        try pane.waitFor { try pane.capture().contains("Help") ? nil : true }
    }

    func testStrategyAndFaultKeysChangeTheEngine() throws {
        let pane = try launch()
        try pane.sendKeys("3")
        try pane.sendKeys("s")
        try pane.waitFor(text: "weighted-round-robin")
        try pane.sendKeys("6")
        try pane.sendKeys("x")
        try pane.waitFor(text: "cache killed")
        try pane.waitFor(text: "hit ratio          0.0%")
    }

    func testTinyTerminalShowsTheSizeNeededThenRedraws() throws {
        let pane = try launch()
        try pane.resize(width: 40, height: 10)
        try pane.waitFor(text: "this one is 40 x 10")
        try pane.resize(width: 160, height: 50)
        try pane.waitFor(text: "load-balancer")
    }

    func testQuitExitsZeroAndTheLogReplaysHeadless() throws {
        let log = folder.appendingPathComponent("session.jsonl")
        let pane = try launch(arguments: ["--record", log.path, "--speed", "5"])
        try pane.waitFor(text: "sim 12.", deadline: .seconds(20))
        try pane.sendKeys("+")
        try pane.waitFor(text: "sim 16.", deadline: .seconds(20))
        try pane.sendKeys("q")
        XCTAssertEqual(try pane.waitForExit(), .exited(0))
        XCTAssertEqual(try pane.modesAfterExit(), .cooked)

        let replay = try CommandRunner.run(
            binary, ["replay", "--headless", log.path], environment: [:], timeout: .seconds(60))
        XCTAssertEqual(replay.status, 0, replay.output + replay.errorOutput)
        XCTAssertTrue(replay.output.contains("matched"), replay.output)
    }

    func testBadLayoutIsRefusedBeforeTheTerminalIsTouched() throws {
        let layout = folder.appendingPathComponent("bad.json5")
        try "{ name: \"x\", components: [ { name: \"a\", kind: \"nope\" } ] }"
            .write(to: layout, atomically: true, encoding: .utf8)
        let pane = try server.launch(
            [binary.path, "--layout", layout.path], width: 100, height: 30,
            environment: ["XDG_STATE_HOME": folder.path],
            directory: BlueprintBinary.packageRoot, afterExit: .reportInShell)
        XCTAssertEqual(try pane.waitForExit(), .exited(2))
        let screen = try pane.capture(history: true)
        XCTAssertTrue(screen.contains("bad.json5:1:"), screen)
        XCTAssertTrue(screen.contains("components[0].kind"), screen)
        XCTAssertEqual(try pane.modesAfterExit(), .cooked)
    }

    /// An option given twice, or words after --version, are refused: nothing is silently
    /// replaced or ignored.
    func testRepeatedOptionsAndExtraWordsAreRefused() throws {
        let cases: [([String], String)] = [
            (["--headless", "--seed", "1", "--seed", "2"], "--seed is given twice"),
            (
                ["--headless", "--commands", "pause", "--commands", "resume"],
                "--commands is given twice"
            ),
            (["--version", "extra"], "--version takes nothing else"),
        ]
        for (arguments, message) in cases {
            let run = try CommandRunner.run(
                binary, arguments, environment: [:], timeout: .seconds(30))
            XCTAssertEqual(run.status, 2, "\(arguments)")
            XCTAssertTrue(run.errorOutput.contains(message), run.errorOutput)
        }
    }

    private func launch(arguments: [String] = []) throws -> TmuxPane {
        let pane = try server.launch(
            [binary.path] + arguments, width: 160, height: 50,
            environment: ["XDG_STATE_HOME": folder.path, "LANG": "C.UTF-8"],
            directory: BlueprintBinary.packageRoot, afterExit: .reportInShell)
        try pane.waitFor(text: "BLUEPRINT", deadline: .seconds(20))
        return pane
    }
}
