/// Strings, numbers and bare words of JSON5.
extension JSON5Scanner {
    /// Reads a quoted string (either quote) and returns its text with escapes resolved.
    mutating func string(path: String) throws(JSON5SyntaxError) -> String {
        let start = position
        let quote = current!
        advance()
        var text = String.UnicodeScalarView()
        while let scalar = current, scalar != quote {
            if scalar == "\n" || scalar == "\r" {
                throw JSON5SyntaxError(
                    position: start, path: path, message: "this string is not closed on its line")
            }
            if scalar == "\\" {
                try escape(into: &text, path: path)
                continue
            }
            guard scalar.value >= 0x20 else {
                throw failure("\(Self.describe(scalar)) inside a string; escape it", path: path)
            }
            text.append(scalar)
            advance()
        }
        guard current != nil else {
            throw JSON5SyntaxError(
                position: start, path: path, message: "this string is never closed")
        }
        advance()
        return String(text)
    }

    private mutating func escape(into text: inout String.UnicodeScalarView, path: String)
        throws(JSON5SyntaxError)
    {
        let backslash = position
        advance()
        guard let code = current else {
            throw JSON5SyntaxError(
                position: backslash, path: path, message: "the file ends inside an escape")
        }
        let simple: [Unicode.Scalar: Unicode.Scalar] = [
            "b": "\u{08}", "f": "\u{0C}", "n": "\n", "r": "\r", "t": "\t", "v": "\u{0B}",
            "0": "\u{00}",
        ]
        if code == "x" || code == "u" {
            advance()
            let value = try hexDigits(count: code == "x" ? 2 : 4, from: backslash, path: path)
            text.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            return
        }
        if code == "\n" || code == "\r" || code == "\u{2028}" || code == "\u{2029}" {
            advance()
            if code == "\r" && current == "\n" { advance() }
            return
        }
        guard !("1"..."9").contains(code) else {
            throw JSON5SyntaxError(
                position: backslash, path: path, message: "invalid escape '\\\(code)'")
        }
        text.append(simple[code] ?? code)
        advance()
    }

    private mutating func hexDigits(count: Int, from start: TextPosition, path: String)
        throws(JSON5SyntaxError) -> UInt32
    {
        var value: UInt32 = 0
        for _ in 0..<count {
            guard let digit = current, let nibble = Self.hexValue(digit) else {
                throw JSON5SyntaxError(
                    position: start, path: path,
                    message: "an escape needs \(count) hexadecimal digits")
            }
            value = value << 4 | nibble
            advance()
        }
        return value
    }

    static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": return scalar.value - 48
        case "a"..."f": return scalar.value - 87
        case "A"..."F": return scalar.value - 55
        default: return nil
        }
    }

    /// Reads a JSON5 number: sign, `Infinity`, `NaN`, hex, or a decimal with optional
    /// leading or trailing point and exponent.
    mutating func number(path: String) throws(JSON5SyntaxError) {
        let start = position
        if current == "+" || current == "-" { advance() }
        if let scalar = current, Self.isIdentifierStart(scalar) {
            let word = identifier()
            guard word == "Infinity" || word == "NaN" else {
                throw JSON5SyntaxError(
                    position: start, path: path, message: "'\(word)' after a sign is no number")
            }
            return
        }
        if current == "0", peek(1) == "x" || peek(1) == "X" {
            advance()
            advance()
            guard try digits(hex: true) > 0 else {
                throw failure("expected hexadecimal digits after 0x", path: path)
            }
            return try endOfNumber(path: path)
        }
        if current == "0", let next = peek(1), ("0"..."9").contains(next) {
            throw failure("a number cannot start with 0", path: path)
        }
        var count = try digits(hex: false)
        if current == "." {
            advance()
            count += try digits(hex: false)
        }
        guard count > 0 else { throw failure("expected digits", path: path) }
        if current == "e" || current == "E" {
            advance()
            if current == "+" || current == "-" { advance() }
            guard try digits(hex: false) > 0 else {
                throw failure("expected digits in the exponent", path: path)
            }
        }
        try endOfNumber(path: path)
    }

    private mutating func digits(hex: Bool) throws(JSON5SyntaxError) -> Int {
        var count = 0
        while let scalar = current,
            hex ? Self.hexValue(scalar) != nil : ("0"..."9").contains(scalar)
        {
            count += 1
            advance()
        }
        return count
    }

    private func endOfNumber(path: String) throws(JSON5SyntaxError) {
        if let scalar = current, Self.isIdentifierPart(scalar) || scalar == "." {
            throw failure("unexpected \(Self.describe(scalar)) in a number", path: path)
        }
    }

    /// Reads a bare word: a field name or a literal such as `true`.
    mutating func identifier() -> String {
        var text = String.UnicodeScalarView()
        while let scalar = current, Self.isIdentifierPart(scalar) {
            text.append(scalar)
            advance()
        }
        return String(text)
    }

    static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "$" || scalar == "_" || scalar.properties.isAlphabetic
    }

    static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        isIdentifierStart(scalar) || scalar.properties.numericType != nil
            || scalar == "\u{200C}" || scalar == "\u{200D}"
    }
}
