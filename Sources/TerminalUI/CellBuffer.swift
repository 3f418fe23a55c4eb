/// One character cell of the screen.
public struct Cell: Sendable, Equatable {
    public var character: Character
    public var style: Style
    /// True for the right half of a two-column character; it draws nothing itself.
    public var isContinuation: Bool

    public init(_ character: Character = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.character = character
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}

/// A rectangle of the screen, in cells.
public struct Rect: Sendable, Equatable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var isEmpty: Bool { width == 0 || height == 0 }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }

    /// The rectangle shrunk by `margin` cells on every side (never negative).
    public func inset(by margin: Int) -> Rect {
        Rect(x: x + margin, y: y + margin, width: width - 2 * margin, height: height - 2 * margin)
    }
}

/// An in-memory grid of cells that every view draws into.
///
/// It knows nothing of curses: the terminal layer copies it to the screen, and tests read
/// it back as rows of text. Writes outside the grid are clipped, never trapped.
public struct CellBuffer: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = [Cell](repeating: .blank, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard contains(x: x, y: y) else { return .blank }
            return cells[y * width + x]
        }
        set {
            guard contains(x: x, y: y) else { return }
            cells[y * width + x] = newValue
        }
    }

    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height
    }

    /// Writes text on one row from column `x`, clipped to `limit` columns (and the grid).
    /// Returns the number of columns written.
    @discardableResult
    public mutating func write(
        _ text: String, x: Int, y: Int, style: Style = .plain, limit: Int = .max
    ) -> Int {
        guard y >= 0, y < height else { return 0 }
        let end = min(width, x + max(0, min(limit, width)))
        var column = x
        for character in text {
            let characterWidth = columnWidth(of: character)
            if characterWidth == 0 { continue }
            if column + characterWidth > end { break }
            if column >= 0 {
                self[column, y] = Cell(cellForm(of: character), style: style)
                if characterWidth == 2 {
                    self[column + 1, y] = Cell(" ", style: style, isContinuation: true)
                }
            }
            column += characterWidth
        }
        return max(0, column - x)
    }

    /// Fills a rectangle with one character and style.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .plain)
    {
        let left = max(0, rect.x)
        let right = min(width, rect.maxX)
        let top = max(0, rect.y)
        let bottom = min(height, rect.maxY)
        guard left < right, top < bottom else { return }
        for row in top..<bottom {
            for column in left..<right {
                cells[row * width + column] = Cell(character, style: style)
            }
        }
    }

    /// Gives a style to every cell of a rectangle, keeping the characters.
    public mutating func restyle(_ rect: Rect, style: Style) {
        let left = max(0, rect.x)
        let right = min(width, rect.maxX)
        let top = max(0, rect.y)
        let bottom = min(height, rect.maxY)
        guard left < right, top < bottom else { return }
        for row in top..<bottom {
            for column in left..<right { cells[row * width + column].style = style }
        }
    }

    /// One row as plain text, trailing spaces kept.
    public func line(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var text = ""
        for column in 0..<width {
            let cell = cells[y * width + column]
            if !cell.isContinuation { text.append(cell.character) }
        }
        return text
    }

    /// The whole grid as text, one row a line, trailing spaces trimmed: what tests compare.
    public func text() -> String {
        (0..<height).map { row in
            var line = line(row)
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
