import Architecture
import Foundation
import Session
import SimKernel
import TerminalUI
import XCTest

@testable import Dashboard

/// The dashboard on the real engine: the default layout, driven by keys whose commands go
/// through a `LiveSession` as the run loop sends them. Seeded, so every run is the same.
final class EngineScreenTests: XCTestCase {
    static let layoutPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("layouts/blueprint.json5").path

    var session: LiveSession!
    var state: AppState!

    override func setUpWithError() throws {
        let layout = try LayoutLoader.load(path: Self.layoutPath)
        session = try LiveSession(layout: layout, seed: 42, log: nil)
        state = AppState(
            config: DashboardConfig(
                title: layout.title, rows: layout.screen.rows, capabilities: .full, seed: 42,
                recordingPath: nil))
        state.send(.vocabulary(session.completionVocabulary))
        state.send(.resize(width: 160, height: 50))
        advance(seconds: 8)
    }

    private func advance(seconds: Int64) {
        let limit = session.now + seconds * Micros.perSecond
        while !session.advance(to: limit, eventBudget: 1_000_000) {}
        let status = RunStatus(
            simTime: session.now, speed: 1, effectiveSpeed: 1, paused: false, recording: nil)
        state.send(.frame(session.simulation.snapshot(), status))
    }

    /// Carries out the effects as the run loop does, answering with outcomes.
    private func perform(_ effects: [AppEffect]) {
        for case .submit(let text) in effects {
            switch session.submit(text) {
            case .applied(_, let message):
                state.send(.outcome(command: text, message: message, isError: false))
            case .refused(let message):
                state.send(.outcome(command: text, message: message, isError: true))
            }
        }
    }

    func testEveryPanelOfTheLayoutShowsLiveFigures() {
        let screen = state.screen
        for name in state.panelNames {
            XCTAssertNotNil(state.snapshot?.component(name), name)
            XCTAssertTrue(screen.contains(" \(name) · "), name)
        }
        XCTAssertFalse(screen.contains("not in this run"))
        XCTAssertTrue(screen.contains("sim 8.0s"))
    }

    func testKilledNodeShowsDownInTheGridAndTheCompactForm() {
        state.selectPanel(named: "backend")
        state.press(.character("]"), .character("]"))
        let target = state.target ?? ""
        XCTAssertTrue(target.hasPrefix("backend."), target)
        perform(state.press(.character("x")))
        XCTAssertEqual(state.note?.kind, .success, state.note?.text ?? "")
        advance(seconds: 3)
        let node = state.snapshot?.component("backend")?.nodes.first { $0.name == target }
        XCTAssertEqual(node?.health, .down)
        let short = String(target.dropFirst("backend.".count))
        XCTAssertTrue(state.screen.contains("\(short) D×"), state.screen)
        state.send(.resize(width: 80, height: 24))
        XCTAssertTrue(state.screen.contains("\(short) D×"), state.screen)
    }

    func testStrategyKeysAndTypedCommandsReachTheEngine() {
        state.selectPanel(named: "lb")
        perform(state.press(.character("s")))
        XCTAssertEqual(state.note?.kind, .success, state.note?.text ?? "")
        state.press(.character(":"))
        state.type("fail nowhere kill")
        perform(state.press(.enter))
        XCTAssertEqual(state.note?.kind, .error)
        XCTAssertTrue(state.screen.contains("ERROR  fail nowhere kill"))
    }

    func testRealScreensRenderAtEverySize() {
        for (width, height) in ScreenBehaviourTests.sizes {
            state.send(.resize(width: width, height: height))
            let screen = state.screen
            XCTAssertEqual(
                screen.split(separator: "\n", omittingEmptySubsequences: false).count,
                max(1, height), "\(width)x\(height)")
        }
    }
}
