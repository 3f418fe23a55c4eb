import Architecture
import TerminalUI
import XCTest

@testable import Dashboard

final class ScreenBehaviourTests: XCTestCase {
    static let sizes = [
        (0, 0), (1, 1), (20, 5), (79, 23), (80, 24), (120, 40), (160, 50), (300, 100),
        (80, 200), (300, 24), (2, 60),
    ]

    func testNoSizeTrapsWhateverIsOpen() {
        for (width, height) in Self.sizes {
            var state = SyntheticSimulation.state(width: width, height: height)
            _ = state.screen
            state.press(.character("?"))
            _ = state.screen
            state.press(.escape, .character("7"), .character("]"), .character("z"))
            _ = state.screen
            state.press(.character(":"))
            state.type("fail db.shard-2 slow 200ms")
            _ = state.screen
            if let cursor = Dashboard.cursor(state) {
                XCTAssertTrue(cursor.x >= 0 && cursor.x < width, "\(width)x\(height)")
                XCTAssertTrue(cursor.y >= 0 && cursor.y < height, "\(width)x\(height)")
            }
        }
    }

    func testScreenFormFollowsTheSize() {
        let rows = SyntheticSimulation.rows
        let expected: [(Int, Int, ScreenLayout.Mode)] = [
            (0, 0, .tooSmall), (20, 5, .tooSmall), (79, 23, .tooSmall), (80, 24, .compact),
            (120, 40, .grid), (160, 50, .grid), (300, 100, .grid), (100, 30, .compact),
        ]
        for (width, height, mode) in expected {
            XCTAssertEqual(
                ScreenLayout(width: width, height: height, rows: rows).mode, mode,
                "\(width)x\(height)")
        }
    }

    /// At every width a figure is shown whole or not at all: a rate always ends in `/s` and
    /// a latency in its unit, never cut to `5xx 1` or `p99 2.`.
    func testFiguresAreNeverCutAtAnyWidth() throws {
        let rate = try Regex(#"(?:req|4xx|5xx) ([0-9][^ │║|#]*)"#)
        let latency = try Regex(#"p(?:50|95|99) ([0-9][^ │║|#]*)"#)
        for width in 80...170 {
            let screen = SyntheticSimulation.state(width: width, height: 50).screen
            for match in screen.matches(of: rate) {
                let figure = String(screen[match.output[1].range!])
                XCTAssertTrue(figure.hasSuffix("/s"), "width \(width): '\(figure)'")
            }
            for match in screen.matches(of: latency) {
                let figure = String(screen[match.output[1].range!])
                XCTAssertTrue(
                    figure.hasSuffix("us") || figure.hasSuffix("ms") || figure.hasSuffix("s"),
                    "width \(width): '\(figure)'")
            }
        }
    }

    func testTinyTerminalSaysWhatItNeedsAndStillQuits() {
        var state = SyntheticSimulation.state(width: 160, height: 50)
        state.send(.resize(width: 50, height: 8))
        let screen = state.screen
        XCTAssertTrue(screen.contains("80 x 24"))
        XCTAssertTrue(screen.contains("this one is 50 x 8"))
        XCTAssertEqual(state.press(.character("q")), [.quit])
        state.send(.resize(width: 160, height: 50))
        XCTAssertTrue(state.screen.contains("7 db · database"))
    }

    func testHelpListsEveryKeyAndTheGrammarAndAnyKeyClosesIt() {
        var state = SyntheticSimulation.state(width: 160, height: 50)
        state.press(.character("?"))
        XCTAssertTrue(state.isHelpVisible)
        let screen = state.screen
        for binding in KeyMap.bindings where !binding.label.isEmpty {
            XCTAssertTrue(screen.contains(binding.label + " "), "label \(binding.label)")
            XCTAssertTrue(screen.contains(binding.summary), binding.summary)
        }
        for line in HelpOverlay.grammar where !line.isEmpty {
            XCTAssertTrue(screen.contains(line), line)
        }
        XCTAssertEqual(state.press(.character("x")), [], "the closing key does nothing else")
        XCTAssertFalse(state.isHelpVisible)
    }

    func testEveryBoundKeyIsInTheHelp() {
        let labelled = KeyMap.bindings.filter { !$0.label.isEmpty }
        let words = Set(labelled.flatMap { $0.label.split(separator: " ").map(String.init) })
        for binding in KeyMap.bindings {
            for key in binding.keys {
                switch key {
                case .character(let character) where character != " ":
                    let shown =
                        words.contains(String(character))
                        || "=_,.".contains(character)
                    XCTAssertTrue(shown, "\(character) is missing from help")
                default: continue
                }
            }
        }
    }

    func testOutcomesShowOnTheMessageLine() {
        var state = SyntheticSimulation.state(width: 80, height: 24)
        state.send(
            .outcome(
                command: "set lb.algorithm fastest",
                message:
                    "unknown algorithm 'fastest'", isError: true))
        var row = String(state.screen.split(separator: "\n")[22])
        XCTAssertEqual(row, "ERROR  set lb.algorithm fastest: unknown algorithm 'fastest'")
        state.send(.outcome(command: "recover all", message: "3 faults cleared", isError: false))
        row = String(state.screen.split(separator: "\n")[22])
        XCTAssertEqual(row, "✓ recover all: 3 faults cleared")
    }

    func testNoColourKeepsHealthLettersAndSelectionShapes() {
        let noColour = Capabilities(unicode: true, color: false)
        var state = SyntheticSimulation.state(width: 160, height: 50, capabilities: noColour)
        state.selectPanel(named: "cache")
        var buffer = CellBuffer(width: 160, height: 50)
        Dashboard.render(state, into: &buffer)
        for cell in buffer.cells {
            XCTAssertEqual(cell.style.foreground, .standard)
            XCTAssertEqual(cell.style.background, .standard)
        }
        let text = buffer.text()
        XCTAssertTrue(text.contains("6 cache · cache  D×"))
        XCTAssertTrue(text.contains("node-2 D×"))
        XCTAssertTrue(text.contains("7 db · database  S◐"))
        XCTAssertTrue(text.contains("╔ ▶ 6 cache"))
    }

    func testAsciiTerminalGetsNoBoxDrawingOrBlocks() {
        let state = SyntheticSimulation.state(width: 160, height: 50, capabilities: .plain)
        let drawn = state.screen.replacingOccurrences(of: "root→auth/s", with: "")
        let fancy = drawn.unicodeScalars.filter { $0.value > 0x7E }
        XCTAssertEqual(String(String.UnicodeScalarView(fancy)), "")
    }

    func testColourMarksHealth() {
        let state = SyntheticSimulation.state(width: 160, height: 50)
        var buffer = CellBuffer(width: 160, height: 50)
        Dashboard.render(state, into: &buffer)
        let downCells = buffer.cells.filter { $0.character == "×" }
        XCTAssertFalse(downCells.isEmpty)
        XCTAssertTrue(downCells.allSatisfy { $0.style.foreground == .red })
    }

    func testBeforeTheFirstFramePanelsWait() {
        var state = AppState(config: SyntheticSimulation.config())
        state.send(.resize(width: 160, height: 50))
        XCTAssertTrue(state.screen.contains("waiting for the first frame"))
        XCTAssertTrue(state.screen.contains("sim 0us"))
    }

    func testAReplayOffersOnlyTheKeysThatLeaveTheSimulationAlone() {
        var config = SyntheticSimulation.config()
        config.isReplay = true
        var replay = AppState(config: config)
        replay.send(.resize(width: 160, height: 50))
        replay.send(.frame(SyntheticSimulation.snapshot(), SyntheticSimulation.status))
        let lines = replay.screen.split(separator: "\n", omittingEmptySubsequences: false)
        let hints = String(lines[49])
        let offered = ["arrows panel", "[ ] node", "space pause", "<> speed", "z zoom", "? help"]
        for offered in offered {
            XCTAssertTrue(hints.contains(offered), "\(offered) in \(hints)")
        }
        for refused in ["target", "x kill", "+- load", "r recover", "s strategy", ": command"] {
            XCTAssertFalse(hints.contains(refused), "\(refused) in \(hints)")
        }
        XCTAssertTrue(hints.contains("q quit"))
        XCTAssertTrue(lines[0].contains("REPLAY"), String(lines[0]))

        let live = SyntheticSimulation.state(width: 160, height: 50)
        let liveLines = live.screen.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertTrue(liveLines[49].contains("x kill"))
        XCTAssertFalse(liveLines[0].contains("REPLAY"))
    }
}

final class TooSmallKeyTests: XCTestCase {
    /// Behind the size message the user sees nothing, so no key may change the simulation;
    /// quitting still works.
    func testOnlyQuitWorksWhileTheScreenIsTooSmall() {
        var state = SyntheticSimulation.state(width: 60, height: 20)
        XCTAssertEqual(Dashboard.update(&state, .key(.character("x"))), [])
        XCTAssertEqual(Dashboard.update(&state, .key(.character("+"))), [])
        XCTAssertEqual(Dashboard.update(&state, .key(.character("q"))), [.quit])
        _ = Dashboard.update(&state, .resize(width: 160, height: 50))
        XCTAssertFalse(Dashboard.update(&state, .key(.character("+"))).isEmpty)
        // With the command line open when the screen shrank, q still quits.
        state.press(.character(":"))
        state.type("fail")
        _ = Dashboard.update(&state, .resize(width: 60, height: 20))
        XCTAssertEqual(Dashboard.update(&state, .key(.character("q"))), [.quit])
        XCTAssertEqual(Dashboard.update(&state, .key(.control("c"))), [.quit])
    }
}
