import Architecture

/// A field that is present but not allowed, or a value of the right type that makes no
/// sense; thrown from inside decoding so the loader can point at the field.
struct LayoutFieldError: Error {
    var path: String
    var message: String
    /// Point at the field's name rather than its value (for a field that should not exist).
    var atKey: Bool
}

/// Any key: the document's fields are read by name and unknown ones are refused.
struct FieldKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) { stringValue = name }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension KeyedDecodingContainer where Key == FieldKey {
    /// Refuses fields outside `allowed`, so a typo is reported instead of ignored.
    func rejectUnknown(allowed: [String]) throws {
        let unknown = allKeys.map(\.stringValue).filter { !allowed.contains($0) }.sorted()
        guard let first = unknown.first else { return }
        let path = JSON5Locator.path(of: codingPath + [FieldKey(first)])
        throw LayoutFieldError(
            path: path,
            message: "unknown field '\(first)'; known: " + allowed.joined(separator: ", "),
            atKey: true)
    }

    func optional<Value: Decodable>(_ name: String) throws -> Value? {
        try located(name, message: "cannot read this value as \(LayoutErrors.describe(Value.self))")
        {
            try decodeIfPresent(Value.self, forKey: FieldKey(name))
        }
    }

    func required<Value: Decodable>(_ name: String) throws -> Value {
        try located(name, message: "cannot read this value as \(LayoutErrors.describe(Value.self))")
        {
            try decode(Value.self, forKey: FieldKey(name))
        }
    }

    /// A whole number, such as the seed or a count of keys.
    func wholeNumber<Value: FixedWidthInteger & Decodable>(_ name: String) throws -> Value? {
        let message =
            Value.isSigned ? "expected a whole number" : "expected a whole number, not negative"
        return try located(name, message: message) {
            try decodeIfPresent(Value.self, forKey: FieldKey(name))
        }
    }

    /// Runs one field's decoding, naming the field when Foundation cannot.
    ///
    /// For a number that does not fit its type (`-1` for a seed, `1e999`, `2.5` for a count)
    /// Foundation throws an internal error and reports it at the top as invalid JSON with no
    /// path; this turns it into an error at the field.
    private func located<Value>(_ name: String, message: String, _ body: () throws -> Value)
        throws -> Value
    {
        do {
            return try body()
        } catch let error as DecodingError {
            throw error
        } catch let error as LayoutFieldError {
            throw error
        } catch {
            throw LayoutFieldError(
                path: JSON5Locator.path(of: codingPath + [FieldKey(name)]), message: message,
                atKey: false)
        }
    }
}

/// The layout file as written, before it becomes an `ArchitectureSpec`.
struct LayoutDocument: Decodable {
    var name: String
    var title: String?
    var description: String?
    var seed: UInt64?
    var workload: WorkloadSpec
    var components: [ComponentDocument]
    var connections: [ConnectionDocument]
    var screen: ScreenDocument?

    static let fields = [
        "name", "title", "description", "seed", "workload", "components", "connections",
        "screen",
    ]

    init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FieldKey.self)
        try fields.rejectUnknown(allowed: Self.fields)
        name = try fields.required("name")
        title = try fields.optional("title")
        description = try fields.optional("description")
        seed = try fields.wholeNumber("seed")
        let workloadFields: WorkloadDocument? = try fields.optional("workload")
        workload = workloadFields?.spec ?? WorkloadSpec()
        components = try fields.required("components")
        connections = try fields.optional("connections") ?? []
        screen = try fields.optional("screen")
    }
}

/// The `workload` object: every field optional, each mapping to a `WorkloadSpec` field.
struct WorkloadDocument: Decodable {
    var spec = WorkloadSpec()

    static let fields = [
        "rate", "readRatio", "keys", "zipf", "clients", "jobRatio", "badAuthRatio",
        "sampleAbove",
    ]

    init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FieldKey.self)
        try fields.rejectUnknown(allowed: Self.fields)
        spec.ratePerSecond = try fields.optional("rate") ?? spec.ratePerSecond
        spec.readRatio = try fields.optional("readRatio") ?? spec.readRatio
        spec.keyCount = try fields.wholeNumber("keys") ?? spec.keyCount
        spec.zipfExponent = try fields.optional("zipf") ?? spec.zipfExponent
        spec.clientCount = try fields.wholeNumber("clients") ?? spec.clientCount
        spec.jobRatio = try fields.optional("jobRatio") ?? spec.jobRatio
        spec.badAuthRatio = try fields.optional("badAuthRatio") ?? spec.badAuthRatio
        spec.sampleAbove = try fields.optional("sampleAbove") ?? spec.sampleAbove
    }
}

struct ComponentDocument: Decodable {
    var name: String
    var kind: String
    var params: ParamValue

    init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FieldKey.self)
        try fields.rejectUnknown(allowed: ["name", "kind", "params"])
        name = try fields.required("name")
        kind = try fields.required("kind")
        params = try fields.optional("params") ?? .object([])
        guard case .object = params else {
            throw LayoutFieldError(
                path: JSON5Locator.path(of: fields.codingPath + [FieldKey("params")]),
                message: "expected an object of parameters, such as { workers: 8 }",
                atKey: false)
        }
    }
}

struct ConnectionDocument: Decodable {
    var from: String
    var to: String

    init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FieldKey.self)
        try fields.rejectUnknown(allowed: ["from", "to"])
        from = try fields.required("from")
        to = try fields.required("to")
    }
}

struct ScreenDocument: Decodable {
    var rows: [[String]]

    init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FieldKey.self)
        try fields.rejectUnknown(allowed: ["rows"])
        rows = try fields.required("rows")
    }
}
