import Architecture
import TerminalUI

/// The kind's own figures as `label value` cells, row by row in the engine's order.
enum MetricsGrid {
    /// The narrowest a cell may be; wider panels fit more cells to a line.
    static let cellWidthMin = 17
    static let gapWidth = 2

    /// The metrics not already on the common lines.
    static func shown(_ component: ComponentSnapshot) -> [Metric] {
        component.metrics.filter { !FigureLines.commonKeys.contains($0.key) }
    }

    static func columns(width: Int) -> Int {
        max(1, (width + gapWidth) / (cellWidthMin + gapWidth))
    }

    static func draw(
        _ component: ComponentSnapshot, in rect: Rect, _ context: PanelContext,
        _ buffer: inout CellBuffer
    ) {
        let metrics = shown(component)
        let perLine = columns(width: rect.width)
        let cellWidth = max(1, (rect.width + gapWidth) / perLine - gapWidth)
        for (index, metric) in metrics.enumerated() {
            let row = index / perLine
            guard row < rect.height else { break }
            let column = index % perLine
            let cell = Rect(
                x: rect.x + column * (cellWidth + gapWidth), y: rect.y + row, width: cellWidth,
                height: 1)
            drawCell(metric, in: cell, context.theme, &buffer)
        }
    }

    /// The value is right-aligned so figures line up down the grid; the label gets the rest.
    private static func drawCell(
        _ metric: Metric, in cell: Rect, _ theme: Theme, _ buffer: inout CellBuffer
    ) {
        let value = MetricFormat.compact(metric)
        let valueWidth = min(cell.width, columnWidth(of: value))
        let labelWidth = max(0, cell.width - valueWidth - 1)
        buffer.write(metric.label, x: cell.x, y: cell.y, style: theme.label, limit: labelWidth)
        TextLine(value, style: theme.value).draw(in: cell, alignment: .right, into: &buffer)
    }
}
