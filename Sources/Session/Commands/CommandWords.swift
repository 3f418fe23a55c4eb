/// One word of a command line and where it starts, for error messages that point at it.
struct CommandWord: Sendable, Equatable {
    var text: String
    /// 0-based offset, in characters, of the word's first character.
    var offset: Int
    /// Offset just past the word's last character.
    var end: Int

    var lowered: String { text.lowercased() }
}

/// Walks the words of a command line, failing with a message that names the word at fault.
struct WordCursor {
    let characters: [Character]
    let words: [CommandWord]
    private(set) var position = 0

    /// The longest command line read; anything longer is refused before it is split.
    static let characterLimit = 4_096
    /// How much of a word an error message quotes.
    static let quotedLimit = 24

    init(_ text: String) {
        characters = Array(text.prefix(WordCursor.characterLimit))
        var words: [CommandWord] = []
        var start: Int? = nil
        for (index, character) in characters.enumerated() {
            if character.isWhitespace {
                if let begin = start {
                    words.append(Self.word(characters, begin, index))
                    start = nil
                }
            } else if start == nil {
                start = index
            }
        }
        if let begin = start { words.append(Self.word(characters, begin, characters.count)) }
        self.words = words
    }

    private static func word(_ characters: [Character], _ begin: Int, _ end: Int) -> CommandWord {
        CommandWord(text: String(characters[begin..<end]), offset: begin, end: end)
    }

    var isAtEnd: Bool { position >= words.count }

    var previous: CommandWord? { position > 0 ? words[position - 1] : nil }

    func peek() -> CommandWord? { isAtEnd ? nil : words[position] }

    /// Takes the next word, or fails saying what was expected there.
    mutating func next(expecting expected: String) throws(CommandSyntaxError) -> CommandWord {
        guard let word = peek() else { throw missing(expected) }
        position += 1
        return word
    }

    /// Takes the next word if it is present, lower-cased comparison against `keyword`.
    mutating func skip(_ keyword: String) -> Bool {
        guard let word = peek(), word.lowered == keyword else { return false }
        position += 1
        return true
    }

    /// The text after the current word, trimmed, for free text such as a mark's note.
    mutating func rest() -> String {
        let start = previous?.end ?? 0
        position = words.count
        return String(characters[start...]).trimmingWhitespace()
    }

    /// Fails unless every word has been read.
    func expectEnd() throws(CommandSyntaxError) {
        guard let word = peek() else { return }
        let complete = words[..<position].map(\.text).joined(separator: " ")
        throw CommandSyntaxError(
            message: "word \(position + 1) \(Self.quote(word.text)): unexpected; "
                + "'\(Self.shorten(complete))' is already complete",
            wordNumber: position + 1, offset: word.offset)
    }

    /// An error about the word just read.
    func wrong(_ word: CommandWord, expected: String) -> CommandSyntaxError {
        let number = (words.firstIndex(of: word) ?? position) + 1
        return CommandSyntaxError(
            message: "word \(number) \(Self.quote(word.text)): expected \(expected)",
            wordNumber: number, offset: word.offset)
    }

    func missing(_ expected: String) -> CommandSyntaxError {
        let after = previous.map { " after \(Self.quote($0.text))" } ?? ""
        return CommandSyntaxError(
            message: "word \(position + 1): expected \(expected)\(after)",
            wordNumber: position + 1, offset: characters.count)
    }

    static func quote(_ text: String) -> String { "'" + shorten(text) + "'" }

    static func shorten(_ text: String) -> String {
        text.count <= quotedLimit ? text : String(text.prefix(quotedLimit - 1)) + "…"
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}

/// Strict readers for the numbers of the command language: no hex, no `nan`, no `inf`.
enum NumberWord {
    static let lengthLimit = 40

    /// An unsigned decimal such as `5000`, `0.4`, `.5` or `1e-05`; nil for anything else.
    static func decimal(_ text: String) -> Double? {
        guard !text.isEmpty, text.utf8.count <= lengthLimit else { return nil }
        var digitsSeen = false
        var dotSeen = false
        var exponentAt: String.UTF8View.Index? = nil
        for index in text.utf8.indices {
            let byte = text.utf8[index]
            if exponentAt != nil { break }
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digitsSeen = true
            case UInt8(ascii: "."):
                guard !dotSeen else { return nil }
                dotSeen = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"): exponentAt = index
            default: return nil
            }
        }
        guard digitsSeen else { return nil }
        if let at = exponentAt, !isExponent(text.utf8[text.utf8.index(after: at)...]) {
            return nil
        }
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    private static func isExponent(_ bytes: Substring.UTF8View) -> Bool {
        var rest = bytes[...]
        if let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            rest = rest.dropFirst()
        }
        return !rest.isEmpty && rest.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// A decimal with a required sign: `+25`, `-20`.
    static func signed(_ text: String) -> Double? {
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        guard let magnitude = decimal(String(text.dropFirst())) else { return nil }
        return sign == "-" ? -magnitude : magnitude
    }

    /// A whole number with an optional sign, such as `+2` or `-1`, within Int's range.
    static func integer(_ text: String) -> Int? {
        guard text.utf8.count <= lengthLimit else { return nil }
        var digits = Substring(text)
        if let sign = digits.first, sign == "+" || sign == "-" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return nil
        }
        return Int(text)
    }

    /// A share written as a percentage (`20%`) or a fraction (`0.2`), as a fraction 0...1.
    static func share(_ text: String) -> Double? {
        if text.hasSuffix("%") {
            guard let percent = decimal(String(text.dropLast())), percent <= 100 else {
                return nil
            }
            return percent / 100
        }
        guard let fraction = decimal(text), fraction <= 1 else { return nil }
        return fraction
    }
}
