import Architecture
import TerminalUI
import XCTest

@testable import Dashboard

final class SelectionTests: XCTestCase {
    func testDigitsSelectPanelsInReadingOrder() {
        var state = SyntheticSimulation.state(width: 160, height: 50)
        state.press(.character("7"))
        XCTAssertEqual(state.target, "db")
        state.press(.character("0"))
        XCTAssertEqual(state.target, "db")
        state.press(.character("9"))
        XCTAssertEqual(state.target, "workers")
    }

    func testArrowsMoveThroughTheGridByPosition() {
        var state = SyntheticSimulation.state(width: 160, height: 50)
        state.press(.right, .right)
        XCTAssertEqual(state.target, "lb")
        state.press(.down)
        XCTAssertEqual(state.target, "cache", "lb sits above cache, not above db")
        state.press(.down)
        XCTAssertEqual(state.target, "mq")
        state.press(.down, .right, .right)
        XCTAssertEqual(state.target, "workers", "edges hold")
        state.press(.up, .up)
        XCTAssertEqual(state.target, "gateway")
    }

    func testTabWrapsBothWays() {
        var state = SyntheticSimulation.state(width: 160, height: 50)
        state.press(.backTab)
        XCTAssertEqual(state.target, "workers")
        state.press(.tab)
        XCTAssertEqual(state.target, "clients")
    }

    func testArrowsFollowTheCompactListColumns() {
        var state = SyntheticSimulation.state(width: 80, height: 24)
        state.press(.down)
        XCTAssertEqual(state.target, "dns")
        state.press(.right)
        XCTAssertEqual(state.target, "db", "dns is beside db in the two-column list")
        state.press(.down, .down)
        XCTAssertEqual(state.target, "workers")
        state.press(.down)
        XCTAssertEqual(state.target, "backend", "the last row has only the first column")
    }

    func testRightFromBelowTheShorterCompactColumnGoesToItsLastRow() {
        var state = SyntheticSimulation.state(width: 80, height: 24)
        state.selectPanel(named: "backend")
        state.press(.right)
        XCTAssertEqual(state.target, "workers", "backend is past the right column's end")
        state.press(.left)
        XCTAssertEqual(state.target, "gateway", "left keeps the row")
        var grid = SyntheticSimulation.state(width: 160, height: 50)
        grid.selectPanel(named: "workers")
        grid.press(.right)
        XCTAssertEqual(grid.target, "workers", "the grid's edges still hold")
    }

    func testNodeSelectionCyclesThroughTheWholeComponent() {
        var state = SyntheticSimulation.state(width: 160, height: 50)
        state.selectPanel(named: "cache")
        state.press(.character("]"))
        XCTAssertEqual(state.target, "cache.node-1")
        state.press(.character("["), .character("["))
        XCTAssertEqual(state.target, "cache.node-3")
        state.press(.character("]"))
        XCTAssertNil(state.selectedNode)
        XCTAssertEqual(state.target, "cache")
    }

    func testChangingPanelOrEscapeDropsTheNode() {
        var state = SyntheticSimulation.state(width: 160, height: 50)
        state.selectPanel(named: "db")
        state.press(.character("]"), .character("z"))
        XCTAssertTrue(state.isZoomed)
        state.press(.escape)
        XCTAssertNil(state.selectedNode)
        XCTAssertTrue(state.isZoomed)
        state.press(.escape)
        XCTAssertFalse(state.isZoomed)
        state.press(.character("]"), .left)
        XCTAssertEqual(state.target, "cache")
    }

    func testPanelsWithoutNodesSaySo() {
        var state = SyntheticSimulation.state(width: 160, height: 50)
        state.press(.character("4"), .character("]"))
        XCTAssertNil(state.selectedNode)
        XCTAssertEqual(state.note?.text, "gateway has no nodes to select")
    }

    func testANodeThatDisappearsIsUnselected() {
        var state = SyntheticSimulation.state(width: 160, height: 50)
        state.selectPanel(named: "cache")
        state.press(.character("]"), .character("]"), .character("]"))
        XCTAssertEqual(state.target, "cache.node-3")
        var snapshot = SyntheticSimulation.snapshot()
        snapshot.components[5].nodes.removeLast()
        state.send(.frame(snapshot, SyntheticSimulation.status))
        XCTAssertEqual(state.target, "cache")
    }

    func testWithoutLayoutRowsEveryComponentGetsAPanel() {
        let config = DashboardConfig(
            title: "t", rows: [], capabilities: .full, seed: 1, recordingPath: nil)
        var state = AppState(config: config)
        state.send(.resize(width: 160, height: 50))
        state.send(.frame(SyntheticSimulation.snapshot(), SyntheticSimulation.status))
        XCTAssertEqual(state.panelRows.count, 3)
        XCTAssertEqual(state.panelNames.count, 9)
        XCTAssertTrue(state.screen.contains("9 workers"))
    }
}
