import Foundation
import Session
import SimKernel

/// The engine benchmarks; see README.md.
///
/// Each benchmark runs a few times and reports its fastest run, since other work on the
/// machine only ever slows a run down. Every result is one line of `name=value` pairs, so
/// scripts/bench can read them, after a heading that says what was measured.
enum Bench {
    /// How many times each benchmark runs; the fastest counts.
    static let repeatCount = 3

    struct Case {
        var name: String
        var summary: String
        var run: @Sendable (Double) throws -> BenchResult
    }

    static let cases: [Case] = [
        Case(name: "mm4-kernel", summary: "M/M/4 at 0.9 on the bare kernel, 10^6 customers") {
            try mm4Kernel(scale: $0)
        },
        Case(name: "mm4-engine", summary: "M/M/4 at 0.9 as a client → backend layout, 10^6") {
            try mm4Engine(scale: $0)
        },
        Case(name: "hold", summary: "hold model, 10,000 pending events, 10^7 holds") {
            try hold(scale: $0)
        },
        Case(name: "blueprint", summary: "the default layout at 10,000 req/s for 60 s") {
            try blueprint(scale: $0)
        },
        Case(name: "flood", summary: "the default layout at 5,000,000 req/s for 10 s, sampled") {
            try flood(scale: $0)
        },
        Case(
            name: "dashboard",
            summary: "the default layout at 10,000 req/s for 300 s, drawing 160x50 frames, "
                + "against the same run headless"
        ) {
            try blueprintWithDashboard(scale: $0)
        },
    ]

    static func run(_ options: BenchOptions) -> Int32 {
        #if DEBUG
            FileStream.standardError.write(
                "warning: this is a debug build; benchmark figures mean nothing. "
                    + "Build with: swift build -c release\n")
        #endif
        let chosen = cases.filter { options.only == nil || $0.name == options.only }
        guard !chosen.isEmpty else {
            let names = cases.map(\.name).joined(separator: ", ")
            FileStream.standardError.write("blueprint bench: --only takes one of: \(names)\n")
            return 2
        }
        print("blueprint bench: best of \(repeatCount) runs each, one thread, wall-clock time")
        for item in chosen {
            do {
                var best: BenchResult? = nil
                for _ in 0..<repeatCount {
                    let result = try item.run(options.scale)
                    if best.map({ result.seconds < $0.seconds }) ?? true { best = result }
                }
                print("# \(item.name): \(item.summary)")
                print(best!.line(name: item.name))
            } catch {
                FileStream.standardError.write("blueprint bench: \(item.name): \(error)\n")
                return 1
            }
        }
        return 0
    }

    // MARK: The cases

    static func mm4Kernel(scale: Double) throws -> BenchResult {
        let customers = scaled(1_000_000, scale)
        let (outcome, seconds) = timed {
            KernelModels.queue(servers: 4, load: 0.9, customers: customers, seed: 1)
        }
        return BenchResult(
            seconds: seconds, events: outcome.events, units: outcome.units, unit: "customers",
            notes: responseNotes(outcome.meanResponseMicros))
    }

    static func mm4Engine(scale: Double) throws -> BenchResult {
        let customers = scaled(1_000_000, scale)
        let (outcome, seconds) = try timed {
            try EngineModels.queue(servers: 4, load: 0.9, customers: customers, seed: 1)
        }
        return BenchResult(
            seconds: seconds, events: outcome.events, units: outcome.requests, unit: "customers",
            notes: [("handoffs", "\(outcome.handoffs)")]
                + responseNotes(outcome.meanResponseMicros))
    }

    static func hold(scale: Double) throws -> BenchResult {
        let holds = scaled(10_000_000, scale)
        let (outcome, seconds) = timed {
            KernelModels.hold(pending: 10_000, holds: holds, seed: 1)
        }
        return BenchResult(
            seconds: seconds, events: outcome.events, units: outcome.units, unit: "holds",
            notes: [("pending", "10000")])
    }

    static func blueprint(scale: Double) throws -> BenchResult {
        try defaultLayout(rate: 10_000, seconds: 60, scale: scale) { _, _ in [] }
    }

    /// The highest rate the clients take: the engine samples, and must still keep up with
    /// the wall clock (`realtime_x` is simulated seconds per wall second).
    static func flood(scale: Double) throws -> BenchResult {
        try defaultLayout(rate: 5_000_000, seconds: 10, scale: scale) { outcome, seconds in
            [
                ("sampled_1_in", formatFixed(1 / outcome.sampleRatio, decimals: 0)),
                (
                    "realtime_x",
                    formatFixed(Micros.toSeconds(outcome.simulatedMicros) / seconds, decimals: 2)
                ),
            ]
        }
    }

    /// The default layout headless at `rate` for `seconds` simulated seconds (scaled); `more`
    /// adds notes from the outcome and the wall seconds.
    private static func defaultLayout(
        rate: Double, seconds simulatedSeconds: Double, scale: Double,
        more: (EngineModels.Outcome, Double) -> [(String, String)]
    ) throws -> BenchResult {
        let layout = try Paths.loadLayout(nil)
        let duration = SimTime(Double(Micros.perSecond) * simulatedSeconds * scale)
        let (outcome, seconds) = try timed {
            try EngineModels.layout(layout, rate: rate, duration: duration, seed: 42)
        }
        let simulated = Micros.toSeconds(outcome.simulatedMicros)
        return BenchResult(
            seconds: seconds, events: outcome.events, units: outcome.requests, unit: "requests",
            notes: [
                ("handoffs", "\(outcome.handoffs)"),
                ("simulated_s", formatFixed(simulated, decimals: 0)),
                ("rate", formatFixed(rate, decimals: 0)),
            ] + more(outcome, seconds))
    }

    /// The measured mean response time of the M/M/4 runs beside Erlang C's, in
    /// milliseconds: a benchmark that got faster by computing something else would show.
    private static func responseNotes(_ measuredMicros: Double) -> [(String, String)] {
        let theory = KernelModels.erlangResponse(servers: 4, load: 0.9)
        let theoryMillis = theory * KernelModels.serviceMeanMicros / 1_000
        return [
            ("response_ms", formatFixed(measuredMicros / 1_000, decimals: 3)),
            ("erlang_c_ms", formatFixed(theoryMillis, decimals: 3)),
        ]
    }

    // MARK: Helpers

    private static func scaled(_ count: Int, _ scale: Double) -> Int {
        max(1, Int((Double(count) * scale).rounded()))
    }

    static func timed<Value>(_ body: () throws -> Value) rethrows
        -> (Value, Double)
    {
        let clock = ContinuousClock()
        let start = clock.now
        let value = try body()
        let parts = (clock.now - start).components
        return (value, Double(parts.seconds) + Double(parts.attoseconds) * 1e-18)
    }
}

/// One benchmark's best run.
struct BenchResult {
    var seconds: Double
    /// Events popped from the kernel's queue.
    var events: Int
    /// Customers, holds or requests: what the benchmark is about.
    var units: Int
    var unit: String
    /// Extra `name=value` pairs for the report.
    var notes: [(String, String)]

    func line(name: String) -> String {
        let perSecond = seconds > 0 ? 1 / seconds : 0
        var pairs: [(String, String)] = [
            ("bench", name),
            ("seconds", formatFixed(seconds, decimals: 4)),
            ("events", "\(events)"),
            (unit, "\(units)"),
            ("events_per_s", formatFixed(Double(events) * perSecond, decimals: 0)),
            ("\(unit)_per_s", formatFixed(Double(units) * perSecond, decimals: 0)),
        ]
        pairs += notes
        return pairs.map { "\($0.0)=\($0.1)" }.joined(separator: " ")
    }
}
