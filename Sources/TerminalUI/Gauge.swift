/// A horizontal bar filled in proportion to a ratio, such as a node's utilisation.
///
/// Unicode terminals get eighth-cell precision; ASCII ones get `#` on `.`.
public struct Gauge: Sendable {
    public var ratio: Double
    public var filledStyle: Style
    public var emptyStyle: Style

    static let partials: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    public init(ratio: Double, filledStyle: Style = .plain, emptyStyle: Style = .dim) {
        self.ratio = ratio
        self.filledStyle = filledStyle
        self.emptyStyle = emptyStyle
    }

    /// Draws the bar on the first row of `rect`, across its whole width.
    public func draw(in rect: Rect, capabilities: Capabilities, into buffer: inout CellBuffer) {
        guard !rect.isEmpty else { return }
        let clamped = ratio.isFinite ? min(1, max(0, ratio)) : 0
        let eighths = Int((clamped * Double(rect.width * 8)).rounded())
        for offset in 0..<rect.width {
            let inCell = eighths - offset * 8
            buffer[rect.x + offset, rect.y] = cell(eighthsInCell: inCell, capabilities)
        }
    }

    private func cell(eighthsInCell: Int, _ capabilities: Capabilities) -> Cell {
        if capabilities.unicode {
            if eighthsInCell >= 8 { return Cell("█", style: filledStyle) }
            if eighthsInCell > 0 {
                return Cell(Self.partials[eighthsInCell - 1], style: filledStyle)
            }
            return Cell("░", style: emptyStyle)
        }
        if eighthsInCell >= 4 { return Cell("#", style: filledStyle) }
        return Cell(".", style: emptyStyle)
    }
}
