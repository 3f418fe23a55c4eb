import Architecture
import TerminalUI

/// A sparkline for each history series: label, chart, newest value.
///
/// The chart is as wide as the history (newest at the right), so a young run shows short
/// charts that grow; a zoomed panel gives each chart several rows.
enum HistoryLines {
    /// The most rows a chart takes in a zoomed panel.
    static let rowsEachTall = 4
    static let labelWidthMax = 9
    static let valueWidth = 8

    static func draw(
        _ component: ComponentSnapshot, in rect: Rect, _ context: PanelContext,
        _ buffer: inout CellBuffer
    ) {
        let series = component.history
        guard !series.isEmpty, !rect.isEmpty else { return }
        let shownCount = min(series.count, rect.height)
        let rowsEach = max(1, min(rowsEachTall, rect.height / shownCount))
        let longest = series.prefix(shownCount).map { columnWidth(of: $0.label) }.max() ?? 0
        let labelWidth = min(labelWidthMax, longest + 1)
        for index in 0..<shownCount {
            let area = Rect(
                x: rect.x, y: rect.y + index * rowsEach, width: rect.width, height: rowsEach)
            drawSeries(series[index], in: area, labelWidth: labelWidth, context.theme, &buffer)
        }
    }

    /// Label and newest value sit on the chart's bottom row, either side of it.
    private static func drawSeries(
        _ series: Series, in area: Rect, labelWidth: Int, _ theme: Theme,
        _ buffer: inout CellBuffer
    ) {
        let bottom = area.maxY - 1
        let hasRoom = area.width >= labelWidth + valueWidth + 4
        let label = hasRoom ? labelWidth : 0
        let value = hasRoom ? valueWidth : 0
        buffer.write(series.label, x: area.x, y: bottom, style: theme.label, limit: label - 1)
        let chartWidth = min(series.values.count, area.width - label - value)
        let chart = Rect(x: area.x + label, y: area.y, width: chartWidth, height: area.height)
        Sparkline(values: series.values, style: theme.spark)
            .draw(in: chart, capabilities: theme.capabilities, into: &buffer)
        guard hasRoom, let newest = series.values.last else { return }
        let text = MetricFormat.compact(newest, unit: series.unit)
        TextLine(text, style: theme.value).draw(
            in: Rect(x: chart.maxX, y: bottom, width: value, height: 1),
            alignment: .right, into: &buffer)
    }
}
