/// A place in a text file: 1-based line and column, the column counting Unicode scalars.
struct TextPosition: Sendable, Equatable {
    var line: Int
    var column: Int

    static let start = TextPosition(line: 1, column: 1)
}

/// A JSON5 document reduced to its shape and the position of every value and key.
///
/// Foundation's decoder reads the values; this tree exists only to say where a field is,
/// because Foundation gives no position for JSON5 errors on this toolchain.
indirect enum JSON5Node: Sendable {
    case object([JSON5Member], at: TextPosition)
    case array([JSON5Node], at: TextPosition)
    case scalar(at: TextPosition)

    var position: TextPosition {
        switch self {
        case .object(_, let at), .array(_, let at), .scalar(let at): return at
        }
    }
}

struct JSON5Member: Sendable {
    var key: String
    var keyPosition: TextPosition
    var value: JSON5Node
}

/// A JSON5 syntax error: where, inside which field, and what was expected.
struct JSON5SyntaxError: Error, Sendable, Equatable {
    var position: TextPosition
    /// The dotted path of the value being read (`components[1].params`), empty at the top.
    var path: String
    var message: String
}

/// Reads JSON5 (comments, unquoted keys, single quotes, trailing commas, hex, `Infinity`)
/// into a `JSON5Node` tree, or fails at the first character that cannot belong there.
struct JSON5Scanner {
    let scalars: [Unicode.Scalar]
    var index = 0
    var line = 1
    var lineStart = 0

    /// The deepest nesting of objects and arrays accepted; bounds the recursion.
    static let depthLimit = 128

    init(text: String) {
        scalars = Array(text.unicodeScalars)
    }

    /// Reads the whole text as one value followed by nothing but spaces and comments.
    static func parse(_ text: String) throws(JSON5SyntaxError) -> JSON5Node {
        var scanner = JSON5Scanner(text: text)
        try scanner.skipTrivia(path: "")
        guard scanner.current != nil else {
            throw JSON5SyntaxError(
                position: .start, path: "", message: "the file is empty; expected a JSON5 object")
        }
        let root = try scanner.value(path: "", depth: 0)
        try scanner.skipTrivia(path: "")
        if let extra = scanner.current {
            throw scanner.failure(
                "unexpected \(describe(extra)) after the end of the document", path: "")
        }
        return root
    }

    var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    func peek(_ ahead: Int) -> Unicode.Scalar? {
        index + ahead < scalars.count ? scalars[index + ahead] : nil
    }

    var position: TextPosition { TextPosition(line: line, column: index - lineStart + 1) }

    /// Moves past one scalar, counting `\n`, `\r\n` and a lone `\r` as one line break.
    mutating func advance() {
        guard let scalar = current else { return }
        index += 1
        let isBreak = scalar == "\n" || (scalar == "\r" && current != "\n")
        if isBreak || scalar == "\u{2028}" || scalar == "\u{2029}" {
            line += 1
            lineStart = index
        }
    }

    func failure(_ message: String, path: String) -> JSON5SyntaxError {
        JSON5SyntaxError(position: position, path: path, message: message)
    }

    static func describe(_ scalar: Unicode.Scalar) -> String {
        if scalar.value < 0x20 || scalar.value == 0x7F {
            return "control character U+" + String(scalar.value, radix: 16, uppercase: true)
        }
        return "'\(Character(scalar))'"
    }

    // MARK: Spaces and comments

    mutating func skipTrivia(path: String) throws(JSON5SyntaxError) {
        while let scalar = current {
            if scalar.properties.isWhitespace || scalar == "\u{FEFF}" {
                advance()
            } else if scalar == "/" && peek(1) == "/" {
                while let next = current, next != "\n", next != "\r" { advance() }
            } else if scalar == "/" && peek(1) == "*" {
                let start = position
                advance()
                advance()
                while current != nil, !(current == "*" && peek(1) == "/") { advance() }
                guard current != nil else {
                    throw JSON5SyntaxError(
                        position: start, path: path, message: "this comment is never closed")
                }
                advance()
                advance()
            } else {
                return
            }
        }
    }

    // MARK: Values

    mutating func value(path: String, depth: Int) throws(JSON5SyntaxError) -> JSON5Node {
        try skipTrivia(path: path)
        guard let scalar = current else {
            throw failure("the file ends where a value was expected", path: path)
        }
        let start = position
        switch scalar {
        case "{":
            return .object(try members(path: path, depth: depth + 1), at: start)
        case "[":
            return .array(try items(path: path, depth: depth + 1), at: start)
        case "\"", "'":
            _ = try string(path: path)
        case "-", "+", ".", "0"..."9":
            try number(path: path)
        default:
            guard Self.isIdentifierStart(scalar) else {
                throw failure("unexpected \(Self.describe(scalar)); expected a value", path: path)
            }
            let word = identifier()
            guard ["true", "false", "null", "Infinity", "NaN"].contains(word) else {
                throw JSON5SyntaxError(
                    position: start, path: path,
                    message: "unexpected word '\(word)'; a text value needs quotes")
            }
        }
        return .scalar(at: start)
    }

    private mutating func members(path: String, depth: Int) throws(JSON5SyntaxError)
        -> [JSON5Member]
    {
        guard depth <= Self.depthLimit else { throw failure("nested too deeply", path: path) }
        advance()
        var members: [JSON5Member] = []
        /// Where each key was first given; looked up, never iterated.
        var seen: [String: TextPosition] = [:]
        while true {
            try skipTrivia(path: path)
            if current == "}" {
                advance()
                return members
            }
            let keyPosition = position
            let key = try memberName(path: path)
            let inner = path.isEmpty ? key : path + "." + key
            if let first = seen[key] {
                // Foundation would keep one of the two silently; a layout says what it means once.
                throw JSON5SyntaxError(
                    position: keyPosition, path: inner,
                    message: "the field '\(key)' is given twice (first at line "
                        + "\(first.line), column \(first.column)); keep one")
            }
            seen[key] = keyPosition
            try skipTrivia(path: inner)
            guard current == ":" else {
                throw failure("expected ':' after the field name '\(key)'", path: inner)
            }
            advance()
            let value = try value(path: inner, depth: depth)
            members.append(JSON5Member(key: key, keyPosition: keyPosition, value: value))
            try skipTrivia(path: path)
            if current == "," {
                advance()
            } else if current != "}" {
                throw unexpected(expected: "',' or '}'", path: path)
            }
        }
    }

    private mutating func items(path: String, depth: Int) throws(JSON5SyntaxError)
        -> [JSON5Node]
    {
        guard depth <= Self.depthLimit else { throw failure("nested too deeply", path: path) }
        advance()
        var items: [JSON5Node] = []
        while true {
            try skipTrivia(path: path)
            if current == "]" {
                advance()
                return items
            }
            guard current != nil else {
                throw failure("the file ends inside a list; expected a value or ']'", path: path)
            }
            items.append(try value(path: "\(path)[\(items.count)]", depth: depth))
            try skipTrivia(path: path)
            if current == "," {
                advance()
            } else if current != "]" {
                throw unexpected(expected: "',' or ']'", path: path)
            }
        }
    }

    private mutating func memberName(path: String) throws(JSON5SyntaxError) -> String {
        guard let scalar = current else {
            throw failure(
                "the file ends inside an object; expected a field name or '}'",
                path: path)
        }
        if scalar == "\"" || scalar == "'" { return try string(path: path) }
        guard Self.isIdentifierStart(scalar) else {
            throw unexpected(expected: "a field name or '}'", path: path)
        }
        return identifier()
    }

    func unexpected(expected: String, path: String) -> JSON5SyntaxError {
        guard let scalar = current else {
            return failure("the file ends here; expected \(expected)", path: path)
        }
        return failure("unexpected \(Self.describe(scalar)); expected \(expected)", path: path)
    }
}
