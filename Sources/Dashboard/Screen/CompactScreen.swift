import Architecture
import TerminalUI

/// The form for small terminals (80×24): one line per component with its headline
/// figures, and the selected panel below the list. `z` gives the panel the whole area.
enum CompactScreen {
    /// The panel keeps at least this many lines; the list scrolls when it would take more.
    static let panelHeightMin = 9

    static func draw(_ state: AppState, in body: Rect, into buffer: inout CellBuffer) {
        let count = state.panelNames.count
        guard !state.isZoomed, count > 0 else {
            PanelFrame.draw(panel: state.selectedPanel, of: state, in: body, into: &buffer)
            return
        }
        let list = CompactList(count: count, width: body.width)
        let visibleRows = list.visibleRows(bodyHeight: body.height, panelHeightMin: panelHeightMin)
        let selectedRow = state.selectedPanel % list.rowsPerColumn
        let firstRow = max(0, min(selectedRow - visibleRows / 2, list.rowsPerColumn - visibleRows))
        let listRect = body.top(1 + visibleRows)
        for (column, rect) in listRect.columns(list.columns).enumerated() {
            let indices = (firstRow..<(firstRow + visibleRows)).compactMap {
                list.index(row: $0, column: column, count: count)
            }
            let area = column + 1 < list.columns ? rect.droppingRight(2) : rect
            table(state, indices).draw(
                in: area, capabilities: state.theme.capabilities, into: &buffer)
        }
        let panel = body.droppingTop(1 + visibleRows)
        PanelFrame.draw(panel: state.selectedPanel, of: state, in: panel, into: &buffer)
    }

    static let columns = [
        TableColumn("", width: 2),
        TableColumn("name", width: 7, flexible: true),
        TableColumn("H", width: 2),
        TableColumn("req/s", width: 6, alignment: .right),
        TableColumn("5xx/s", width: 5, alignment: .right),
        TableColumn("p99", width: 6, alignment: .right),
        TableColumn("util", width: 4, alignment: .right),
    ]

    private static func table(_ state: AppState, _ indices: [Int]) -> Table {
        let rows = indices.map { entry(state, $0) }
        return Table(
            columns: columns, rows: rows, headerStyle: state.theme.label,
            selectedRow: indices.firstIndex(of: state.selectedPanel),
            selectedStyle: state.theme.selectedRow)
    }

    private static func entry(_ state: AppState, _ index: Int) -> [TableCell] {
        let theme = state.theme
        let name = state.panelNames[index]
        let marker =
            (index == state.selectedPanel ? theme.pointer : " ")
            + (index < 9 ? String(index + 1) : " ")
        guard let component = state.snapshot?.component(name) else {
            return [.text(marker, .bold), .text(name), .text("?")]
        }
        func figure(_ key: String, _ format: (Double) -> String) -> String {
            component.value(key).map(format) ?? "-"
        }
        let errors = component.value("errors5xx") ?? 0
        let utilisation = FigureLines.utilisation(component)
        return [
            .text(marker, .bold),
            .text(name),
            .text(theme.mark(for: component.health), theme.style(for: component.health)),
            .text(figure("throughput", MetricFormat.number)),
            .text(figure("errors5xx", MetricFormat.number), theme.alarm(errors)),
            .text(figure("p99", MetricFormat.duration)),
            .text(
                utilisation.map(MetricFormat.wholePercent) ?? "-",
                utilisation.map(theme.load) ?? .plain),
        ]
    }
}
