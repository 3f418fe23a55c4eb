import Architecture
import SimKernel

extension HeadlessResult {
    /// How many of a component's own figures the summary shows after the common ones.
    public static let ownFigureLimit = 3

    /// The keys every component reports; the summary's own-figures column skips them.
    static let commonKeys = ["throughput", "errors4xx", "errors5xx", "p50", "p95", "p99", "total"]

    /// A plain-text table of every component's headline figures, the same on every machine
    /// (no locale, no wall time): name, kind, health, req/s, 4xx/s, 5xx/s, p50, p95, p99
    /// and the component's first own figures. Refused commands are listed below it.
    public func summaryTable() -> String {
        let header = [
            "name", "kind", "health", "req/s", "4xx/s", "5xx/s", "p50", "p95", "p99",
            "figures",
        ]
        var rows = [header]
        for component in snapshot.components {
            let value = { (key: String) in component.value(key) }
            let own = component.metrics.filter { !Self.commonKeys.contains($0.key) }
                .prefix(Self.ownFigureLimit)
                .map { "\($0.label) \(Self.format($0.value, unit: $0.unit))" }
            rows.append([
                component.name, component.kind, component.health.rawValue,
                Self.format(value("throughput"), unit: .perSecond),
                Self.format(value("errors4xx"), unit: .perSecond),
                Self.format(value("errors5xx"), unit: .perSecond),
                Self.format(value("p50"), unit: .micros),
                Self.format(value("p95"), unit: .micros),
                Self.format(value("p99"), unit: .micros),
                own.joined(separator: ", "),
            ])
        }
        var lines = [
            "layout \(layoutName), seed \(seed), \(formatDuration(duration)) simulated, "
                + "\(eventsProcessed) events, \(commandsApplied) commands applied"
        ]
        lines += Self.align(rows, rightAligned: 3...8)
        if let sampling = snapshot.samplingText {
            lines.append(
                "\(sampling) at the end: each request the clients sent was counted for the "
                    + "requests it stood for")
        }
        for refusal in refusals {
            lines.append(
                "refused at \(formatDuration(refusal.at)): \(refusal.text): \(refusal.message)")
        }
        if commandsSkipped > 0 {
            lines.append("\(commandsSkipped) command(s) were timed after the end and skipped")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Pads columns to their widest cell; a line of dashes follows the header row. The last
    /// column is not padded, so no line ends in spaces.
    static func align(_ rows: [[String]], rightAligned: ClosedRange<Int>) -> [String] {
        guard let columnCount = rows.first?.count else { return [] }
        var widths = [Int](repeating: 0, count: columnCount)
        for row in rows {
            for (column, cell) in row.enumerated() where column < columnCount {
                widths[column] = max(widths[column], cell.count)
            }
        }
        var lines: [String] = []
        for (number, row) in rows.enumerated() {
            var cells: [String] = []
            for (column, cell) in row.enumerated() where column < columnCount {
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                if column == columnCount - 1 {
                    cells.append(cell)
                } else {
                    cells.append(rightAligned.contains(column) ? padding + cell : cell + padding)
                }
            }
            var line = cells.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            lines.append(line)
            if number == 0 {
                let total = widths.reduce(0, +) + 2 * (columnCount - 1)
                lines.append(String(repeating: "-", count: total))
            }
        }
        return lines
    }

    /// Formats one figure by its unit with the engine's locale-free formatters.
    static func format(_ value: Double?, unit: MetricUnit) -> String {
        guard let value else { return "-" }
        guard value.isFinite else { return value.isNaN ? "-" : formatFixed(value, decimals: 0) }
        switch unit {
        case .perSecond: return formatFixed(value, decimals: 1)
        case .count: return formatFixed(value, decimals: 0)
        case .micros:
            guard abs(value) < 1e15 else { return "huge" }
            return formatDuration(SimTime(value.rounded()))
        case .ratio: return formatFixed(value * 100, decimals: 1) + "%"
        case .bytes: return formatBytes(value)
        case .plain: return formatFixed(value, decimals: 2)
        }
    }

    static func formatBytes(_ value: Double) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var scaled = value
        var index = 0
        while abs(scaled) >= 1024, index < units.count - 1 {
            scaled /= 1024
            index += 1
        }
        return formatFixed(scaled, decimals: index == 0 ? 0 : 1) + units[index]
    }
}
