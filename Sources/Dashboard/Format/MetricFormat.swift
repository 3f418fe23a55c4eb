import Architecture
import SimKernel
import TerminalUI

/// Turns engine figures into short text for panels: `12.3k/s`, `850us`, `81.2%`, `1.2MB`.
///
/// Every helper is locale-free (built on `formatFixed`), so a screen snapshot reads the
/// same on every machine. The compact form is at most `compactWidthMax` columns for any
/// value a simulation produces, which lets tables use fixed column widths.
public enum MetricFormat {
    /// The widest compact value (`-123.4k/s`), for sizing columns.
    public static let compactWidthMax = 9

    /// The shortest readable form of a value in its unit.
    public static func compact(_ value: Double, unit: MetricUnit) -> String {
        guard value.isFinite else { return "-" }
        switch unit {
        case .count: return number(value)
        case .perSecond: return number(value) + "/s"
        case .micros: return duration(value)
        case .ratio: return percent(value)
        case .bytes: return bytes(value)
        case .plain: return plain(value)
        }
    }

    /// The compact form padded (or cut) to exactly `columns`, aligned right so digits line
    /// up in a column.
    public static func fixed(_ value: Double, unit: MetricUnit, columns: Int) -> String {
        fit(compact(value, unit: unit), toColumns: columns, alignRight: true)
    }

    /// The compact form of a metric.
    public static func compact(_ metric: Metric) -> String {
        compact(metric.value, unit: metric.unit)
    }

    /// A count with a k/M/G/T suffix and three significant digits at most: `850`, `12.3k`.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        let sign = value < 0 ? "-" : ""
        var magnitude = abs(value)
        if magnitude < 999.5 {
            let integral = magnitude == magnitude.rounded()
            let decimals = integral || magnitude >= 9.95 ? 0 : 1
            return sign + formatFixed(magnitude, decimals: decimals)
        }
        for suffix in ["k", "M", "G", "T", "P", "E"] {
            magnitude /= 1_000
            if magnitude < 99.95 { return sign + formatFixed(magnitude, decimals: 1) + suffix }
            if magnitude < 999.5 { return sign + formatFixed(magnitude, decimals: 0) + suffix }
        }
        return sign + "huge"
    }

    /// A duration in microseconds: `850us`, `12.3ms`, `212ms`, `1.2s`, `2m05s`; never
    /// more than six columns, with three significant digits where `formatDuration` has four.
    public static func duration(_ micros: Double) -> String {
        guard micros.isFinite else { return "-" }
        guard micros < 9e15 else { return "long" }
        let whole = SimTime(max(0, micros).rounded())
        if whole >= 99_950, whole < 999_500 {
            return formatFixed(Double(whole) / 1_000, decimals: 0) + "ms"
        }
        if whole >= 100 * Micros.perHour {
            return number(Double(whole) / Double(24 * Micros.perHour)) + "d"
        }
        return formatDuration(whole)
    }

    /// A ratio of 0...1 as a percentage with one decimal: `81.2%`, `100%`.
    public static func percent(_ ratio: Double) -> String {
        guard ratio.isFinite else { return "-" }
        let hundred = ratio * 100
        if hundred >= 99.95 && hundred < 999.5 { return formatFixed(hundred, decimals: 0) + "%" }
        if abs(hundred) >= 999.5 { return number(hundred) + "%" }
        return formatFixed(hundred, decimals: 1) + "%"
    }

    /// A size in bytes with decimal prefixes: `512B`, `1.2MB`, `3.4GB`.
    public static func bytes(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        let text = number(value)
        guard let last = text.last, last.isLetter else { return text + "B" }
        return String(text.dropLast()) + (last == "k" ? "K" : String(last)) + "B"
    }

    /// A plain figure: whole numbers as they are, fractions with up to two decimals.
    public static func plain(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        if abs(value) >= 1_000 { return number(value) }
        if value == value.rounded() { return formatFixed(value, decimals: 0) }
        return abs(value) < 10 ? formatFixed(value, decimals: 2) : formatFixed(value, decimals: 1)
    }

    /// A speed multiplier: `1x`, `0.25x`, `10x`, `8.4x`.
    public static func speed(_ factor: Double) -> String {
        guard factor.isFinite else { return "-" }
        var text = formatFixed(factor, decimals: factor < 1 ? 2 : 1)
        while text.contains("."), text.last == "0" { text.removeLast() }
        if text.last == "." { text.removeLast() }
        return text + "x"
    }

    /// A ratio as a whole percentage, for narrow columns: `81%`, `100%`.
    public static func wholePercent(_ ratio: Double) -> String {
        guard ratio.isFinite else { return "-" }
        return formatFixed(ratio * 100, decimals: 0) + "%"
    }
}
