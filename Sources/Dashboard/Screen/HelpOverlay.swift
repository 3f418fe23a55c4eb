import TerminalUI

/// The help box: every key from the key map, and the command grammar.
///
/// Keys come from `KeyMap.bindings`, so help cannot drift from what the keys do. Two
/// columns side by side when the screen is wide enough, one after the other otherwise.
enum HelpOverlay {
    static let grammar: [String] = [
        "load rate 5000 | +25% | -20%",
        "load spike x5 for 30s",
        "load hotkey 0.4 | off",
        "fail TARGET kill",
        "fail TARGET slow 200ms",
        "fail TARGET flaky 20%",
        "fail TARGET partition",
        "recover TARGET | all",
        "set COMPONENT.SETTING VALUE",
        "cycle COMPONENT [back]",
        "scale COMPONENT +1 | -1",
        "speed faster | slower | 10",
        "pause | resume",
        "mark \"text\"",
        "",
        "TARGET: a component (db)",
        "  or a node (db.shard-2)",
    ]

    static let labelWidth = 10

    static func keyLines(_ theme: Theme) -> [TextLine] {
        KeyMap.bindings.filter { !$0.label.isEmpty }.map { binding in
            var line = TextLine(fit(binding.label, toColumns: labelWidth), style: theme.key)
            line.append(" " + binding.summary)
            return line
        }
    }

    static func draw(_ state: AppState, in screen: Rect, into buffer: inout CellBuffer) {
        let theme = state.theme
        let keys =
            [
                TextLine("Keys", style: theme.title),
                TextLine("target: the selected node, else the panel", style: theme.label),
            ] + keyLines(theme)
        let commands =
            [TextLine("Commands (press : to type one)", style: theme.title)]
            + grammar.map { TextLine($0) }
        let keysWidth = keys.map(\.width).max() ?? 0
        let commandsWidth = commands.map(\.width).max() ?? 0
        let sideBySide = screen.width >= keysWidth + commandsWidth + gapWidth + 4
        let bodyHeight =
            sideBySide
            ? max(keys.count, commands.count)
            : keys.count + 1 + commands.count
        let bodyWidth =
            sideBySide
            ? keysWidth + gapWidth + commandsWidth : max(keysWidth, commandsWidth)
        let area = screen.centered(width: bodyWidth + 4, height: bodyHeight + 2)
        buffer.fill(area)
        let box = Box(
            title: TextLine("Help: any key closes", style: theme.title),
            glyphs: BorderGlyphs.choose(highlighted: true, capabilities: theme.capabilities),
            borderStyle: theme.selectedBorder)
        let inside = box.draw(in: area, into: &buffer).inset(horizontally: 1)
        if sideBySide {
            drawLines(keys, in: inside, &buffer)
            drawLines(commands, in: inside.droppingLeft(keysWidth + gapWidth), &buffer)
        } else {
            drawLines(keys + [TextLine()] + commands, in: inside, &buffer)
        }
    }

    static let gapWidth = 3

    private static func drawLines(_ lines: [TextLine], in rect: Rect, _ buffer: inout CellBuffer) {
        for (offset, line) in lines.enumerated() where offset < rect.height {
            line.draw(in: rect.row(offset), into: &buffer)
        }
    }
}
