/// A small chart of a series: one column a value, the newest at the right edge.
///
/// Values are scaled from zero to `maximum` (the largest value shown when nil), so a
/// flat series at zero stays at the floor and a dead node's throughput visibly drops.
/// When there are more values than columns, the oldest are left out.
public struct Sparkline: Sendable {
    public var values: [Double]
    public var maximum: Double?
    public var style: Style

    /// Eight heights of a one-row bar, lowest first.
    static let unicodeLevels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// The same idea in ASCII, for terminals without block elements.
    static let asciiLevels: [Character] = ["_", "_", ".", ".", "-", "-", "=", "#"]

    public init(values: [Double], maximum: Double? = nil, style: Style = .plain) {
        self.values = values
        self.maximum = maximum
        self.style = style
    }

    /// Draws the newest values that fit into `rect`; taller rectangles draw taller bars.
    public func draw(in rect: Rect, capabilities: Capabilities, into buffer: inout CellBuffer) {
        guard !rect.isEmpty, !values.isEmpty else { return }
        let shown = Array(values.suffix(rect.width))
        let top = scale(for: shown)
        let levels = capabilities.unicode ? Self.unicodeLevels : Self.asciiLevels
        let eighthsTall = rect.height * 8
        let firstColumn = rect.maxX - shown.count
        for (offset, value) in shown.enumerated() {
            let eighths = height(of: value, top: top, eighthsTall: eighthsTall)
            for row in 0..<rect.height {
                let filledBelow = row * 8
                let inCell = eighths - filledBelow
                guard inCell > 0 else { break }
                let glyph = levels[min(8, inCell) - 1]
                buffer[firstColumn + offset, rect.maxY - 1 - row] = Cell(glyph, style: style)
            }
        }
    }

    private func scale(for shown: [Double]) -> Double {
        if let maximum, maximum.isFinite, maximum > 0 { return maximum }
        let largest = shown.filter(\.isFinite).max() ?? 0
        return largest > 0 ? largest : 1
    }

    /// The bar height in eighths of a cell; every finite value shows at least the floor.
    private func height(of value: Double, top: Double, eighthsTall: Int) -> Int {
        guard value.isFinite else { return 0 }
        let ratio = min(1, max(0, value / top))
        return max(1, Int((ratio * Double(eighthsTall)).rounded()))
    }
}
