import Architecture
import TerminalUI

/// A component's nodes as a table: name, health, throughput, queue, utilisation, detail.
///
/// When the nodes outnumber the lines, the rows shown keep the selected node in view and
/// a last line counts the rest by health, so a dead node is never hidden silently.
enum NodeTable {
    static func draw(
        _ component: ComponentSnapshot, in rect: Rect, _ context: PanelContext,
        _ buffer: inout CellBuffer
    ) {
        guard rect.height >= 2 else { return }
        let nodes = component.nodes
        let selected =
            context.isSelected
            ? nodes.firstIndex { $0.name == context.selectedNode } : nil
        let rowsForNodes = rect.height - 1
        let window = visibleRange(count: nodes.count, rows: rowsForNodes, keeping: selected)
        let theme = context.theme
        let rows = window.map { row(nodes[$0], of: component, selected: $0 == selected, theme) }
        let table = Table(
            columns: columns(nodes, of: component, width: rect.width), rows: rows,
            headerStyle: theme.label,
            selectedRow: selected.map { $0 - window.lowerBound }, selectedStyle: theme.selectedRow)
        table.draw(in: rect, capabilities: theme.capabilities, into: &buffer)
        if window.count < nodes.count {
            let hidden = nodes.indices.filter { !window.contains($0) }.map { nodes[$0] }
            summary(of: hidden, theme).draw(in: rect.row(rect.height - 1), into: &buffer)
        }
    }

    /// The nodes shown: all if they fit, else a run that contains the selected one and
    /// leaves the last line for the summary.
    static func visibleRange(count: Int, rows: Int, keeping selected: Int?) -> Range<Int> {
        guard count > rows else { return 0..<count }
        let shown = max(0, rows - 1)
        guard let selected else { return 0..<shown }
        let start = min(max(0, selected - shown / 2), count - shown)
        return start..<(start + shown)
    }

    private static func summary(of hidden: [NodeSnapshot], _ theme: Theme) -> TextLine {
        var line = TextLine("  +\(hidden.count) more", style: theme.label)
        for health in [Health.down, .partitioned, .flaky, .slow] {
            let count = hidden.filter { $0.health == health }.count
            guard count > 0 else { continue }
            line.append("  \(count) \(health.rawValue)", style: theme.style(for: health))
        }
        return line
    }

    /// Node names without the component's prefix: `shard-2` in the `db` panel.
    static func shortName(_ node: NodeSnapshot, of component: ComponentSnapshot) -> String {
        let prefix = component.name + "."
        return node.name.hasPrefix(prefix) ? String(node.name.dropFirst(prefix.count)) : node.name
    }

    private static func columns(
        _ nodes: [NodeSnapshot], of component: ComponentSnapshot, width: Int
    ) -> [TableColumn] {
        let longest = nodes.map { columnWidth(of: shortName($0, of: component)) }.max() ?? 4
        return [
            TableColumn("", width: 1),
            TableColumn("node", width: min(16, max(4, longest))),
            TableColumn("H", width: 2),
            TableColumn("req/s", width: 6, alignment: .right),
            TableColumn("q", width: 5, alignment: .right),
            TableColumn("util", width: 5, alignment: .right),
            TableColumn("", width: width >= 80 ? 16 : 6),
            TableColumn("detail", width: 0, flexible: true, showsWholeOrNothing: true),
        ]
    }

    private static func row(
        _ node: NodeSnapshot, of component: ComponentSnapshot, selected: Bool, _ theme: Theme
    ) -> [TableCell] {
        [
            .text(selected ? theme.pointer : " ", .bold),
            .text(shortName(node, of: component), .plain),
            .text(theme.mark(for: node.health), theme.style(for: node.health)),
            .text(MetricFormat.number(node.throughput), .plain),
            .text(
                MetricFormat.number(Double(node.queueDepth)),
                node.queueDepth > 0 ? theme.warning : .plain),
            .text(MetricFormat.percent(node.utilisation), theme.load(node.utilisation)),
            .gauge(node.utilisation, theme.load(node.utilisation)),
            .text(node.detail, theme.label),
        ]
    }
}
