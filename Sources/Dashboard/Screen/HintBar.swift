import TerminalUI

/// The bottom line: what the fault keys act on, then the main keys, as many as fit.
/// During a replay only the keys that leave the simulation alone are offered, and no
/// fault target, since the program would refuse the rest.
///
/// With the command line open it lists the editing keys instead, or the completions
/// that an ambiguous Tab found.
enum HintBar {
    static func draw(_ state: AppState, in rect: Rect, into buffer: inout CellBuffer) {
        let theme = state.theme
        let line: TextLine
        if state.commandLine != nil {
            line = state.candidates.isEmpty ? editingHints(theme) : completions(state, rect.width)
        } else {
            line = PriorityLine(items(state)).fitted(toColumns: rect.width)
        }
        line.draw(in: rect, into: &buffer)
    }

    static func items(_ state: AppState) -> [PriorityLine.Item] {
        let theme = state.theme
        let isReplay = state.config.isReplay
        var items: [PriorityLine.Item] = []
        if let target = state.target, !isReplay {
            let spans = [Span("target ", style: theme.label), Span(target, style: theme.key)]
            items.append(PriorityLine.Item(spans, priority: 0))
        }
        for binding in KeyMap.bindings where !isReplay || binding.action.keepsSimulation {
            guard let hint = binding.hint else { continue }
            items.append(PriorityLine.Item(spans(hint, theme), priority: binding.hintPriority))
        }
        return items
    }

    /// `x kill` as a bold key and a plain word.
    private static func spans(_ hint: String, _ theme: Theme) -> [Span] {
        let parts = hint.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return [Span(hint, style: theme.key)] }
        return [Span(parts[0], style: theme.key.with(reverse: true)), Span(" " + parts[1])]
    }

    private static func editingHints(_ theme: Theme) -> TextLine {
        let hints = [
            "Enter run", "Esc cancel", "Tab complete", "up/down history", "Ctrl-U clear",
        ]
        return PriorityLine(
            hints.enumerated().map { index, hint in
                PriorityLine.Item(spans(hint, theme), priority: index)
            }
        ).fitted(toColumns: .max)
    }

    private static func completions(_ state: AppState, _ width: Int) -> TextLine {
        var line = TextLine("complete: ", style: state.theme.label)
        var shown = 0
        for candidate in state.candidates {
            let needed = columnWidth(of: candidate) + 2
            if line.width + needed > width - 8 { break }
            line.append(candidate + "  ")
            shown += 1
        }
        if shown < state.candidates.count {
            line.append("+\(state.candidates.count - shown) more", style: state.theme.label)
        }
        return line
    }
}
