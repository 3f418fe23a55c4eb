/// Simulated time is an integer count of microseconds since the run began.
///
/// Integers keep time exact: two runs that schedule the same events see the same clock,
/// with no rounding drift between a debug and a release build.
public typealias SimTime = Int64

public enum Micros {
    public static let perMilli: Int64 = 1_000
    public static let perSecond: Int64 = 1_000_000
    public static let perMinute: Int64 = 60_000_000
    public static let perHour: Int64 = 3_600_000_000

    /// Converts fractional seconds to microseconds, rounding to the nearest microsecond.
    public static func fromSeconds(_ seconds: Double) -> SimTime {
        SimTime((seconds * Double(perSecond)).rounded())
    }

    /// Converts fractional milliseconds to microseconds, rounding to the nearest microsecond.
    public static func fromMillis(_ millis: Double) -> SimTime {
        SimTime((millis * Double(perMilli)).rounded())
    }

    /// The whole microsecond nearest a non-negative duration, halves rounded up: what
    /// `SimTime(micros.rounded())` gives, without a call into the C library. The engine
    /// rounds every duration it draws. Exact: below 2^52 the fraction `micros - whole` is
    /// computed without rounding, and above it every double is whole.
    @inlinable @inline(__always)
    public static func nearest(_ micros: Double) -> SimTime {
        let whole = SimTime(micros)
        return micros - Double(whole) >= 0.5 ? whole &+ 1 : whole
    }

    /// The first whole microsecond at or after a non-negative time: what
    /// `SimTime(micros.rounded(.up))` gives, without a call into the C library.
    @inlinable @inline(__always)
    public static func atOrAfter(_ micros: Double) -> SimTime {
        let whole = SimTime(micros)
        return Double(whole) < micros ? whole &+ 1 : whole
    }

    public static func toSeconds(_ micros: SimTime) -> Double {
        Double(micros) / Double(perSecond)
    }

    public static func toMillis(_ micros: SimTime) -> Double {
        Double(micros) / Double(perMilli)
    }
}

/// Parses a duration written as a number and a unit: `250us`, `2ms`, `1.5s`, `30s`, `2m`, `1h`.
///
/// A bare number is read in seconds. Returns nil for anything else, so callers can say which
/// field was wrong.
public func parseDuration(_ text: String) -> SimTime? {
    let units: [(suffix: String, micros: Double)] = [
        ("us", 1), ("µs", 1), ("ms", 1_000), ("s", 1_000_000), ("m", 60_000_000),
        ("h", 3_600_000_000),
    ]
    let trimmed = text.trimmingSpaces()
    for unit in units where trimmed.hasSuffix(unit.suffix) {
        let number = String(trimmed.dropLast(unit.suffix.count))
        guard let value = Double(number), value.isFinite, value >= 0 else { return nil }
        let micros = value * unit.micros
        guard micros < 1e15 else { return nil }
        return SimTime(micros.rounded())
    }
    guard let seconds = Double(trimmed), seconds.isFinite, seconds >= 0, seconds < 1e9 else {
        return nil
    }
    return Micros.fromSeconds(seconds)
}

/// Formats a duration compactly for people: `850us`, `12.3ms`, `4.0s`, `2m05s`.
public func formatDuration(_ micros: SimTime) -> String {
    let value = max(0, micros)
    if value < 1_000 { return "\(value)us" }
    if value < 1_000_000 { return formatFixed(Double(value) / 1_000, decimals: 1) + "ms" }
    if value < 60_000_000 { return formatFixed(Double(value) / 1_000_000, decimals: 1) + "s" }
    let totalSeconds = value / 1_000_000
    let minutes = totalSeconds / 60
    let seconds = totalSeconds % 60
    if minutes < 60 { return "\(minutes)m" + (seconds < 10 ? "0" : "") + "\(seconds)s" }
    let hours = minutes / 60
    let restMinutes = minutes % 60
    return "\(hours)h" + (restMinutes < 10 ? "0" : "") + "\(restMinutes)m"
}

/// Formats a number with a fixed count of decimals, without Foundation's locale-dependent
/// formatters, so output is the same on every machine.
public func formatFixed(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
    let places = max(0, min(decimals, 9))
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let negative = value < 0
    let scaled = (abs(value) * scale).rounded()
    guard scaled < 9e18 else { return negative ? "-huge" : "huge" }
    let whole = UInt64(scaled)
    let factor = UInt64(scale)
    let integerPart = whole / factor
    var text = (negative && whole != 0 ? "-" : "") + String(integerPart)
    if places > 0 {
        let fraction = String(whole % factor)
        text += "." + String(repeating: "0", count: places - fraction.count) + fraction
    }
    return text
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
