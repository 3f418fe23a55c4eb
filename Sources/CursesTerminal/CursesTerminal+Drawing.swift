import CNcursesw
import CursesShim
import Glibc
import TerminalUI

extension CursesTerminal {
    /// The most code points one cell carries: a base character and its combining marks
    /// (curses keeps CCHARW_MAX = 5 wide characters, one of them the terminator).
    static let scalarsPerCellMax = 4

    /// Shows a frame, sending curses only the cells that changed since the last one (all of
    /// them after a resize or on the first frame), then refreshes once.
    public func draw(_ buffer: CellBuffer, cursor: (x: Int, y: Int)?) {
        guard !isStopped else { return }
        let screenSize = size
        let columns = min(buffer.width, screenSize.width)
        let rows = min(buffer.height, screenSize.height)
        let previous = comparableFrame(for: buffer, screenSize: screenSize)
        if previous == nil { werase(window) }

        for row in 0..<rows {
            for column in 0..<columns {
                let index = row * buffer.width + column
                let cell = buffer.cells[index]
                if let previous, previous.cells[index] == cell { continue }
                if cell.isContinuation {
                    // Its wide character owns this column; redraw that instead.
                    if column > 0 { put(buffer.cells[index - 1], x: column - 1, y: row) }
                } else {
                    put(cell, x: column, y: row, fits: column + 1 < columns || !isWide(cell))
                }
            }
        }

        previousFrame = buffer
        previousScreenSize = screenSize
        needsFullRepaint = false
        placeCursor(cursor, screenSize: screenSize)
        wrefresh(window)
    }

    /// Forgets what is on the screen so the next frame repaints everything (for Ctrl-L
    /// after another program has scribbled on the terminal).
    public func invalidate() {
        needsFullRepaint = true
        if !isStopped { clearok(window, true) }
    }

    /// The last frame, if the next one can be drawn as a difference from it.
    private func comparableFrame(
        for buffer: CellBuffer, screenSize: (width: Int, height: Int)
    ) -> CellBuffer? {
        guard !needsFullRepaint, let previousFrame,
            previousFrame.width == buffer.width, previousFrame.height == buffer.height,
            previousScreenSize == screenSize
        else { return nil }
        return previousFrame
    }

    private func isWide(_ cell: Cell) -> Bool {
        columnWidth(of: cell.character) == 2
    }

    /// Writes one cell; a wide character that does not fit the last column becomes a space.
    private func put(_ cell: Cell, x: Int, y: Int, fits: Bool = true) {
        let attributes = attributes(for: cell.style)
        let pair = colorPairs.pair(
            foreground: cell.style.foreground, background: cell.style.background)
        withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: Self.scalarsPerCellMax + 1) {
            text in
            let count = fillPrintable(text, from: fits ? cell.character : " ")
            text[count] = 0
            var character = cchar_t()
            if setcchar(&character, text.baseAddress, attributes, pair, nil) != OK {
                text[0] = 0x20
                text[1] = 0
                setcchar(&character, text.baseAddress, attributes, pair, nil)
            }
            // The bottom-right cell reports ERR although it draws: nothing to handle.
            _ = mvwadd_wch(window, Int32(y), Int32(x), &character)
        }
    }

    /// Puts the code points to send for a character into `text` and returns how many:
    /// control codes become a space, and anything beyond ASCII becomes "?" when the locale
    /// cannot encode it. Writes at most `scalarsPerCellMax`, so `text` needs one more slot.
    private func fillPrintable(
        _ text: UnsafeMutableBufferPointer<wchar_t>, from character: Character
    ) -> Int {
        var count = 0
        var isAscii = true
        for scalar in character.unicodeScalars.prefix(Self.scalarsPerCellMax) {
            text[count] = wchar_t(scalar.value)
            isAscii = isAscii && scalar.value <= 0x7E
            count += 1
        }
        let first = count > 0 ? UInt32(text[0]) : 0
        if first < 0x20 || (0x7F..<0xA0).contains(first) {
            text[0] = 0x20
            return 1
        }
        if !capabilities.unicode, !isAscii {
            text[0] = 0x3F
            return 1
        }
        return count
    }

    private func attributes(for style: Style) -> attr_t {
        var attributes = blueprint_attr_normal()
        if style.bold { attributes |= blueprint_attr_bold() }
        if style.dim { attributes |= blueprint_attr_dim() }
        if style.reverse { attributes |= blueprint_attr_reverse() }
        if style.underline { attributes |= blueprint_attr_underline() }
        return attributes
    }

    /// Shows the cursor only where a text field wants it, clamped onto the screen.
    private func placeCursor(_ cursor: (x: Int, y: Int)?, screenSize: (width: Int, height: Int)) {
        guard let cursor, screenSize.width > 0, screenSize.height > 0 else {
            if isCursorVisible { curs_set(0) }
            isCursorVisible = false
            return
        }
        let x = min(max(0, cursor.x), screenSize.width - 1)
        let y = min(max(0, cursor.y), screenSize.height - 1)
        wmove(window, Int32(y), Int32(x))
        if !isCursorVisible { curs_set(1) }
        isCursorVisible = true
    }
}
