/// One column of a table: a title, a width and which side its text hugs.
public struct TableColumn: Sendable, Equatable {
    public var title: String
    /// The width in columns; for the flexible column, the least it may shrink to.
    public var width: Int
    public var alignment: Alignment
    /// The flexible column takes whatever width the others leave.
    public var flexible: Bool
    /// Text too long for the column is left out whole rather than cut: a detail such as
    /// `17 w/s` must not read as `17`.
    public var showsWholeOrNothing: Bool

    public init(
        _ title: String, width: Int, alignment: Alignment = .left, flexible: Bool = false,
        showsWholeOrNothing: Bool = false
    ) {
        self.title = title
        self.width = max(0, width)
        self.alignment = alignment
        self.flexible = flexible
        self.showsWholeOrNothing = showsWholeOrNothing
    }
}

/// What one cell of a table holds.
public enum TableCell: Sendable, Equatable {
    case text(String, Style)
    /// A gauge across the cell, for a ratio such as utilisation.
    case gauge(Double, Style)

    public static func text(_ text: String) -> TableCell { .text(text, .plain) }
}

/// Rows of cells under column titles, with one row optionally highlighted.
///
/// Columns that do not fit are dropped from the right, so the leftmost (most important)
/// columns survive a narrow panel; rows past the bottom are clipped, and the caller
/// chooses which rows to pass when there are more than fit.
public struct Table: Sendable {
    public var columns: [TableColumn]
    public var rows: [[TableCell]]
    public var showsHeader: Bool
    public var headerStyle: Style
    public var selectedRow: Int?
    public var selectedStyle: Style
    /// Blank columns between two columns.
    public var spacing: Int

    public init(
        columns: [TableColumn], rows: [[TableCell]], showsHeader: Bool = true,
        headerStyle: Style = .bold, selectedRow: Int? = nil, selectedStyle: Style = .reverse,
        spacing: Int = 1
    ) {
        self.columns = columns
        self.rows = rows
        self.showsHeader = showsHeader
        self.headerStyle = headerStyle
        self.selectedRow = selectedRow
        self.selectedStyle = selectedStyle
        self.spacing = max(0, spacing)
    }

    /// The width of each column at a total width; 0 for a column that does not fit.
    public func columnWidths(totalWidth: Int) -> [Int] {
        var widths = columns.map(\.width)
        var count = columns.count
        while count > 0 {
            let used = widths[0..<count].reduce(0, +) + spacing * (count - 1)
            if used <= totalWidth {
                if let flexible = columns[0..<count].firstIndex(where: \.flexible) {
                    widths[flexible] += totalWidth - used
                }
                break
            }
            count -= 1
            widths[count] = 0
        }
        return widths
    }

    /// Draws the header and as many rows as fit.
    public func draw(in rect: Rect, capabilities: Capabilities, into buffer: inout CellBuffer) {
        guard !rect.isEmpty else { return }
        let widths = columnWidths(totalWidth: rect.width)
        var row = rect.y
        if showsHeader {
            let titles = columns.map { TableCell.text($0.title, headerStyle) }
            drawRow(titles, widths: widths, y: row, x: rect.x, capabilities, &buffer)
            row += 1
        }
        for (index, cells) in rows.enumerated() where row < rect.maxY {
            let selected = index == selectedRow
            if selected {
                buffer.fill(
                    Rect(x: rect.x, y: row, width: rect.width, height: 1),
                    style: selectedStyle)
            }
            drawRow(
                cells, widths: widths, y: row, x: rect.x, capabilities, &buffer,
                override: selected ? selectedStyle : nil)
            row += 1
        }
    }

    private func drawRow(
        _ cells: [TableCell], widths: [Int], y: Int, x: Int, _ capabilities: Capabilities,
        _ buffer: inout CellBuffer, override: Style? = nil
    ) {
        var column = x
        for (index, width) in widths.enumerated() where width > 0 {
            let area = Rect(x: column, y: y, width: width, height: 1)
            if index < cells.count {
                drawCell(
                    cells[index], column: columns[index], in: area, capabilities, &buffer,
                    override: override)
            }
            column += width + spacing
        }
    }

    private func drawCell(
        _ cell: TableCell, column: TableColumn, in area: Rect, _ capabilities: Capabilities,
        _ buffer: inout CellBuffer, override: Style?
    ) {
        switch cell {
        case .text(let text, let style):
            let shown =
                !column.showsWholeOrNothing
                ? truncate(text, toColumns: area.width)
                : columnWidth(of: text) <= area.width ? text : ""
            TextLine(shown, style: override ?? style)
                .draw(in: area, alignment: column.alignment, into: &buffer)
        case .gauge(let ratio, let style):
            Gauge(ratio: ratio, filledStyle: style, emptyStyle: override ?? .dim)
                .draw(in: area, capabilities: capabilities, into: &buffer)
        }
    }
}
