import Architecture
import SimKernel
import TerminalUI

/// The top line: what is running, how fast, and where it is being recorded.
///
/// Items drop out by priority on a narrow screen: the clock, REPLAY and PAUSED stay
/// longest.
enum StatusLine {
    static func draw(_ state: AppState, in rect: Rect, into buffer: inout CellBuffer) {
        let theme = state.theme
        buffer.fill(rect, style: theme.statusBar)
        let line = PriorityLine(items(state), separator: theme.unicode ? " │ " : " | ")
            .fitted(toColumns: max(0, rect.width - 1))
        line.draw(in: rect.inset(horizontally: 1), into: &buffer)
    }

    static func items(_ state: AppState) -> [PriorityLine.Item] {
        let bar = state.theme.statusBar
        let strong = bar.with(bold: true)
        func item(_ text: String, _ priority: Int, bold: Bool = false) -> PriorityLine.Item {
            PriorityLine.Item([Span(text, style: bold ? strong : bar)], priority: priority)
        }
        var items = [item("BLUEPRINT " + state.config.title, 0, bold: true)]
        if state.config.isReplay { items.append(item("REPLAY", 0, bold: true)) }
        let time = state.status?.simTime ?? state.snapshot?.time ?? 0
        items.append(item("sim " + formatDuration(time), 0, bold: true))
        if let status = state.status {
            if status.paused { items.append(item("PAUSED", 0, bold: true)) }
            items.append(item(speedText(status), 1))
        }
        if let snapshot = state.snapshot {
            items.append(item(loadText(snapshot), 1))
            if let sampling = snapshot.samplingText {
                items.append(item(sampling.uppercased(), 1, bold: true))
            }
        }
        items.append(item(recordingText(state), 3))
        items.append(item("seed \(state.config.seed)", 4))
        return items
    }

    private static func speedText(_ status: RunStatus) -> String {
        var text = "speed " + MetricFormat.speed(status.speed)
        let gap = abs(status.effectiveSpeed - status.speed)
        if !status.paused, gap > 0.01 * max(0.01, status.speed) {
            text += " (reached " + MetricFormat.speed(status.effectiveSpeed) + ")"
        }
        return text
    }

    private static func loadText(_ snapshot: SimSnapshot) -> String {
        var text = "load " + MetricFormat.compact(snapshot.offeredRate, unit: .perSecond)
        if abs(snapshot.offeredRate - snapshot.baseRate) > 0.5 {
            text += " (base " + MetricFormat.compact(snapshot.baseRate, unit: .perSecond) + ")"
        }
        return text
    }

    private static func recordingText(_ state: AppState) -> String {
        let path = state.status.map(\.recording) ?? state.config.recordingPath
        guard let path, !path.isEmpty else { return "not recording" }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return "rec " + name
    }
}
