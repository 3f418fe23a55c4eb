import SimKernel
import XCTest

@testable import Architecture

final class PartitioningTests: XCTestCase {
    private func movedShare(_ partitioning: Partitioning, from nodes: Int) -> Double {
        let before = HashRing(partitioning: partitioning, nodeCount: nodes)
        let after = HashRing(partitioning: partitioning, nodeCount: nodes + 1)
        let keys = 50_000
        let moved = (0..<keys).filter { before.node(for: Int32($0)) != after.node(for: Int32($0)) }
        return Double(moved.count) / Double(keys)
    }

    /// Adding a fifth node: mod-N moves n/(n+1) of the keys, consistent hashing ~1/(n+1).
    func testKeysMovedWhenANodeIsAdded() {
        XCTAssertEqual(movedShare(.mod, from: 4), 4.0 / 5.0, accuracy: 0.01)
        XCTAssertEqual(movedShare(.consistent, from: 4), 1.0 / 5.0, accuracy: 0.05)
    }

    func testVirtualNodesEvenTheSpread() {
        func worstShare(virtualNodes: Int) -> Double {
            let ring = HashRing(partitioning: .consistent, nodeCount: 8, virtualNodes: virtualNodes)
            var counts = [Int](repeating: 0, count: 8)
            for key in 0..<80_000 { counts[ring.node(for: Int32(key))] += 1 }
            return Double(counts.max()!) / 10_000
        }
        XCTAssertGreaterThan(worstShare(virtualNodes: 1), 1.5)
        XCTAssertLessThan(worstShare(virtualNodes: 200), 1.2)
    }
}

final class RateLimiterTests: XCTestCase {
    func testTokenBucketAdmitsTheBurstThenTheRate() {
        var limiter = RateLimiter(algorithm: .tokenBucket, ratePerSecond: 100, burst: 20)
        let burst = (0..<50).filter { _ in limiter.admit(at: 0) != nil }.count
        XCTAssertEqual(burst, 20)
        // A steady 1,000 req/s for one second: 100 refilled tokens admit exactly 100.
        var admitted = 0
        for step in 1...1_000 where limiter.admit(at: SimTime(step) * 1_000) != nil {
            admitted += 1
        }
        XCTAssertEqual(admitted, 100)
    }

    func testFixedWindowResetsEachSecond() {
        var limiter = RateLimiter(algorithm: .fixedWindow, ratePerSecond: 10, burst: 1)
        let first = (0..<30).filter { _ in limiter.admit(at: 999_999) != nil }.count
        let second = (0..<30).filter { _ in limiter.admit(at: 1_000_000) != nil }.count
        XCTAssertEqual(first, 10)
        XCTAssertEqual(second, 10, "a fixed window lets 2x the rate through across a boundary")
    }

    func testSlidingWindowSmoothsTheBoundary() {
        var limiter = RateLimiter(algorithm: .slidingWindow, ratePerSecond: 10, burst: 1)
        let first = (0..<30).filter { _ in limiter.admit(at: 999_999) != nil }.count
        let second = (0..<30).filter { _ in limiter.admit(at: 1_000_000) != nil }.count
        XCTAssertEqual(first, 10)
        XCTAssertEqual(second, 0, "the previous window still fills the last second")
    }

    func testLeakyBucketShapesInsteadOfBursting() {
        var limiter = RateLimiter(algorithm: .leakyBucket, ratePerSecond: 100, burst: 5)
        let waits = (0..<10).map { _ in limiter.admit(at: 0) }
        XCTAssertEqual(waits.prefix(6).map { $0 }, [0, 10_000, 20_000, 30_000, 40_000, 50_000])
        XCTAssertNil(waits[6])
    }
}
