import TerminalUI

/// The text being typed on the command line and where the cursor is in it.
///
/// The text is kept as characters so the cursor never lands inside a grapheme; columns on
/// screen are measured with `columnWidth` when drawing.
public struct CommandLineEditor: Sendable, Equatable {
    /// The longest command accepted, in characters; typing past it is ignored.
    public static let lengthMax = 400

    public private(set) var characters: [Character]
    /// The insertion point, 0...characters.count.
    public private(set) var cursor: Int

    public init(text: String = "") {
        characters = Array(text.prefix(Self.lengthMax))
        cursor = characters.count
    }

    public var text: String { String(characters) }

    /// Replaces the whole text and puts the cursor at its end (history, completion).
    public mutating func replace(with text: String) {
        characters = Array(text.prefix(Self.lengthMax))
        cursor = characters.count
    }

    public mutating func insert(_ character: Character) {
        guard characters.count < Self.lengthMax else { return }
        characters.insert(character, at: cursor)
        cursor += 1
    }

    public mutating func insert(_ text: String) {
        for character in text { insert(character) }
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    public mutating func moveHome() { cursor = 0 }
    public mutating func moveEnd() { cursor = characters.count }

    /// Deletes the character before the cursor.
    public mutating func backspace() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    /// Deletes the character under the cursor.
    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    /// Deletes the word before the cursor and the spaces after it (Ctrl-W).
    public mutating func deleteWordBackward() {
        var start = cursor
        while start > 0, characters[start - 1] == " " { start -= 1 }
        while start > 0, characters[start - 1] != " " { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    /// Deletes everything before the cursor (Ctrl-U).
    public mutating func deleteToStart() {
        characters.removeSubrange(0..<cursor)
        cursor = 0
    }

    /// The word the cursor is at the end of (what Tab completes) and where it starts.
    var wordBeforeCursor: (word: String, start: Int) {
        var start = cursor
        while start > 0, characters[start - 1] != " " { start -= 1 }
        return (String(characters[start..<cursor]), start)
    }

    /// How many words come before the one under the cursor.
    var wordIndex: Int {
        let before = characters[0..<wordBeforeCursor.start]
        return before.split(separator: " ").count
    }

    /// Replaces the word before the cursor with `replacement`.
    mutating func replaceWordBeforeCursor(with replacement: String) {
        let start = wordBeforeCursor.start
        let room = Self.lengthMax - (characters.count - (cursor - start))
        let inserted = Array(replacement.prefix(max(0, room)))
        characters.replaceSubrange(start..<cursor, with: inserted)
        cursor = start + inserted.count
    }

    /// The part of the text to show in `columns` after a one-column prompt, and the
    /// cursor's column within it, scrolled so the cursor is always visible.
    func visible(columns: Int) -> (text: String, cursorColumn: Int) {
        let room = max(1, columns)
        let cursorColumn = columnWidth(of: String(characters[0..<cursor]))
        let scroll = max(0, cursorColumn - (room - 1))
        var skipped = 0
        var index = 0
        while index < characters.count, skipped < scroll {
            skipped += columnWidth(of: characters[index])
            index += 1
        }
        let shown = truncate(String(characters[index...]), toColumns: room)
        return (shown, cursorColumn - skipped)
    }
}
