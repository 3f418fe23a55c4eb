import TerminalUI

/// Draws the whole screen: status, panels (grid or compact), ticker, message, hints, and
/// help on top when it is open.
enum Screen {
    static func render(_ state: AppState, into buffer: inout CellBuffer) {
        let layout = ScreenLayout(
            width: buffer.width, height: buffer.height, rows: state.panelRows)
        switch layout.mode {
        case .tooSmall:
            TooSmall.draw(state, in: buffer.bounds, into: &buffer)
            return
        case .grid:
            PanelGrid.draw(state, in: layout.body, into: &buffer)
        case .compact:
            CompactScreen.draw(state, in: layout.body, into: &buffer)
        }
        StatusLine.draw(state, in: layout.status, into: &buffer)
        Ticker.draw(state, in: layout.ticker, into: &buffer)
        MessageLine.draw(state, in: layout.message, into: &buffer)
        HintBar.draw(state, in: layout.hints, into: &buffer)
        if state.isHelpVisible {
            HelpOverlay.draw(state, in: buffer.bounds, into: &buffer)
        }
    }
}
