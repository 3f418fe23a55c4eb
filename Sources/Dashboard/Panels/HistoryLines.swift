import Architecture
import TerminalUI

/// A sparkline for each history series: label, chart, newest value.
enum HistoryLines {
    static let labelWidthMax = 9
    static let valueWidth = 8

    static func draw(
        _ component: ComponentSnapshot, in rect: Rect, _ context: PanelContext,
        _ buffer: inout CellBuffer
    ) {
        let series = component.history
        guard !series.isEmpty, !rect.isEmpty else { return }
        let shownCount = min(series.count, rect.height)
        let longest = series.prefix(shownCount).map { columnWidth(of: $0.label) }.max() ?? 0
        let labelWidth = min(labelWidthMax, longest + 1)
        for index in 0..<shownCount {
            drawSeries(
                series[index], in: rect.row(index), labelWidth: labelWidth, context.theme,
                &buffer)
        }
    }

    /// Label, chart and newest value on one row; the chart takes what the others leave.
    private static func drawSeries(
        _ series: Series, in area: Rect, labelWidth: Int, _ theme: Theme,
        _ buffer: inout CellBuffer
    ) {
        let row = area.y
        let hasRoom = area.width >= labelWidth + valueWidth + 4
        let label = hasRoom ? labelWidth : 0
        let value = hasRoom ? valueWidth : 0
        buffer.write(series.label, x: area.x, y: row, style: theme.label, limit: label - 1)
        let chart = Rect(
            x: area.x + label, y: area.y, width: area.width - label - value, height: area.height)
        Sparkline(values: series.values, style: theme.spark)
            .draw(in: chart, capabilities: theme.capabilities, into: &buffer)
        guard hasRoom, let newest = series.values.last else { return }
        let text = MetricFormat.compact(newest, unit: series.unit)
        TextLine(text, style: theme.value).draw(
            in: Rect(x: area.maxX - value, y: row, width: value, height: 1),
            alignment: .right, into: &buffer)
    }
}
