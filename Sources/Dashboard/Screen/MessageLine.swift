import TerminalUI

/// The message row: the open command line, or else the last outcome or note.
enum MessageLine {
    static func draw(_ state: AppState, in rect: Rect, into buffer: inout CellBuffer) {
        let theme = state.theme
        if let editor = state.commandLine {
            buffer.write(":", x: rect.x, y: rect.y, style: theme.key, limit: rect.width)
            let visible = editor.visible(columns: rect.width - 1)
            buffer.write(visible.text, x: rect.x + 1, y: rect.y, limit: rect.width - 1)
            return
        }
        guard let note = state.note else { return }
        var line = TextLine()
        switch note.kind {
        case .error:
            line.append("ERROR ", style: theme.error.with(reverse: true))
            line.append(" " + note.text, style: theme.error)
        case .success:
            line.append(theme.unicode ? "✓ " : "ok ", style: theme.good)
            line.append(note.text)
        case .info:
            line.append(note.text, style: theme.label)
        }
        line.draw(in: rect, into: &buffer)
    }
}
