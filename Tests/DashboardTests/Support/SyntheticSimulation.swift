import Architecture
import Dashboard
import SimKernel
import TerminalUI

/// A realistic picture of a running blueprint, built without the engine: one or two
/// components of every expected kind, with nodes, histories, metrics, a log and a ticker.
///
/// Figures come from a seeded `RandomStream`, so every run builds the same snapshot.
enum SyntheticSimulation {
    static let seed: UInt64 = 42
    static let rows = [
        ["clients", "dns", "lb", "gateway"],
        ["backend", "cache", "db"],
        ["mq", "workers"],
    ]

    static func config(
        _ capabilities: Capabilities = .full, recording: String? = "sessions/lesson-3.jsonl"
    ) -> DashboardConfig {
        DashboardConfig(
            title: "the whole blueprint", rows: rows, capabilities: capabilities, seed: seed,
            recordingPath: recording)
    }

    static let status = RunStatus(
        simTime: 125 * Micros.perSecond + 400_000, speed: 10, effectiveSpeed: 8.4,
        paused: false, recording: "sessions/lesson-3.jsonl")

    static func snapshot() -> SimSnapshot {
        SimSnapshot(
            time: status.simTime, offeredRate: 25_000, baseRate: 5_000, sampleRatio: 0.25,
            components: [
                clients(), dns(), loadBalancer(), gateway(), backend(), cache(), database(),
                queue(), workers(),
            ],
            ticker: ticker)
    }

    /// A state that has seen a resize and one frame.
    static func state(
        width: Int, height: Int, capabilities: Capabilities = .full
    ) -> AppState {
        var state = AppState(config: config(capabilities))
        _ = Dashboard.update(&state, .resize(width: width, height: height))
        _ = Dashboard.update(&state, .frame(snapshot(), status))
        return state
    }

    static func render(_ state: AppState, width: Int, height: Int) -> String {
        var buffer = CellBuffer(width: width, height: height)
        Dashboard.render(state, into: &buffer)
        return buffer.text()
    }

    static let ticker: [TickerEntry] = [
        TickerEntry(time: 20_000_000, text: "load rate 5.0k/s"),
        TickerEntry(time: 61_200_000, text: "set lb.algorithm least-connections"),
        TickerEntry(time: 88_000_000, text: "cache.node-2 killed: 41.2k entries lost"),
        TickerEntry(time: 97_500_000, text: "lb: backend.node-4 missed 3 heartbeats, out of pool"),
        TickerEntry(time: 110_000_000, text: "mark: the stampede starts here"),
        TickerEntry(time: 118_300_000, text: "load spike x5 for 30s"),
        TickerEntry(time: 121_000_000, text: "db.shard-2 slow +200ms"),
    ]

    // MARK: Shared figures

    /// A history that wanders around `level`, always positive.
    static func history(_ name: String, level: Double, count: Int = 60) -> [Double] {
        var random = RandomStream(seed: seed, stream: name)
        var value = level
        return (0..<count).map { _ in
            value = max(0, value + (random.nextUnit() - 0.5) * level * 0.3)
            value += (level - value) * 0.1
            return (value * 10).rounded() / 10
        }
    }

    /// The figures every component reports, in the engine's order.
    static func traffic(
        rate: Double, errors4xx: Double = 0, errors5xx: Double = 0, p50: Double, p99: Double
    ) -> [Metric] {
        [
            Metric("throughput", "req/s", rate, .perSecond),
            Metric("errors4xx", "4xx/s", errors4xx, .perSecond),
            Metric("errors5xx", "5xx/s", errors5xx, .perSecond),
            Metric("p50", "p50", p50, .micros),
            Metric("p95", "p95", (p50 + p99) / 2, .micros),
            Metric("p99", "p99", p99, .micros),
            Metric("total", "total", rate * 125, .count),
        ]
    }

    static func series(_ name: String, rate: Double, p99: Double, errors: Double) -> [Series] {
        [
            Series(
                key: "throughput", label: "req/s", unit: .perSecond,
                values: history(name + ".throughput", level: rate)),
            Series(
                key: "p99", label: "p99", unit: .micros,
                values: history(name + ".p99", level: p99)),
            Series(
                key: "errors", label: "err/s", unit: .perSecond,
                values: history(name + ".errors", level: errors)),
        ]
    }

    static func option(_ name: String, _ value: String) -> CommandOption {
        CommandOption(name: name, value: value)
    }
}
