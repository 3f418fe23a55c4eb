import SimKernel

/// Reads a component's parameters, checking each one and naming its path when it is wrong.
///
/// Every read has a default, so a layout gives only what it changes; a present field of the
/// wrong type or out of range is an error, never silently replaced.
struct ParamReader {
    let params: ParamValue
    let path: String

    init(_ spec: ComponentSpec) {
        params = spec.params
        path = spec.path + ".params"
    }

    init(params: ParamValue, path: String) {
        self.params = params
        self.path = path
    }

    func number(
        _ key: String, default fallback: Double, in range: ClosedRange<Double>
    ) throws(SpecError) -> Double {
        guard let value = params[key] else { return fallback }
        guard case .number(let number) = value, number.isFinite else {
            throw SpecError(path: "\(path).\(key)", message: "expected a number")
        }
        guard range.contains(number) else {
            throw SpecError(
                path: "\(path).\(key)",
                message: "\(Self.text(number)) is out of range "
                    + "\(Self.text(range.lowerBound)) to \(Self.text(range.upperBound))")
        }
        return number
    }

    /// A number as a layout author wrote it: `8`, not `8.0`; `0.25` as it is.
    static func text(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15
            ? String(Int64(number)) : String(number)
    }

    func integer(_ key: String, default fallback: Int, in range: ClosedRange<Int>)
        throws(SpecError) -> Int
    {
        let value = try number(
            key, default: Double(fallback),
            in: Double(range.lowerBound)...Double(range.upperBound))
        guard value == value.rounded() else {
            throw SpecError(path: "\(path).\(key)", message: "expected a whole number")
        }
        return Int(value)
    }

    /// A duration, written as a string with a unit (`"60s"`, `"2ms"`).
    func duration(_ key: String, default fallback: SimTime, in range: ClosedRange<SimTime>)
        throws(SpecError) -> SimTime
    {
        guard let value = params[key] else { return fallback }
        guard case .string(let text) = value, let micros = parseDuration(text) else {
            throw SpecError(
                path: "\(path).\(key)",
                message: "expected a duration such as \"250us\", \"2ms\" or \"30s\"")
        }
        guard range.contains(micros) else {
            throw SpecError(
                path: "\(path).\(key)",
                message: "\(text) is out of range \(formatDuration(range.lowerBound))"
                    + " to \(formatDuration(range.upperBound))")
        }
        return micros
    }

    func choice(_ key: String, default fallback: String, from choices: [String])
        throws(SpecError) -> String
    {
        guard let value = params[key] else { return fallback }
        guard case .string(let text) = value, choices.contains(text) else {
            throw SpecError(
                path: "\(path).\(key)",
                message: "expected one of: " + choices.joined(separator: ", "))
        }
        return text
    }

    /// A list of numbers, such as node speeds.
    func numbers(
        _ key: String, default fallback: [Double], in range: ClosedRange<Double>,
        count countRange: ClosedRange<Int>
    ) throws(SpecError) -> [Double] {
        guard let value = params[key] else { return fallback }
        guard case .array(let items) = value, countRange.contains(items.count) else {
            throw SpecError(
                path: "\(path).\(key)",
                message:
                    "expected a list of \(countRange.lowerBound) to "
                    + "\(countRange.upperBound) numbers"
            )
        }
        var numbers: [Double] = []
        for (position, item) in items.enumerated() {
            guard case .number(let number) = item, range.contains(number) else {
                throw SpecError(
                    path: "\(path).\(key)[\(position)]",
                    message: "expected a number in \(range.lowerBound)...\(range.upperBound)")
            }
            numbers.append(number)
        }
        return numbers
    }

    /// Refuses parameters the kind does not know, so a typo is not silently ignored.
    func rejectUnknown(allowed: [String]) throws(SpecError) {
        guard case .object(let fields) = params else {
            throw SpecError(path: path, message: "expected an object of parameters")
        }
        for field in fields where !allowed.contains(field.key) {
            throw SpecError(
                path: "\(path).\(field.key)",
                message: "unknown parameter; known: " + allowed.joined(separator: ", "))
        }
    }
}
