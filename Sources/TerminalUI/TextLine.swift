/// A run of text drawn in one style.
public struct Span: Sendable, Equatable {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// The columns the span takes on screen.
    public var width: Int { columnWidth(of: text) }
}

/// How a line sits in the space given to it.
public enum Alignment: Sendable, Equatable {
    case left, center, right
}

/// One line of styled spans: the building block of status bars, titles and table cells.
///
/// Spans keep their styles when the line is cut, so a health letter stays red even in a
/// narrow panel; the line is cut at the right edge, never wrapped.
public struct TextLine: Sendable, Equatable {
    public var spans: [Span]

    public init(_ spans: [Span] = []) {
        self.spans = spans
    }

    public init(_ text: String, style: Style = .plain) {
        spans = [Span(text, style: style)]
    }

    /// The columns the whole line takes.
    public var width: Int { spans.reduce(0) { $0 + $1.width } }

    /// The characters without their styles.
    public var plainText: String { spans.map(\.text).joined() }

    /// Adds a span at the end.
    public mutating func append(_ text: String, style: Style = .plain) {
        spans.append(Span(text, style: style))
    }

    /// Draws the line on row `rect.y`, aligned within `rect`, clipped to its width.
    /// Returns the columns written.
    @discardableResult
    public func draw(
        in rect: Rect, alignment: Alignment = .left, into buffer: inout CellBuffer
    ) -> Int {
        guard !rect.isEmpty else { return 0 }
        let slack = max(0, rect.width - width)
        var column = rect.x
        switch alignment {
        case .left: break
        case .center: column += slack / 2
        case .right: column += slack
        }
        var written = 0
        for span in spans {
            let room = rect.maxX - column
            guard room > 0 else { break }
            let used = buffer.write(span.text, x: column, y: rect.y, style: span.style, limit: room)
            column += used
            written += used
            if used < span.width { break }
        }
        return written
    }
}

/// Builds a line from items that each have a priority, dropping the least important
/// items until the line fits `columns`: how a status bar stays readable at any width.
///
/// Items keep their order on screen; a lower `priority` number is more important.
public struct PriorityLine: Sendable {
    /// Spans that stay or go together, and how important they are.
    public struct Item: Sendable {
        public var spans: [Span]
        public var priority: Int

        public init(_ spans: [Span], priority: Int) {
            self.spans = spans
            self.priority = priority
        }
    }

    public var items: [Item]
    public var separator: String

    public init(_ items: [Item], separator: String = "  ") {
        self.items = items
        self.separator = separator
    }

    /// The line with as many items as fit, most important first.
    public func fitted(toColumns columns: Int) -> TextLine {
        var kept = items.indices.map { _ in true }
        let byPriority = items.indices.sorted {
            (items[$0].priority, $0) > (items[$1].priority, $1)
        }
        var dropIndex = 0
        while width(of: kept) > columns, dropIndex < byPriority.count {
            kept[byPriority[dropIndex]] = false
            dropIndex += 1
        }
        var line = TextLine()
        for index in items.indices where kept[index] {
            if !line.spans.isEmpty { line.append(separator) }
            line.spans += items[index].spans
        }
        return line
    }

    private func width(of kept: [Bool]) -> Int {
        var total = 0
        var count = 0
        for index in items.indices where kept[index] {
            total += items[index].spans.reduce(0) { $0 + $1.width }
            count += 1
        }
        return total + max(0, count - 1) * columnWidth(of: separator)
    }
}
