import SimKernel
import XCTest

final class EventQueueTests: XCTestCase {
    /// Random pushes and pops against a sorted reference, ties included.
    func testPopsInTimeThenSequenceOrder() {
        var random = RandomStream(seed: 99, stream: "queue-test")
        var queue = EventQueue()
        var reference: [Event] = []
        var sequence: UInt64 = 0
        for _ in 0..<20_000 {
            if random.nextUnit() < 0.6 || reference.isEmpty {
                let event = Event(
                    time: SimTime(random.nextInt(below: 500)), sequence: sequence, target: 0,
                    kind: 0, subject: Int32(sequence % 1000), argument: 0)
                sequence += 1
                queue.push(event)
                reference.append(event)
            } else {
                reference.sort { ($0.time, $0.sequence) < ($1.time, $1.sequence) }
                XCTAssertEqual(queue.pop(), reference.removeFirst())
            }
        }
        #if DEBUG
            XCTAssertTrue(queue.checkInvariants())
        #endif
        XCTAssertEqual(queue.count, reference.count)
    }

    func testKernelRunsTiesInSchedulingOrder() {
        var kernel = Kernel()
        for subject in 0..<5 {
            kernel.schedule(at: 10, target: 0, kind: 0, subject: Int32(subject))
        }
        var seen: [Int32] = []
        while let event = kernel.popNext(notAfter: 10) { seen.append(event.subject) }
        XCTAssertEqual(seen, [0, 1, 2, 3, 4])
        XCTAssertEqual(kernel.now, 10)
    }

    func testKernelNeverSchedulesInThePast() {
        var kernel = Kernel()
        kernel.schedule(at: 100, target: 0, kind: 0)
        _ = kernel.popNext(notAfter: 100)
        kernel.schedule(at: 50, target: 0, kind: 1)
        XCTAssertEqual(kernel.nextTime, 100)
    }
}

final class RandomStreamTests: XCTestCase {
    func testSameSeedAndStreamRepeat() {
        var first = RandomStream(seed: 1, stream: "cache")
        var second = RandomStream(seed: 1, stream: "cache")
        for _ in 0..<1_000 { XCTAssertEqual(first.next(), second.next()) }
    }

    func testStreamsDifferByNameAndSeed() {
        var cache = RandomStream(seed: 1, stream: "cache")
        var database = RandomStream(seed: 1, stream: "db")
        var otherSeed = RandomStream(seed: 2, stream: "cache")
        let values = (0..<4).map { _ in cache.next() }
        XCTAssertNotEqual(values, (0..<4).map { _ in database.next() })
        XCTAssertNotEqual(values, (0..<4).map { _ in otherSeed.next() })
    }

    func testStableHashIsFixedAcrossProcesses() {
        XCTAssertEqual(stableHash(""), 0xCBF2_9CE4_8422_2325)
        XCTAssertEqual(stableHash("a"), 0xAF63_DC4C_8601_EC8C)
    }

    func testUniformIntegersCoverTheRangeEvenly() {
        var random = RandomStream(seed: 5, stream: "uniform")
        var counts = [Int](repeating: 0, count: 10)
        for _ in 0..<100_000 { counts[random.nextInt(below: 10)] += 1 }
        for count in counts { XCTAssertEqual(Double(count), 10_000, accuracy: 500) }
    }

    func testExponentialMeanMatches() {
        var random = RandomStream(seed: 8, stream: "exp")
        var sum = 0.0
        let draws = 200_000
        for _ in 0..<draws { sum += random.exponential(mean: 3) }
        XCTAssertEqual(sum / Double(draws), 3, accuracy: 0.03)
    }

    func testZipfSamplerMatchesItsWeights() {
        let sampler = ZipfSampler(count: 50, exponent: 1.0)
        var random = RandomStream(seed: 3, stream: "zipf")
        var counts = [Int](repeating: 0, count: 50)
        let draws = 400_000
        for _ in 0..<draws { counts[sampler.draw(using: &random)] += 1 }
        for rank in [0, 1, 9, 49] {
            let expected = sampler.weights[rank] * Double(draws)
            XCTAssertEqual(Double(counts[rank]), expected, accuracy: 5 * expected.squareRoot() + 1)
        }
    }
}

final class HistogramTests: XCTestCase {
    func testPercentilesWithinBucketPrecision() {
        var histogram = LatencyHistogram()
        for value in 1...10_000 { histogram.record(Int64(value)) }
        XCTAssertEqual(Double(histogram.percentile(0.5)), 5_000, accuracy: 5_000 * 0.035)
        XCTAssertEqual(Double(histogram.percentile(0.99)), 9_900, accuracy: 9_900 * 0.035)
        XCTAssertEqual(histogram.meanMicros, 5_000.5, accuracy: 0.001)
        XCTAssertLessThanOrEqual(histogram.percentile(1), 10_000)
    }

    func testEmptyAndExtremeValues() {
        var histogram = LatencyHistogram()
        XCTAssertEqual(histogram.percentile(0.99), 0)
        histogram.record(0)
        histogram.record(Int64.max / 4)
        XCTAssertEqual(histogram.percentile(0.4), 0)
        XCTAssertGreaterThan(histogram.percentile(1), 0)
        histogram.reset()
        XCTAssertEqual(histogram.totalCount, 0)
    }

    func testRingBufferKeepsTheNewest() {
        var ring = RingBuffer<Int>(capacity: 3)
        for value in 1...5 { ring.append(value) }
        XCTAssertEqual(ring.elements, [3, 4, 5])
        XCTAssertEqual(ring.last, 5)
    }

    /// The engine's own rounding gives what the C library's gives, halves and whole numbers
    /// included, for every duration it can draw.
    func testRoundingToMicrosMatchesTheLibrary() {
        var random = RandomStream(seed: 5, stream: "rounding-test")
        var values: [Double] = [0, -0.0, 0.5, 1.5, 2.5, 0.49999999999999994, 1e15 + 0.5, 4.5e15]
        values += (0..<2_000).map { _ in Double(random.nextInt(below: 1_000_000)) / 4 }
        values += (0..<2_000).map { _ in random.exponential(mean: 1_000) }
        for value in values {
            XCTAssertEqual(Micros.nearest(value), SimTime(value.rounded()), "\(value)")
            XCTAssertEqual(Micros.atOrAfter(value), SimTime(value.rounded(.up)), "\(value)")
        }
    }

    func testDurationsParseAndFormat() {
        XCTAssertEqual(parseDuration("250us"), 250)
        XCTAssertEqual(parseDuration("2ms"), 2_000)
        XCTAssertEqual(parseDuration("1.5s"), 1_500_000)
        XCTAssertEqual(parseDuration("2m"), 120_000_000)
        XCTAssertEqual(parseDuration("30"), 30_000_000)
        XCTAssertNil(parseDuration("-1s"))
        XCTAssertNil(parseDuration("abc"))
        XCTAssertNil(parseDuration("1e300s"))
        XCTAssertEqual(formatDuration(850), "850us")
        XCTAssertEqual(formatDuration(12_340), "12.3ms")
        XCTAssertEqual(formatDuration(125_000_000), "2m05s")
        XCTAssertEqual(formatFixed(-0.004, decimals: 2), "0.00")
        XCTAssertEqual(formatFixed(2.5, decimals: 0), "3")
    }
}
