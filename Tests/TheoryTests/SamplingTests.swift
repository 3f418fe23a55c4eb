import Architecture
import Session
import SimKernel
import XCTest

/// Sampling at very high rates: the same layout, seed and load run twice, once request by
/// request and once with the clients sending one request in five, each standing for five.
/// The sampled run's figures must stay within 5 % of the full run's.
///
/// The layout floods a small gateway: 100,000 requests a second against 8 workers that
/// take 40,000 a second and a limiter that passes 8,000, so most requests are refused at
/// the front, where sampling applies, and everything the gateway admits runs request by
/// request into an overloaded backend, a cache and a database. Every figure compared rests
/// on at least 30,000 answers over 10 simulated seconds, so counting noise is about 1 %
/// and 5 % is a real difference, not chance.
final class SamplingTests: XCTestCase {
    static func layout(sampleAbove: Int) -> String {
        """
        {
          name: "flood", seed: 7,
          workload: { rate: 100000, readRatio: 0.8, keys: 20000, zipf: 0.9, clients: 2000,
                      jobRatio: 0, badAuthRatio: 0.01, sampleAbove: \(sampleAbove) },
          components: [
            { name: "dns", kind: "dns" },
            { name: "lb", kind: "load-balancer", params: { algorithm: "least-connections" } },
            { name: "gateway", kind: "api-gateway",
              params: { workers: 8, queueLimit: 200, serviceTime: "200us", rateLimit: 8000,
                        burst: 500 } },
            { name: "backend", kind: "backend",
              params: { speeds: [1, 1, 0.5], workers: 8, queueLimit: 50, serviceTime: "2ms" } },
            { name: "cache", kind: "cache", params: { nodes: 2, capacity: 2000 } },
            { name: "db", kind: "database", params: { shards: 2, workers: 8 } },
          ],
          connections: [
            { from: "client", to: "dns" }, { from: "client", to: "lb" },
            { from: "lb", to: "gateway" }, { from: "gateway", to: "backend" },
            { from: "backend", to: "cache" }, { from: "backend", to: "db" },
            { from: "cache", to: "db" },
          ],
        }
        """
    }

    /// The figures compared, as (component, total) pairs.
    static let figures: [(String, String)] = [
        ("client", "completed"), ("client", "errors"), ("client", "meanLatency"),
        ("gateway", "rejected429"), ("gateway", "rejected503"), ("gateway", "passedLimiter"),
        ("backend", "completed"), ("backend", "meanLatency"), ("backend", "meanBusy"),
        ("cache", "hitRatio"), ("db", "completed"), ("db", "meanLatency"),
    ]

    /// The components whose p99 latency is compared, averaged over the one-second windows
    /// after the first two (the warm-up).
    static let percentileFigures = ["client", "backend", "db"]

    func testASampledRunStaysWithinFivePercentOfTheFullRun() throws {
        let runs = try TheoryRun.parallel(2) { index in
            // 5,000,000 is the highest rate, so the first run never samples.
            let session = try TheoryRun.session(
                Self.layout(sampleAbove: index == 0 ? 5_000_000 : 20_000), name: "flood",
                seed: 7)
            session.advance(to: 10 * Micros.perSecond, eventBudget: .max)
            let ratio = session.simulation.snapshot().sampleRatio
            let snapshot = session.simulation.snapshot()
            let percentiles = Self.percentileFigures.map { name in
                let p99 = snapshot.components.first { $0.name == name }!.history.first {
                    $0.key == "p99"
                }!
                return p99.values.dropFirst(2).reduce(0, +) / Double(p99.values.count - 2)
            }
            return (ratio, Self.figures.map { Totals(session, $0.0)[$0.1] } + percentiles)
        }
        let (fullRatio, full) = runs[0]
        let (sampledRatio, sampled) = runs[1]
        XCTAssertEqual(fullRatio, 1)
        XCTAssertEqual(sampledRatio, 0.2, "100,000 req/s above 20,000: one request in five")
        let names =
            Self.figures.map { "\($0.0) \($0.1)" }
            + Self.percentileFigures.map { "\($0) p99 (mean of windows 3 to 10)" }
        for (position, what) in names.enumerated() {
            TheoryRun.report(
                "sampled \(what)", measured: sampled[position], expected: full[position],
                tolerance: "5 %")
            XCTAssertGreaterThan(full[position], 0, what)
            XCTAssertEqual(
                sampled[position], full[position], accuracy: 0.05 * full[position], what)
        }
    }

    /// Sampling follows the offered rate: it starts when a command raises the load above
    /// the threshold and stops when the load falls back, and the clients' counts stay whole
    /// requests throughout.
    func testSamplingFollowsTheOfferedRate() throws {
        let session = try TheoryRun.session(
            Self.layout(sampleAbove: 20_000), name: "flood", seed: 3)
        XCTAssertEqual(session.submit("load rate 10000").isApplied, true)
        session.advance(to: 2 * Micros.perSecond, eventBudget: .max)
        XCTAssertEqual(session.simulation.snapshot().sampleRatio, 1)
        XCTAssertEqual(session.submit("load spike x7 for 2s").isApplied, true)
        session.advance(to: 3 * Micros.perSecond, eventBudget: .max)
        XCTAssertEqual(session.simulation.snapshot().sampleRatio, 0.25, "70,000 req/s: 1 in 4")
        session.advance(to: 6 * Micros.perSecond, eventBudget: .max)
        XCTAssertEqual(session.simulation.snapshot().sampleRatio, 1, "the spike is over")
        let started = Totals(session, "client")["started"]
        let completed = Totals(session, "client")["completed"]
        let inFlight = session.simulation.snapshot().components[0].metrics.first {
            $0.key == "inFlight"
        }!.value
        XCTAssertEqual(started, completed + inFlight)
        let offered: Double = 10_000 * 4 + 70_000 * 2
        XCTAssertEqual(
            started, offered, accuracy: 0.02 * offered, "the clients started what was offered")
    }
}
