import SimKernel
import XCTest

/// One cache node under Zipf reads against the theory of each eviction policy: Che's
/// approximation for LRU, the characteristic-time approximation for FIFO and random, and
/// the static top-C optimum for LFU.
///
/// The layout keeps everything else out of the way: reads only, one node, a TTL of a day
/// (runs last two simulated minutes), lookups and database reads of a microsecond at 1,000
/// requests a second, so a key is almost never requested again while it is being loaded.
/// The hit ratio counts from the end of a warm-up of 15,000 requests (the cache is full
/// after at most a few thousand) over the next 60,000.
///
/// Tolerance 0.02: over 60,000 requests the hit ratio has a standard deviation of about
/// 0.002 (measured over six seeds), and the approximations are within 0.001 of exact at a
/// key space of 10,000; 0.02 covers both many times over, yet is half the gap between LRU
/// and FIFO here, so a policy that behaved like another would fail.
final class CacheTheoryTests: XCTestCase {
    static let tolerance = 0.02
    static let warmUpRequests = 15_000
    static let measuredRequests = 60_000
    static let ratePerSecond = 1_000

    struct Setting: Sendable {
        var keys: Int
        var exponent: Double
        var capacity: Int
    }

    static let settings = [
        Setting(keys: 10_000, exponent: 0.8, capacity: 1_000),
        Setting(keys: 10_000, exponent: 1.0, capacity: 100),
    ]
    static let policies = ["lru", "fifo", "random", "lfu"]

    func testEvictionPoliciesMatchTheirTheory() throws {
        let jobs = Self.settings.flatMap { setting in Self.policies.map { (setting, $0) } }
        let measured = try TheoryRun.parallel(jobs.count) { index in
            try Self.hitRatio(jobs[index].0, policy: jobs[index].1, seed: 40 + UInt64(index))
        }
        for (position, setting) in Self.settings.enumerated() {
            let ratios = Dictionary(
                uniqueKeysWithValues: Self.policies.enumerated().map {
                    ($1, measured[position * Self.policies.count + $0])
                })
            check(setting, ratios)
        }
    }

    private func check(_ setting: Setting, _ measured: [String: Double]) {
        let popularity = CacheTheory.zipf(count: setting.keys, exponent: setting.exponent)
        let label = "N=\(setting.keys) zipf \(setting.exponent) C=\(setting.capacity)"
        let lru = CacheTheory.lruHitRatio(popularity: popularity, capacity: setting.capacity)
        let fifo = CacheTheory.fifoHitRatio(popularity: popularity, capacity: setting.capacity)
        let best = CacheTheory.topHitRatio(popularity: popularity, capacity: setting.capacity)
        for (policy, expected) in [("lru", lru), ("fifo", fifo), ("random", fifo)] {
            TheoryRun.report(
                "\(label) \(policy) hit ratio", measured: measured[policy]!, expected: expected,
                tolerance: "±0.02")
            XCTAssertEqual(
                measured[policy]!, expected, accuracy: Self.tolerance, "\(label) \(policy)")
        }
        checkLFU(label, measured["lfu"]!, lru: lru, best: best)
    }

    /// The engine's LFU counts a key's requests only while it is cached (as Redis does), so
    /// a key evicted once starts again from one: the cache settles on the keys that won
    /// early and stays a little below the top-C optimum (0.03 to 0.06 here) instead of
    /// converging to it, as a perfect LFU that remembered every count would. What theory
    /// still demands: no policy beats the optimum (beyond three standard deviations of
    /// sampling, 0.005), and counting frequencies under independent requests must recover
    /// at least half of what recency (LRU, by Che) leaves below the optimum.
    private func checkLFU(_ label: String, _ measured: Double, lru: Double, best: Double) {
        TheoryRun.report(
            "\(label) lfu hit ratio (top-C optimum)", measured: measured, expected: best,
            tolerance: "at most +0.005, at least halfway from LRU")
        XCTAssertLessThanOrEqual(measured, best + 0.005, "\(label): LFU beat the optimum")
        XCTAssertGreaterThanOrEqual(
            measured, lru + (best - lru) / 2, "\(label): LFU is no better than recency")
    }

    // MARK: Running

    static func layout(_ setting: Setting, policy: String) -> String {
        """
        {
          name: "cache-theory",
          workload: { rate: \(ratePerSecond), readRatio: 1, keys: \(setting.keys),
                      zipf: \(setting.exponent), clients: 1, badAuthRatio: 0 },
          components: [
            { name: "cache", kind: "cache",
              params: { nodes: 1, capacity: \(setting.capacity), eviction: "\(policy)",
                        ttl: "24h", lookupTime: "1us" } },
            { name: "db", kind: "database", params: { shards: 1, readTime: "1us" } },
          ],
          connections: [ { from: "client", to: "cache" }, { from: "cache", to: "db" } ],
        }
        """
    }

    /// The hit ratio over the measured requests, after the warm-up.
    static func hitRatio(_ setting: Setting, policy: String, seed: UInt64) throws -> Double {
        let session = try TheoryRun.session(
            layout(setting, policy: policy), name: "cache-theory", seed: seed)
        let microsPerRequest = Micros.perSecond / SimTime(ratePerSecond)
        let warmUp = SimTime(warmUpRequests) * microsPerRequest
        session.advance(to: warmUp, eventBudget: .max)
        let before = Totals(session, "cache")
        session.advance(
            to: warmUp + SimTime(measuredRequests) * microsPerRequest, eventBudget: .max)
        let after = Totals(session, "cache")
        let hits = after["hits"] - before["hits"]
        let misses = after["misses"] - before["misses"]
        return hits / (hits + misses)
    }
}
