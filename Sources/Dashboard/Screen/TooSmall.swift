import TerminalUI

/// What a terminal below the minimum size shows: the size needed and the size it has.
enum TooSmall {
    static func draw(_ state: AppState, in screen: Rect, into buffer: inout CellBuffer) {
        let needed = Dashboard.minimumSize
        let lines = [
            TextLine("Blueprint needs a terminal of at least", style: .bold),
            TextLine("\(needed.width) x \(needed.height)", style: .bold),
            TextLine("this one is \(screen.width) x \(screen.height)"),
            TextLine("enlarge it, or press q to quit", style: state.theme.label),
        ]
        let area = screen.centered(width: screen.width, height: lines.count)
        for (offset, line) in lines.enumerated() {
            line.draw(in: area.row(offset), alignment: .center, into: &buffer)
        }
    }
}
