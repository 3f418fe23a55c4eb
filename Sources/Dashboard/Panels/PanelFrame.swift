import Architecture
import TerminalUI

/// A panel's border and title, with the component's view inside.
///
/// The title carries the panel number (the digit key that selects it), the name, the
/// kind and the health as letter and symbol; the selected panel has a double border and
/// a pointer, so it stands out without colour.
enum PanelFrame {
    static func draw(
        panel index: Int, of state: AppState, in rect: Rect, into buffer: inout CellBuffer
    ) {
        let names = state.panelNames
        guard index >= 0, index < names.count, !rect.isEmpty else { return }
        let theme = state.theme
        let isSelected = index == state.selectedPanel
        let component = state.snapshot?.component(names[index])
        let box = Box(
            title: title(name: names[index], number: index + 1, component, isSelected, theme),
            glyphs: BorderGlyphs.choose(highlighted: isSelected, capabilities: theme.capabilities),
            borderStyle: isSelected ? theme.selectedBorder : theme.border)
        let inside = box.draw(in: rect, into: &buffer).inset(horizontally: 1)
        guard let component else {
            let reason = state.snapshot == nil ? "waiting for the first frame" : "not in this run"
            TextLine(reason, style: theme.label).draw(in: inside.row(0), into: &buffer)
            return
        }
        let context = PanelContext(
            theme: theme, isSelected: isSelected, selectedNode: state.selectedNode,
            isZoomed: state.isZoomed)
        PanelViews.view(for: component.kind)
            .draw(component, in: inside, context: context, into: &buffer)
    }

    static func title(
        name: String, number: Int, _ component: ComponentSnapshot?, _ isSelected: Bool,
        _ theme: Theme
    ) -> TextLine {
        var line = TextLine()
        if isSelected { line.append(theme.pointer + " ", style: theme.selectedBorder) }
        if number <= 9 { line.append("\(number) ", style: theme.label) }
        line.append(name, style: isSelected ? theme.title.with(reverse: true) : theme.title)
        guard let component else { return line }
        line.append(" \(theme.dot) \(component.kind)  ", style: theme.label)
        line.append(theme.mark(for: component.health), style: theme.style(for: component.health))
        return line
    }
}
