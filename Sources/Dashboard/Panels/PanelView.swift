import Architecture
import TerminalUI

/// What a panel view needs besides the component: the theme and the selection.
struct PanelContext {
    let theme: Theme
    /// True for the selected panel; its selected node is then highlighted.
    let isSelected: Bool
    /// The selected node's full name (`db.shard-2`), if any.
    let selectedNode: String?
    /// True when the panel has the whole panel area: histories may grow taller.
    let isZoomed: Bool
}

/// How one kind of component fills the inside of its panel.
///
/// Most kinds are a list of sections in the order they are shown, each with a priority
/// that decides who gets the lines when the panel is short; a kind that wants something
/// else implements `draw` itself.
protocol PanelView: Sendable {
    /// The sections in display order.
    var sections: [PanelSection] { get }

    func draw(
        _ component: ComponentSnapshot, in area: Rect, context: PanelContext,
        into buffer: inout CellBuffer)
}

extension PanelView {
    func draw(
        _ component: ComponentSnapshot, in area: Rect, context: PanelContext,
        into buffer: inout CellBuffer
    ) {
        guard !area.isEmpty else { return }
        let lines = SectionLayout.allocate(
            sections, component: component, width: area.width, height: area.height,
            tall: context.isZoomed)
        var row = area.y
        for (section, count) in zip(sections, lines) where count > 0 {
            let rect = Rect(x: area.x, y: row, width: area.width, height: count)
            section.kind.draw(component, in: rect, context: context, into: &buffer)
            row += count
        }
    }
}

/// The panel view for each component kind, with the generic view for any other kind.
///
/// Adding a kind's own view means writing a type that conforms to `PanelView` and adding
/// one line here; every kind works with the generic view meanwhile.
enum PanelViews {
    static let byKind: [String: any PanelView] = [
        "api-gateway": GatewayPanelView(),
        "clients": ClientsPanelView(),
    ]

    static func view(for kind: String) -> any PanelView {
        byKind[kind] ?? GenericPanelView()
    }
}

/// The view every kind gets unless it has its own: common figures first, then the kind's
/// own metrics, histories, nodes and any log tail. When lines are short the kind's own
/// figures (hit ratio, replication lag, queue depth) outrank the node table.
struct GenericPanelView: PanelView {
    let sections: [PanelSection] = [
        PanelSection(.strategies, priority: 2),
        PanelSection(.traffic, priority: 0),
        PanelSection(.latency, priority: 1),
        PanelSection(.load, priority: 3),
        PanelSection(.metrics, priority: 4),
        PanelSection(.history, priority: 6),
        PanelSection(.nodes, priority: 5),
        PanelSection(.log, priority: 7),
    ]
}
