import Session
import SimKernel
import XCTest

/// The gateway's token bucket, through a running client → gateway → backend layout, with
/// exact admitted counts.
///
/// A bucket of capacity B refilled at R tokens a second, full at the start and offered
/// requests far faster than R, admits B at once and then one per refill: over a stream
/// that lasts t seconds from its first request, B + ⌊R·t⌋ in all. The streams below last a
/// whole number of refills and a half, so the count is exact whatever the microseconds of
/// the first and last request: the next token is half a refill interval away at either end,
/// and at these request rates the chance that no request comes within that half interval
/// is below e^−9.
final class TokenBucketTheoryTests: XCTestCase {
    static func layout(rate: Int, limit: Int, burst: Int) -> String {
        """
        {
          name: "token-bucket",
          workload: { rate: \(rate), readRatio: 1, keys: 1, clients: 1, badAuthRatio: 0 },
          components: [
            { name: "gateway", kind: "api-gateway",
              params: { workers: 4096, queueLimit: 100000, serviceTime: "1us",
                        rateLimit: \(limit), burst: \(burst), limiter: "token-bucket" } },
            { name: "backend", kind: "backend",
              params: { speeds: [1], workers: 1024, queueLimit: 100000, serviceTime: "1us" } },
          ],
          connections: [ { from: "client", to: "gateway" }, { from: "gateway", to: "backend" } ],
        }
        """
    }

    /// An idle bucket fills to its burst; then 100,000 requests a second for 105 ms (about
    /// 10,500 requests) take the 500 stored tokens and the 10 refilled at 100 a second.
    func testABurstTakesTheBucketThenTheRefill() throws {
        let session = try TheoryRun.session(
            Self.layout(rate: 0, limit: 100, burst: 500), name: "token-bucket", seed: 8)
        session.advance(to: 10 * Micros.perSecond, eventBudget: .max)
        XCTAssertEqual(session.submit("load rate 100000").isApplied, true)
        session.advance(to: 10 * Micros.perSecond + 105_000, eventBudget: .max)
        XCTAssertEqual(session.submit("load rate 0").isApplied, true)
        session.advance(to: 11 * Micros.perSecond, eventBudget: .max)
        check(session, expected: 500 + Int((100 * 0.105).rounded(.down)), what: "burst")
    }

    /// 2,000 requests a second for 60.005 s against 100 a second with a burst of 50: the
    /// 50 stored, then 6,000 refills.
    func testASteadyStreamAboveTheRateGetsExactlyTheRate() throws {
        let session = try TheoryRun.session(
            Self.layout(rate: 2_000, limit: 100, burst: 50), name: "token-bucket", seed: 9)
        session.advance(to: 60 * Micros.perSecond + 5_000, eventBudget: .max)
        check(session, expected: 50 + Int((100 * 60.005).rounded(.down)), what: "steady stream")
    }

    /// 80 requests a second against 100 with a burst of 50 are never refused: the bucket
    /// would have to fall 50 tokens behind a stream that gains 20 a second on it.
    func testAStreamBelowTheRateIsNeverRefused() throws {
        let session = try TheoryRun.session(
            Self.layout(rate: 80, limit: 100, burst: 50), name: "token-bucket", seed: 10)
        session.advance(to: 120 * Micros.perSecond, eventBudget: .max)
        let started = Int(Totals(session, "client")["started"])
        XCTAssertGreaterThan(started, 9_000)
        check(session, expected: started, what: "stream below the rate")
    }

    private func check(_ session: LiveSession, expected: Int, what: String) {
        let gateway = Totals(session, "gateway")
        let started = Int(Totals(session, "client")["started"])
        let admitted = Int(gateway["passedLimiter"])
        TheoryRun.report(
            "token bucket, \(what): admitted", measured: Double(admitted),
            expected: Double(expected), tolerance: "exact")
        XCTAssertEqual(admitted, expected, what)
        XCTAssertEqual(Int(gateway["rejected429"]), started - admitted, "\(what): 429s")
        XCTAssertEqual(Int(gateway["rejected503"]) + Int(gateway["rejected401"]), 0, what)
    }
}

extension SubmitOutcome {
    var isApplied: Bool {
        if case .applied = self { return true }
        return false
    }
}
