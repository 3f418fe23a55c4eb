import Foundation
import XCTest

/// The terminal contract of the real `blueprint`: every way out leaves the terminal as it
/// was. Each case skips while the executable does not yet start a full-screen UI.
final class BlueprintTerminalTests: XCTestCase {
    private var server: TmuxServer!
    private var binary: URL!
    /// A fresh state folder per case: session logs are named by the second they start in,
    /// so two cases sharing one folder can collide.
    private var stateDirectory: URL!

    override func setUpWithError() throws {
        server = try TmuxServer()
        binary = try BlueprintBinary.locate()
        stateDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("bp-e2e-state-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: stateDirectory, withIntermediateDirectories: true)
    }

    override func tearDown() {
        server?.kill()
        server = nil
        if let stateDirectory { try? FileManager.default.removeItem(at: stateDirectory) }
    }

    func testQuitKeyExitsCleanly() throws {
        let pane = try launchFullScreen()
        try pane.sendKeys("q")
        XCTAssertEqual(try pane.waitForExit(), .exited(0))
        try assertSane(pane)
    }

    func testResizeIsRedrawnAtTheNewSize() throws {
        let pane = try launchFullScreen()
        try pane.resize(width: 79, height: 23)
        try pane.waitFor(text: "this one is 79 x 23")
        try pane.resize(width: 100, height: 30)
        try pane.waitFor { try pane.capture().contains("this one is") ? nil : true }
        XCTAssertTrue(try pane.terminalState().alternateScreen)
    }

    /// tmux carries rows of the alternate screen back onto the shell's screen when the
    /// window grew while it was up, unless the program leaves it blank.
    func testGrowingTheWindowLeavesNoDashboardOnTheShellScreen() throws {
        let pane = try launchFullScreen()
        try pane.resize(width: 160, height: 50)
        // Waits for a frame at the new width: a panel border runs across most of it.
        try pane.waitFor { () -> Bool? in
            try pane.capture().split(separator: "\n").contains { $0.count > 150 } ? true : nil
        }
        try pane.sendKeys("q")
        XCTAssertEqual(try pane.waitForExit(), .exited(0))
        try assertSane(pane)
        let shell = try pane.capture()
        for residue in ["req/s", "│", "║", "BLUEPRINT"] {
            XCTAssertFalse(shell.contains(residue), "'\(residue)' is left on:\n\(shell)")
        }
    }

    func testSigtermEndsTheProgramAndLeavesTheTerminalSane() throws {
        let pane = try launchFullScreen()
        try pane.signalProgram(SIGTERM)
        let status = try pane.waitForExit()
        XCTAssertTrue(status == .signaled(SIGTERM) || status == .exited(0), "\(status)")
        try assertSane(pane)
    }

    func testSighupEndsTheProgramAndLeavesTheTerminalSane() throws {
        let pane = try launchFullScreen()
        try pane.signalProgram(SIGHUP)
        let status = try pane.waitForExit()
        XCTAssertTrue(status == .signaled(SIGHUP) || status == .exited(0), "\(status)")
        try assertSane(pane)
    }

    func testCrashSignalRestoresTheTerminalAndDiesWithTheSignal() throws {
        let pane = try launchFullScreen()
        try pane.signalProgram(SIGSEGV)
        XCTAssertEqual(try pane.waitForExit(), .signaled(SIGSEGV))
        try assertSane(pane)
    }

    /// Starts blueprint under a report shell and waits for its first full-screen frame.
    private func launchFullScreen() throws -> TmuxPane {
        let pane = try server.launch(
            [binary.path], width: 120, height: 40,
            environment: ["XDG_STATE_HOME": stateDirectory.path],
            directory: BlueprintBinary.packageRoot, afterExit: .reportInShell)
        // Either the first frame (the alternate screen) or an early exit ends the wait.
        let started = try pane.waitFor(deadline: .seconds(15)) { () -> Bool? in
            if try pane.terminalState().alternateScreen { return true }
            return try pane.modesAfterExit() == nil ? nil : false
        }
        if !started {
            let screen = try pane.capture(history: true)
            XCTFail("blueprint exited without a full-screen frame; it showed:\n\(screen)")
            throw HarnessError(description: "no full-screen frame")
        }
        return pane
    }

    private func assertSane(
        _ pane: TmuxPane, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        XCTAssertEqual(
            try pane.terminalState(),
            .init(alternateScreen: false, cursorVisible: true, mouseReporting: false),
            file: file, line: line)
        XCTAssertEqual(try pane.modesAfterExit(), .cooked, file: file, line: line)
    }
}
