/// Finds where a field named by a dotted path (`components[2].params.ttl`) sits in a JSON5
/// text, so an error found after decoding can still point at a line and column.
struct JSON5Locator {
    enum Segment: Equatable {
        case key(String)
        case index(Int)
    }

    let root: JSON5Node?

    /// Scans `text`; a text that does not scan leaves every lookup at the first position.
    init(text: String) {
        root = try? JSON5Scanner.parse(text)
    }

    /// The position of the field's value, or of the deepest enclosing value that exists.
    ///
    /// With `atKey`, a field that exists is located at its name rather than its value,
    /// which reads better for a field that should not be there at all.
    func locate(_ path: String, atKey: Bool = false) -> TextPosition {
        guard var node = root else { return .start }
        var keyPosition: TextPosition? = nil
        for segment in Self.segments(path) {
            keyPosition = nil
            switch (segment, node) {
            case (.key(let key), .object(let members, _)):
                guard let member = members.last(where: { $0.key == key }) else {
                    return node.position
                }
                keyPosition = member.keyPosition
                node = member.value
            case (.index(let position), .array(let items, _)):
                guard items.indices.contains(position) else { return node.position }
                node = items[position]
            default:
                return node.position
            }
        }
        if atKey, let keyPosition { return keyPosition }
        return node.position
    }

    /// Splits `a.b[2].c` into keys and indices. Malformed brackets end the path there.
    static func segments(_ path: String) -> [Segment] {
        var segments: [Segment] = []
        var key = ""
        var characters = Substring(path)
        while let character = characters.first {
            characters.removeFirst()
            switch character {
            case ".":
                if !key.isEmpty { segments.append(.key(key)) }
                key = ""
            case "[":
                if !key.isEmpty { segments.append(.key(key)) }
                key = ""
                let digits = characters.prefix { $0 != "]" }
                guard let position = Int(digits), characters.dropFirst(digits.count).first == "]"
                else {
                    return segments
                }
                segments.append(.index(position))
                characters = characters.dropFirst(digits.count + 1)
            default:
                key.append(character)
            }
        }
        if !key.isEmpty { segments.append(.key(key)) }
        return segments
    }

    /// The dotted path of a decoding error's coding path, as the engine writes paths.
    static func path(of codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let position = key.intValue {
                text += "[\(position)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }
}
