import Architecture
import TerminalUI

/// A part of a panel: a line of figures, a grid of metrics, sparklines, a node table.
enum SectionKind: Sendable, Equatable {
    /// The strategies in force (`algorithm least-connections`).
    case strategies
    /// Throughput, 4xx/s and 5xx/s.
    case traffic
    /// p50, p95 and p99.
    case latency
    /// Queue depth and utilisation with a gauge.
    case load
    /// The kind's own figures, as many as fit.
    case metrics
    /// A sparkline for each history series.
    case history
    /// The nodes as a table.
    case nodes
    /// The component's log tail.
    case log
}

/// A section in a panel view, with how much it matters when lines are short.
struct PanelSection: Sendable, Equatable {
    let kind: SectionKind
    /// Lower numbers get their lines first.
    let priority: Int

    init(_ kind: SectionKind, priority: Int) {
        self.kind = kind
        self.priority = priority
    }
}

/// The lines a section needs at least to be worth showing, and the most it can use.
struct LineDemand: Equatable {
    let min: Int
    let max: Int

    static let none = LineDemand(min: 0, max: 0)
}

/// Shares a panel's lines among its sections by priority.
enum SectionLayout {
    /// The lines each section gets, in the sections' order: first every section's minimum
    /// in priority order while they fit (a section that does not fit is left out whole),
    /// then the remaining lines up to each one's maximum, again in priority order.
    static func allocate(
        _ sections: [PanelSection], component: ComponentSnapshot, width: Int, height: Int,
        tall: Bool = false
    ) -> [Int] {
        let demands = sections.map { $0.kind.demand(component, width: width, tall: tall) }
        let order = sections.indices.sorted {
            (sections[$0].priority, $0) < (sections[$1].priority, $1)
        }
        var lines = [Int](repeating: 0, count: sections.count)
        var left = max(0, height)
        for index in order where demands[index].min > 0 && demands[index].min <= left {
            lines[index] = demands[index].min
            left -= demands[index].min
        }
        for index in order where lines[index] > 0 {
            let extra = min(left, demands[index].max - lines[index])
            lines[index] += extra
            left -= extra
        }
        return lines
    }
}

extension SectionKind {
    /// How many lines this section wants for a component at a width; `tall` lets
    /// histories grow beyond one line each.
    func demand(_ component: ComponentSnapshot, width: Int, tall: Bool = false) -> LineDemand {
        switch self {
        case .strategies:
            let lines = FigureLines.strategyLines(
                component, width: width, linesMax: 2, Theme(capabilities: .plain))
            return lines.isEmpty ? .none : LineDemand(min: 1, max: lines.count)
        case .traffic, .latency, .load:
            return FigureLines.hasFigures(self, component) ? LineDemand(min: 1, max: 1) : .none
        case .metrics:
            let count = MetricsGrid.shown(component).count
            guard count > 0 else { return .none }
            let perLine = MetricsGrid.columns(width: width)
            return LineDemand(min: 1, max: (count + perLine - 1) / perLine)
        case .history:
            let count = component.history.count
            let rowsEach = tall ? HistoryLines.rowsEachTall : 1
            return count == 0 ? .none : LineDemand(min: 1, max: count * rowsEach)
        case .nodes:
            let count = component.nodes.count
            return count == 0 ? .none : LineDemand(min: 1 + min(count, 2), max: 1 + count)
        case .log:
            let count = component.log.count
            return count == 0 ? .none : LineDemand(min: min(count, 2), max: count)
        }
    }

    func draw(
        _ component: ComponentSnapshot, in rect: Rect, context: PanelContext,
        into buffer: inout CellBuffer
    ) {
        switch self {
        case .strategies: FigureLines.drawStrategies(component, in: rect, context, &buffer)
        case .traffic, .latency, .load:
            FigureLines.draw(self, component, in: rect, context, &buffer)
        case .metrics: MetricsGrid.draw(component, in: rect, context, &buffer)
        case .history: HistoryLines.draw(component, in: rect, context, &buffer)
        case .nodes: NodeTable.draw(component, in: rect, context, &buffer)
        case .log:
            let lines = component.log.map { TextLine($0, style: context.theme.value) }
            LogList(lines: lines).draw(in: rect, into: &buffer)
        }
    }
}
