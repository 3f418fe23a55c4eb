import TerminalUI

/// Where each part of the screen goes at a given size, and which form the screen takes.
///
/// `update` uses it too (arrow keys move through what is on screen), so it depends only
/// on the size and the panel rows, never on the buffer.
struct ScreenLayout: Equatable {
    enum Mode: Equatable {
        /// Below `Dashboard.minimumSize`: a centred message only.
        case tooSmall
        /// A one-line-per-component list with the selected panel below it.
        case compact
        /// Every panel in its place, as the layout arranges them.
        case grid
    }

    /// The narrowest panel the grid may have before the compact form takes over.
    static let gridPanelWidthMin = 28
    /// The shortest panel the grid may have before the compact form takes over.
    static let gridPanelHeightMin = 8

    let mode: Mode
    let status: Rect
    /// The panel grid in grid mode; the list and the selected panel in compact mode.
    let body: Rect
    let ticker: Rect
    let message: Rect
    let hints: Rect

    init(width: Int, height: Int, rows: [[String]]) {
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        let tooSmall =
            width < Dashboard.minimumSize.width
            || height < Dashboard.minimumSize.height
        let tickerLines = height >= 45 ? 4 : height >= 32 ? 3 : 2
        status = screen.top(1)
        hints = screen.bottom(1)
        message = screen.droppingBottom(1).bottom(1)
        let middle = screen.droppingTop(1).droppingBottom(2)
        ticker = middle.bottom(tickerLines)
        body = middle.droppingBottom(tickerLines)
        if tooSmall {
            mode = .tooSmall
        } else if Self.gridFits(body, rows: rows) {
            mode = .grid
        } else {
            mode = .compact
        }
    }

    init(state: AppState) {
        self.init(width: state.width, height: state.height, rows: state.panelRows)
    }

    private static func gridFits(_ body: Rect, rows: [[String]]) -> Bool {
        guard !rows.isEmpty else { return false }
        let widest = rows.map(\.count).max() ?? 1
        return body.height / rows.count >= gridPanelHeightMin
            && body.width / max(1, widest) >= gridPanelWidthMin
    }
}

/// The compact form's list: how many columns, and how many entries a column holds.
struct CompactList: Equatable {
    let columns: Int
    let rowsPerColumn: Int

    init(count: Int, width: Int) {
        columns = count > 4 && width >= 76 ? 2 : 1
        rowsPerColumn = max(1, (count + columns - 1) / columns)
    }

    /// The panel index at a list row and column, if there is one.
    func index(row: Int, column: Int, count: Int) -> Int? {
        let index = column * rowsPerColumn + row
        return index < count ? index : nil
    }

    /// The list rows (header excluded) that fit beside a panel of `panelHeightMin` lines.
    func visibleRows(bodyHeight: Int, panelHeightMin: Int) -> Int {
        max(1, min(rowsPerColumn, bodyHeight - 1 - panelHeightMin))
    }
}
