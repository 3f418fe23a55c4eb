import XCTest

@testable import Dashboard

/// The screens a class sees, compared with reviewed text files under `Snapshots/`.
final class ScreenSnapshotTests: XCTestCase {
    func testFullGridAt160x50() {
        let state = SyntheticSimulation.state(width: 160, height: 50)
        ScreenSnapshot.assertMatches(state.screen, named: "grid-160x50")
    }

    func testCompactFormAt80x24() {
        let state = SyntheticSimulation.state(width: 80, height: 24)
        ScreenSnapshot.assertMatches(state.screen, named: "compact-80x24")
    }

    /// ASCII and no colour, the database selected down to one shard, after a refused
    /// command: health letters, the `#` border, the node pointer and the error all show.
    func testPlainTerminalWithSelectedNodeAndError() {
        var state = SyntheticSimulation.state(width: 160, height: 50, capabilities: .plain)
        state.selectPanel(named: "db")
        state.press(.character("]"), .character("]"), .character("]"))
        state.send(
            .outcome(
                command: "fail db.shard-9 kill", message: "no node named db.shard-9", isError: true)
        )
        XCTAssertEqual(state.target, "db.shard-2")
        ScreenSnapshot.assertMatches(state.screen, named: "grid-160x50-plain-node-error")
    }

    func testCompactFormWithSelectedNode() {
        var state = SyntheticSimulation.state(width: 80, height: 24)
        state.selectPanel(named: "db")
        state.press(.character("]"), .character("]"), .character("]"))
        ScreenSnapshot.assertMatches(state.screen, named: "compact-80x24-db-shard-2")
    }

    func testZoomedDatabaseAt160x50() {
        var state = SyntheticSimulation.state(width: 160, height: 50)
        state.selectPanel(named: "db")
        state.press(.character("z"))
        ScreenSnapshot.assertMatches(state.screen, named: "zoom-160x50-db")
    }

    func testHelpAt80x24() {
        var state = SyntheticSimulation.state(width: 80, height: 24)
        state.press(.character("?"))
        ScreenSnapshot.assertMatches(state.screen, named: "help-80x24")
    }

    func testCommandLineWithCompletionsAt80x24() {
        var state = SyntheticSimulation.state(width: 80, height: 24)
        state.press(.character(":"))
        state.type("fail db.")
        state.press(.tab)
        ScreenSnapshot.assertMatches(state.screen, named: "command-line-80x24")
    }

    func testTooSmallAt79x23() {
        let state = SyntheticSimulation.state(width: 79, height: 23)
        ScreenSnapshot.assertMatches(state.screen, named: "too-small-79x23")
    }
}
