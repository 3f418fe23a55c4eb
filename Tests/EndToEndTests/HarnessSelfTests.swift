import Foundation
import XCTest

/// Proves the tmux harness on plain shell commands, so a failure in the blueprint tests
/// points at blueprint and not at the harness.
final class HarnessSelfTests: XCTestCase {
    private var server: TmuxServer!

    override func setUpWithError() throws {
        server = try TmuxServer()
    }

    override func tearDown() {
        server?.kill()
        server = nil
    }

    func testSeesOutputSendsKeysAndReadsExitStatus() throws {
        let pane = try server.launch(
            ["sh", "-c", "printf hello; read answer; echo \"got $answer\"; read x; exit 3"],
            width: 40, height: 5)
        try pane.waitFor(text: "hello")
        try pane.type("abc")
        try pane.sendKeys("Enter")
        try pane.waitFor(text: "got abc")
        try pane.sendKeys("Enter")
        XCTAssertEqual(try pane.waitForExit(), .exited(3))
    }

    func testPaneHasTheRequestedSizeAndResizeReachesTheProgram() throws {
        let pane = try server.launch(
            ["sh", "-c", "while read x; do echo \"rows-cols $(stty size)\"; done"],
            width: 50, height: 10)
        XCTAssertTrue(try pane.size() == (50, 10))
        try pane.sendKeys("Enter")
        try pane.waitFor(text: "rows-cols 10 50")
        try pane.resize(width: 70, height: 12)
        try pane.sendKeys("Enter")
        try pane.waitFor(text: "rows-cols 12 70")
    }

    func testReportsDeathBySignal() throws {
        let pane = try server.launch(["sh", "-c", "echo ready; exec sleep 30"])
        try pane.waitFor(text: "ready")
        try pane.signalProgram(SIGTERM)
        XCTAssertEqual(try pane.waitForExit(), .signaled(SIGTERM))
    }

    func testReadsTerminalStateThatAProgramLeftBehind() throws {
        // Enters the alternate screen, hides the cursor and never restores either.
        let pane = try server.launch(
            ["sh", "-c", "printf '\\033[?1049h\\033[?25lin-alternate'; read x"],
            afterExit: .reportInShell)
        try pane.waitFor(text: "in-alternate")
        XCTAssertEqual(
            try pane.terminalState(),
            .init(alternateScreen: true, cursorVisible: false, mouseReporting: false))
        try pane.sendKeys("Enter")
        XCTAssertEqual(try pane.waitForExit(), .exited(0))
        XCTAssertTrue(try pane.terminalState().alternateScreen)
    }

    func testReportShellSeesRawModeAndSignals() throws {
        let pane = try server.launch(
            ["sh", "-c", "stty raw -echo; echo raw-now; exec sleep 30"], afterExit: .reportInShell)
        try pane.waitFor(text: "raw-now")
        try pane.signalProgram(SIGHUP)
        XCTAssertEqual(try pane.waitForExit(), .signaled(SIGHUP))
        let modes = try XCTUnwrap(try pane.modesAfterExit())
        XCTAssertFalse(modes.canonical)
        XCTAssertFalse(modes.echo)
        XCTAssertEqual(try pane.terminalState().cursorVisible, true)
    }

    func testEnvironmentReachesTheProgram() throws {
        let pane = try server.launch(
            ["sh", "-c", "echo \"term=$TERM color=$NO_COLOR bt=$SWIFT_BACKTRACE\"; read x"],
            environment: ["TERM": "xterm", "NO_COLOR": "1"])
        try pane.waitFor(text: "term=xterm color=1 bt=interactive=no")
    }

    func testWaitForGivesUpAtItsDeadlineWithTheScreen() throws {
        let pane = try server.launch(["sh", "-c", "echo something-else; read x"])
        try pane.waitFor(text: "something-else")
        let clock = ContinuousClock()
        let start = clock.now
        XCTAssertThrowsError(try pane.waitFor(text: "never shown", deadline: .milliseconds(300))) {
            XCTAssertTrue("\($0)".contains("something-else"), "the error shows the screen")
        }
        XCTAssertLessThan(clock.now - start, .seconds(3))
    }
}
