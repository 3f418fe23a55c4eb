import Architecture
import Foundation

/// Turns what went wrong while reading a layout (a syntax error, a decoding error, an
/// engine `SpecError`) into a `LayoutError` at a line and column of the text.
enum LayoutErrors {
    /// An error at the field named by `fieldPath`, located in `text`.
    static func at(
        _ fieldPath: String, text: String, path: String, message: String, atKey: Bool = false
    ) -> LayoutError {
        let position = JSON5Locator(text: text).locate(fieldPath, atKey: atKey)
        return LayoutError(
            file: path, line: position.line, column: position.column,
            field: fieldPath.isEmpty ? "document" : fieldPath, message: message)
    }

    /// An engine error found while building the layout's simulation.
    static func located(_ error: SpecError, in layout: Layout) -> LayoutError {
        at(error.path, text: layout.sourceText, path: layout.sourcePath, message: error.message)
    }

    /// A decoding failure, with a syntax error located by our own scanner because
    /// Foundation gives no position for JSON5.
    static func located(_ error: any Error, text: String, path: String) -> LayoutError {
        if let field = error as? LayoutFieldError {
            return at(
                field.path, text: text, path: path, message: field.message,
                atKey: field.atKey)
        }
        guard let decoding = error as? DecodingError else {
            return LayoutError(
                file: path, line: 1, column: 1, field: "document",
                message: String(describing: error))
        }
        switch decoding {
        case .typeMismatch(let type, let context):
            return at(
                JSON5Locator.path(of: context.codingPath), text: text, path: path,
                message: "expected \(describe(type))")
        case .valueNotFound(let type, let context):
            return at(
                JSON5Locator.path(of: context.codingPath), text: text, path: path,
                message: "expected \(describe(type)), found null")
        case .keyNotFound(let key, let context):
            let enclosing = JSON5Locator.path(of: context.codingPath)
            var located = at(
                enclosing, text: text, path: path,
                message: "missing field '\(key.stringValue)'")
            located.field = JSON5Locator.path(of: context.codingPath + [key])
            return located
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return syntaxError(text: text, path: path, foundation: context.debugDescription)
        case .dataCorrupted(let context):
            return at(
                JSON5Locator.path(of: context.codingPath), text: text, path: path,
                message: "cannot read this value: " + context.debugDescription)
        @unknown default:
            return LayoutError(
                file: path, line: 1, column: 1, field: "document",
                message: String(describing: decoding))
        }
    }

    /// Reads the text with our own scanner, which refuses what Foundation would let pass
    /// without a word (a field given twice) and locates every syntax error.
    static func scan(text: String, path: String) throws(LayoutError) {
        do {
            _ = try JSON5Scanner.parse(text)
        } catch {
            throw LayoutError(
                file: path, line: error.position.line, column: error.position.column,
                field: error.path.isEmpty ? "syntax" : error.path, message: error.message)
        }
    }

    private static func syntaxError(text: String, path: String, foundation: String)
        -> LayoutError
    {
        do {
            try scan(text: text, path: path)
        } catch {
            return error
        }
        return LayoutError(
            file: path, line: 1, column: 1, field: "syntax",
            message: "not readable as JSON5 (" + foundation + ")")
    }

    /// Names a Swift type the way a layout author thinks of it.
    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text in quotes"
        case is Int.Type, is UInt64.Type: return "a whole number"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "a list [...]" }
            return "an object {...}"
        }
    }

    /// The line and column of the first byte that is not valid UTF-8.
    static func firstInvalidUTF8(_ data: Data) -> TextPosition {
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var position = TextPosition.start
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" {
                    position.line += 1
                    position.column = 1
                } else {
                    position.column += 1
                }
            case .emptyInput, .error:
                return position
            }
        }
    }
}
