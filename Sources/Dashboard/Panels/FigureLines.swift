import Architecture
import TerminalUI

/// The one-line sections every component shares: strategies, traffic, latency and load.
enum FigureLines {
    /// The metrics these lines show, so the metrics grid does not repeat them.
    static let commonKeys: Set<String> = [
        "throughput", "errors4xx", "errors5xx", "p50", "p95", "p99", "queue", "queueDepth",
        "utilisation", "utilization",
    ]

    static func hasFigures(_ kind: SectionKind, _ component: ComponentSnapshot) -> Bool {
        switch kind {
        case .traffic: return hasAny(["throughput", "errors4xx", "errors5xx"], component)
        case .latency: return hasAny(["p50", "p95", "p99"], component)
        case .load: return queueDepth(component) != nil || utilisation(component) != nil
        default: return false
        }
    }

    private static func hasAny(_ keys: [String], _ component: ComponentSnapshot) -> Bool {
        keys.contains { component.metric($0) != nil }
    }

    /// The component's queue: its own figure, or the sum over its nodes.
    static func queueDepth(_ component: ComponentSnapshot) -> Double? {
        if let value = component.value("queue") ?? component.value("queueDepth") { return value }
        guard !component.nodes.isEmpty else { return nil }
        return Double(component.nodes.reduce(0) { $0 + $1.queueDepth })
    }

    /// The component's utilisation: its own figure, or the mean over its nodes.
    static func utilisation(_ component: ComponentSnapshot) -> Double? {
        if let value = component.value("utilisation") ?? component.value("utilization") {
            return value
        }
        guard !component.nodes.isEmpty else { return nil }
        let total = component.nodes.reduce(0) { $0 + $1.utilisation }
        return total / Double(component.nodes.count)
    }

    static func draw(
        _ kind: SectionKind, _ component: ComponentSnapshot, in rect: Rect,
        _ context: PanelContext, _ buffer: inout CellBuffer
    ) {
        let theme = context.theme
        var line = TextLine()
        // A figure is shown whole or not at all: `5xx 1` cut from `5xx 1.0k/s` would lie.
        var isFull = false
        func add(_ label: String, _ key: String, alarm: Bool = false) {
            guard !isFull, let metric = component.metric(key) else { return }
            let value = MetricFormat.compact(metric)
            let gap = line.spans.isEmpty ? 0 : 2
            guard
                line.width + gap + columnWidth(of: label) + 1 + columnWidth(of: value)
                    <= rect.width
            else {
                isFull = true
                return
            }
            if gap > 0 { line.append("  ") }
            line.append(label + " ", style: theme.label)
            let style = alarm ? theme.alarm(metric.value) : theme.value
            line.append(value, style: style)
        }
        switch kind {
        case .traffic:
            add("req", "throughput")
            add("4xx", "errors4xx", alarm: true)
            add("5xx", "errors5xx", alarm: true)
        case .latency:
            add("p50", "p50")
            add("p95", "p95")
            add("p99", "p99")
        case .load:
            return drawLoad(component, in: rect, theme, &buffer)
        default: return
        }
        line.draw(in: rect.row(0), into: &buffer)
    }

    /// `queue 12  util 81% ████░░`: the gauge takes the rest of the line.
    private static func drawLoad(
        _ component: ComponentSnapshot, in rect: Rect, _ theme: Theme, _ buffer: inout CellBuffer
    ) {
        var line = TextLine()
        if let depth = queueDepth(component) {
            line.append("queue ", style: theme.label)
            line.append(MetricFormat.number(depth), style: theme.value)
        }
        // Each figure whole or not at all, as on the other lines.
        if line.width > rect.width { line = TextLine() }
        let utilisation = utilisation(component)
        let utilisationWidth = (line.spans.isEmpty ? 0 : 2) + "util ".count + 5
        let showsUtilisation = utilisation != nil && line.width + utilisationWidth <= rect.width
        if let utilisation, showsUtilisation {
            if !line.spans.isEmpty { line.append("  ") }
            line.append("util ", style: theme.label)
            line.append(
                fit(MetricFormat.percent(utilisation), toColumns: 5, alignRight: true),
                style: theme.load(utilisation))
        }
        let used = line.draw(in: rect.row(0), into: &buffer)
        let gaugeWidth = rect.width - used - 1
        guard let utilisation, showsUtilisation, gaugeWidth >= 3 else { return }
        let area = Rect(x: rect.x + used + 1, y: rect.y, width: min(gaugeWidth, 24), height: 1)
        Gauge(ratio: utilisation, filledStyle: theme.load(utilisation))
            .draw(in: area, capabilities: theme.capabilities, into: &buffer)
    }

    /// The strategies as `setting value` pairs, wrapped at `width`; the last line takes
    /// whatever does not fit on the others and is cut.
    static func strategyLines(
        _ component: ComponentSnapshot, width: Int, linesMax: Int, _ theme: Theme
    ) -> [TextLine] {
        var lines: [TextLine] = []
        var line = TextLine()
        for option in component.strategies {
            let item = [
                Span(option.name + " ", style: theme.label), Span(option.value, style: .bold),
            ]
            let itemWidth = item.reduce(0) { $0 + $1.width }
            if !line.spans.isEmpty, line.width + 2 + itemWidth > width,
                lines.count + 1 < linesMax
            {
                lines.append(line)
                line = TextLine()
            }
            if !line.spans.isEmpty { line.append("  ") }
            line.spans += item
        }
        if !line.spans.isEmpty { lines.append(line) }
        return lines
    }

    static func drawStrategies(
        _ component: ComponentSnapshot, in rect: Rect, _ context: PanelContext,
        _ buffer: inout CellBuffer
    ) {
        let lines = strategyLines(
            component, width: rect.width, linesMax: rect.height, context.theme)
        LogList(lines: Array(lines.prefix(rect.height))).draw(in: rect, into: &buffer)
    }
}
