/// A parameter value from a layout file: a JSON value, kept generic so each component kind
/// reads and checks its own parameters.
public enum ParamValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([ParamValue])
    /// Keys in the order they were written; lookups are by name, never by iteration order
    /// of a hashed collection.
    case object([ParamField])

    public subscript(key: String) -> ParamValue? {
        guard case .object(let fields) = self else { return nil }
        return fields.first { $0.key == key }?.value
    }

    public var keys: [String] {
        guard case .object(let fields) = self else { return [] }
        return fields.map(\.key)
    }
}

public struct ParamField: Sendable, Equatable {
    public var key: String
    public var value: ParamValue

    public init(_ key: String, _ value: ParamValue) {
        self.key = key
        self.value = value
    }
}

extension ParamValue: Decodable {
    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: AnyKey.self) {
            let keys = keyed.allKeys.map(\.stringValue).sorted()
            self = .object(
                try keys.map {
                    ParamField(
                        $0, try keyed.decode(ParamValue.self, forKey: AnyKey(stringValue: $0)))
                })
            return
        }
        if var list = try? decoder.unkeyedContainer() {
            var values: [ParamValue] = []
            while !list.isAtEnd { values.append(try list.decode(ParamValue.self)) }
            self = .array(values)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let flag = try? single.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? single.decode(Double.self) {
            self = .number(number)
        } else {
            self = .string(try single.decode(String.self))
        }
    }
}
