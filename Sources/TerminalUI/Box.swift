/// The characters of a border: corners, edges and the marks around a title.
public struct BorderGlyphs: Sendable, Equatable {
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    public var horizontal: Character
    public var vertical: Character

    public init(
        topLeft: Character, topRight: Character, bottomLeft: Character,
        bottomRight: Character, horizontal: Character, vertical: Character
    ) {
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
        self.horizontal = horizontal
        self.vertical = vertical
    }

    public static let light = BorderGlyphs(
        topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", horizontal: "─",
        vertical: "│")
    public static let double = BorderGlyphs(
        topLeft: "╔", topRight: "╗", bottomLeft: "╚", bottomRight: "╝", horizontal: "═",
        vertical: "║")
    public static let ascii = BorderGlyphs(
        topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-",
        vertical: "|")
    public static let asciiHeavy = BorderGlyphs(
        topLeft: "#", topRight: "#", bottomLeft: "#", bottomRight: "#", horizontal: "=",
        vertical: "#")

    /// The border for a terminal; a highlighted border differs in shape, not only in
    /// colour, so the selection shows on a monochrome screen.
    public static func choose(highlighted: Bool, capabilities: Capabilities) -> BorderGlyphs {
        switch (capabilities.unicode, highlighted) {
        case (true, false): return .light
        case (true, true): return .double
        case (false, false): return .ascii
        case (false, true): return .asciiHeavy
        }
    }
}

/// A bordered rectangle with a title in its top edge.
///
/// Drawing returns the interior, so a panel is "draw the box, then fill what it gives
/// back". Too small to hold a border (under 2×2), it draws what fits and returns an empty
/// interior.
public struct Box: Sendable {
    public var title: TextLine
    public var glyphs: BorderGlyphs
    public var borderStyle: Style

    public init(title: TextLine = TextLine(), glyphs: BorderGlyphs, borderStyle: Style = .plain) {
        self.title = title
        self.glyphs = glyphs
        self.borderStyle = borderStyle
    }

    /// Draws the border and title; returns the rectangle inside the border.
    @discardableResult
    public func draw(in rect: Rect, into buffer: inout CellBuffer) -> Rect {
        guard !rect.isEmpty else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        drawEdges(rect, into: &buffer)
        drawTitle(rect, into: &buffer)
        return rect.inset(by: 1)
    }

    private func drawEdges(_ rect: Rect, into buffer: inout CellBuffer) {
        let right = rect.maxX - 1
        let bottom = rect.maxY - 1
        for column in rect.x...right {
            buffer[column, rect.y] = Cell(glyphs.horizontal, style: borderStyle)
            buffer[column, bottom] = Cell(glyphs.horizontal, style: borderStyle)
        }
        for row in rect.y...bottom {
            buffer[rect.x, row] = Cell(glyphs.vertical, style: borderStyle)
            buffer[right, row] = Cell(glyphs.vertical, style: borderStyle)
        }
        guard rect.width >= 2, rect.height >= 2 else { return }
        buffer[rect.x, rect.y] = Cell(glyphs.topLeft, style: borderStyle)
        buffer[right, rect.y] = Cell(glyphs.topRight, style: borderStyle)
        buffer[rect.x, bottom] = Cell(glyphs.bottomLeft, style: borderStyle)
        buffer[right, bottom] = Cell(glyphs.bottomRight, style: borderStyle)
    }

    /// The title sits one cell in from the corner with a space either side.
    private func drawTitle(_ rect: Rect, into buffer: inout CellBuffer) {
        guard title.width > 0, rect.width >= 5 else { return }
        let room = rect.width - 4
        var padded = TextLine([Span(" ", style: borderStyle)] + title.spans)
        padded.append(" ", style: borderStyle)
        let area = Rect(x: rect.x + 1, y: rect.y, width: min(room + 2, padded.width), height: 1)
        padded.draw(in: area, into: &buffer)
    }
}
