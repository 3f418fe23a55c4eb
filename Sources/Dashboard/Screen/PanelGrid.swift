import TerminalUI

/// The full screen form: the layout's rows of panels, or the selected one zoomed.
///
/// Rows share the height equally; panels share their row's width equally.
enum PanelGrid {
    static func draw(_ state: AppState, in body: Rect, into buffer: inout CellBuffer) {
        if state.isZoomed {
            PanelFrame.draw(panel: state.selectedPanel, of: state, in: body, into: &buffer)
            return
        }
        let rows = state.panelRows
        var index = 0
        for (row, rowRect) in zip(rows, body.rows(rows.count)) {
            for panelRect in rowRect.columns(row.count) {
                PanelFrame.draw(panel: index, of: state, in: panelRect, into: &buffer)
                index += 1
            }
        }
    }
}
