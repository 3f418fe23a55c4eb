import Architecture
import SimKernel
import TerminalUI

/// The event ticker: the newest happenings with their simulated times, newest last.
enum Ticker {
    static let timeWidth = 7

    static func draw(_ state: AppState, in rect: Rect, into buffer: inout CellBuffer) {
        let theme = state.theme
        let entries = state.snapshot?.ticker.suffix(rect.height) ?? []
        guard !entries.isEmpty else {
            let text = "no events yet: faults, recoveries and strategy changes appear here"
            TextLine(text, style: theme.label).draw(in: rect.row(0), into: &buffer)
            return
        }
        let lines = entries.map { entry in
            var line = TextLine()
            line.append(
                fit(formatDuration(entry.time), toColumns: timeWidth, alignRight: true),
                style: theme.label)
            line.append("  " + entry.text, style: theme.value)
            return line
        }
        LogList(lines: lines).draw(in: rect, into: &buffer)
    }
}
