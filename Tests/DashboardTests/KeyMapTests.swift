import Architecture
import TerminalUI
import XCTest

@testable import Dashboard

/// Every key that changes the simulation becomes a command in the text language.
final class KeyMapTests: XCTestCase {
    var state = SyntheticSimulation.state(width: 160, height: 50)

    func testKillOnASelectedNodeNamesTheNode() {
        state.selectPanel(named: "db")
        state.press(.character("]"), .character("]"), .character("]"))
        XCTAssertEqual(state.selectedNode, "db.shard-2")
        XCTAssertEqual(state.press(.character("x")), [.submit("fail db.shard-2 kill")])
        XCTAssertEqual(state.note, Note(.info, "sent: fail db.shard-2 kill"))
    }

    func testFaultKeysActOnTheComponentWhenNoNodeIsSelected() {
        state.selectPanel(named: "cache")
        XCTAssertEqual(state.press(.character("x")), [.submit("fail cache kill")])
        XCTAssertEqual(state.press(.character("w")), [.submit("fail cache slow 200ms")])
        XCTAssertEqual(state.press(.character("f")), [.submit("fail cache flaky 20%")])
        XCTAssertEqual(state.press(.character("t")), [.submit("fail cache partition")])
        XCTAssertEqual(state.press(.character("r")), [.submit("recover cache")])
        XCTAssertEqual(state.press(.character("R")), [.submit("recover all")])
    }

    func testLoadKeys() {
        XCTAssertEqual(state.press(.character("+")), [.submit("load rate +25%")])
        XCTAssertEqual(state.press(.character("=")), [.submit("load rate +25%")])
        XCTAssertEqual(state.press(.character("-")), [.submit("load rate -20%")])
        XCTAssertEqual(state.press(.character("!")), [.submit("load spike x5 for 30s")])
    }

    func testHotKeyFollowsWhatTheSimulationReports() {
        XCTAssertEqual(state.press(.character("h")), [.submit("load hotkey 0.4")])
        var snapshot = SyntheticSimulation.snapshot()
        snapshot.components[0].metrics = snapshot.components[0].metrics.map { metric in
            metric.key == "hotKey" ? Metric("hotKey", "hot key", 0.4, .ratio) : metric
        }
        state.send(.frame(snapshot, SyntheticSimulation.status))
        XCTAssertEqual(state.press(.character("h")), [.submit("load hotkey off")])
    }

    func testHotKeyTogglesByItselfWithoutFigures() {
        var bare = AppState(config: SyntheticSimulation.config())
        bare.send(.resize(width: 160, height: 50))
        XCTAssertEqual(bare.press(.character("h")), [.submit("load hotkey 0.4")])
        XCTAssertEqual(bare.press(.character("h")), [.submit("load hotkey off")])
    }

    func testStrategyAndScaleKeysNameTheComponentEvenWithANodeSelected() {
        state.selectPanel(named: "lb")
        state.press(.character("]"))
        XCTAssertEqual(state.press(.character("s")), [.submit("cycle lb")])
        XCTAssertEqual(state.press(.character("S")), [.submit("cycle lb back")])
        XCTAssertEqual(state.press(.character("a")), [.submit("scale lb +1")])
        XCTAssertEqual(state.press(.character("A")), [.submit("scale lb -1")])
    }

    func testPauseOrResumeIsChosenFromTheLastRunStatus() {
        XCTAssertEqual(state.press(.character(" ")), [.submit("pause")])
        var paused = SyntheticSimulation.status
        paused.paused = true
        state.send(.frame(SyntheticSimulation.snapshot(), paused))
        XCTAssertEqual(state.press(.character("p")), [.submit("resume")])
        XCTAssertEqual(state.press(.character(" ")), [.submit("resume")])
        XCTAssertTrue(state.screen.contains("PAUSED"))
    }

    func testSpeedKeys() {
        XCTAssertEqual(state.press(.character("<")), [.submit("speed slower")])
        XCTAssertEqual(state.press(.character(">")), [.submit("speed faster")])
    }

    func testQuitFromEverywhere() {
        XCTAssertEqual(state.press(.character("q")), [.quit])
        XCTAssertEqual(state.press(.control("c")), [.quit])
        state.press(.character(":"))
        XCTAssertEqual(state.press(.character("q")), [])
        XCTAssertEqual(state.press(.control("c")), [.quit])
    }

    func testUnboundKeysDoNothing() {
        let before = state.selectedPanel
        for key: Key in [.character("Q"), .character("0"), .function(5), .pageUp, .resize] {
            XCTAssertEqual(state.press(key), [], "\(key)")
        }
        XCTAssertEqual(state.selectedPanel, before)
        XCTAssertNil(state.note)
    }

    func testMarkOpensThePrefilledCommandLineAndClosesTheQuote() {
        state.press(.character("m"))
        XCTAssertEqual(state.commandLine?.text, "mark \"")
        state.type("stampede starts")
        XCTAssertEqual(state.press(.enter), [.submit("mark \"stampede starts\"")])
        XCTAssertNil(state.commandLine)
    }
}
