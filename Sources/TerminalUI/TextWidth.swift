/// The number of terminal columns a character takes: 0, 1 or 2.
///
/// A small table rather than the C library's `wcwidth`, so the answer does not depend on
/// the process locale and tests see what the terminal will show. It covers combining
/// marks and the common East Asian wide ranges, and takes emoji from the standard
/// library's Unicode properties; anything else is one column. A character is measured by
/// its first code point, which is all of it a cell keeps besides combining marks (see
/// `cellForm(of:)`).
public func columnWidth(of character: Character) -> Int {
    guard let scalar = character.unicodeScalars.first else { return 0 }
    let value = scalar.value
    if value < 0x20 || (value >= 0x7F && value < 0xA0) { return 0 }
    if value < 0x300 { return 1 }
    if isZeroWidth(value) { return 0 }
    if isWide(value) { return 2 }
    // Emoji drawn as pictures are wide; regional indicators (the halves of a flag) are not.
    if scalar.properties.isEmojiPresentation && !(0x1F1E6...0x1F1FF).contains(value) {
        return 2
    }
    return 1
}

/// What a cell keeps of a character: its first code point and the combining marks after
/// it. Variation selectors, skin-tone modifiers and joined emoji sequences are dropped:
/// terminals disagree on how wide they draw them, and a cell must take exactly the
/// columns `columnWidth(of:)` gives, or every cell after it on the row moves.
public func cellForm(of character: Character) -> Character {
    let scalars = character.unicodeScalars
    guard scalars.count > 1, let first = scalars.first else { return character }
    var kept = String.UnicodeScalarView([first])
    for scalar in scalars.dropFirst() where kept.count < 4 {
        let category = scalar.properties.generalCategory
        if category == .nonspacingMark && !(0xFE00...0xFE0F).contains(scalar.value) {
            kept.append(scalar)
        } else if category != .nonspacingMark && category != .enclosingMark {
            break
        }
    }
    return Character(String(kept))
}

/// The columns a string takes when printed on one line.
public func columnWidth(of text: String) -> Int {
    var total = 0
    for character in text { total += columnWidth(of: character) }
    return total
}

private func isZeroWidth(_ value: UInt32) -> Bool {
    (0x0300...0x036F).contains(value) || (0x200B...0x200F).contains(value)
        || (0xFE00...0xFE0F).contains(value) || (0x20D0...0x20FF).contains(value)
}

private func isWide(_ value: UInt32) -> Bool {
    (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
        || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
        || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
        || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1F64F).contains(value)
        || (0x1F900...0x1F9FF).contains(value) || (0x20000...0x3FFFD).contains(value)
}

/// Cuts a string to at most `columns` terminal columns.
public func truncate(_ text: String, toColumns columns: Int) -> String {
    guard columns > 0 else { return "" }
    var used = 0
    var result = ""
    for character in text {
        let width = columnWidth(of: character)
        if used + width > columns { break }
        used += width
        result.append(character)
    }
    return result
}

/// Cuts a string to at most `columns` columns, at a space: words that do not fit are
/// dropped whole, so a figure such as `lag 6.0ms` is never shown as `lag 6.`.
public func truncateWords(_ text: String, toColumns columns: Int) -> String {
    guard columnWidth(of: text) > columns else { return text }
    let cut = truncate(text, toColumns: columns + 1)
    guard let space = cut.lastIndex(of: " ") else { return "" }
    var kept = String(cut[..<space])
    while kept.last == " " || kept.last == "," { kept.removeLast() }
    return kept
}

/// Pads or cuts a string to exactly `columns` columns, aligned left or right.
public func fit(_ text: String, toColumns columns: Int, alignRight: Bool = false) -> String {
    let cut = truncate(text, toColumns: columns)
    let padding = String(repeating: " ", count: max(0, columns - columnWidth(of: cut)))
    return alignRight ? padding + cut : cut + padding
}
