/// A list of lines, newest at the bottom: an access log tail or an event ticker.
///
/// When there are more lines than rows, the oldest are left out; when there are fewer,
/// the list starts at the top so the newest line sits right under the older ones. Lines
/// are cut at the right edge, never wrapped, so one long line cannot push others away.
public struct LogList: Sendable {
    public var lines: [TextLine]

    public init(lines: [TextLine]) {
        self.lines = lines
    }

    public init(plain texts: [String], style: Style = .plain) {
        lines = texts.map { TextLine($0, style: style) }
    }

    /// Draws the newest lines that fit.
    public func draw(in rect: Rect, into buffer: inout CellBuffer) {
        guard !rect.isEmpty else { return }
        let shown = lines.suffix(rect.height)
        for (offset, full) in shown.enumerated() {
            // A plain line too long for the row loses whole words, so an id or a latency at
            // its end is never shown cut (`req-39` for `req-392`).
            var line = full
            if line.spans.count == 1, line.width > rect.width {
                line.spans[0].text = truncateWords(line.spans[0].text, toColumns: rect.width)
            }
            line.draw(
                in: Rect(x: rect.x, y: rect.y + offset, width: rect.width, height: 1),
                into: &buffer)
        }
    }
}
