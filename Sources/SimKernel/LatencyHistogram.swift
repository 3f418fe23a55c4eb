/// A log-linear histogram of durations in microseconds, for percentiles without storing
/// samples.
///
/// Each power of two is cut into 32 equal buckets, so any percentile it reports is within
/// about 3 % of the true sample. Memory is fixed (1,216 counters) whatever the count.
public struct LatencyHistogram: Sendable, Equatable {
    @usableFromInline static let subBucketBits = 5
    @usableFromInline static let subBucketCount = 1 << subBucketBits
    static let octaveCount = 38
    @usableFromInline static let bucketCount = (octaveCount + 1) * subBucketCount

    @usableFromInline var counts: [UInt32]
    @usableFromInline var count: Int = 0
    @usableFromInline var sum: Int64 = 0
    @usableFromInline var largest: Int64 = 0

    public var totalCount: Int { count }
    public var sumMicros: Int64 { sum }
    public var maxMicros: Int64 { largest }

    public init() {
        counts = [UInt32](repeating: 0, count: LatencyHistogram.bucketCount)
    }

    @inlinable @inline(__always)
    static func bucketIndex(_ micros: Int64) -> Int {
        let value = UInt64(max(0, micros))
        if value < UInt64(subBucketCount) { return Int(value) }
        let octave = 63 - value.leadingZeroBitCount - subBucketBits
        let sub = Int(value >> UInt64(octave)) - subBucketCount
        let index = (octave + 1) * subBucketCount + sub
        return min(index, bucketCount - 1)
    }

    /// The middle value of a bucket, reported for percentiles that fall in it.
    static func bucketMiddle(_ index: Int) -> Int64 {
        if index < subBucketCount { return Int64(index) }
        let octave = index / subBucketCount - 1
        let sub = index % subBucketCount
        let low = Int64(sub + subBucketCount) << Int64(octave)
        let width = Int64(1) << Int64(octave)
        return low + width / 2
    }

    /// Records one duration. Inlined into the engine: every answered request records one.
    @inlinable @inline(__always)
    public mutating func record(_ micros: Int64) {
        let index = LatencyHistogram.bucketIndex(micros)
        counts[index] &+= 1
        count += 1
        sum &+= micros
        if micros > largest { largest = micros }
    }

    /// Records `times` requests that took the same duration (a sampled request stands for
    /// several).
    @inlinable @inline(__always)
    public mutating func record(_ micros: Int64, times: Int) {
        let index = LatencyHistogram.bucketIndex(micros)
        counts[index] &+= UInt32(truncatingIfNeeded: times)
        count += times
        sum &+= micros &* Int64(times)
        if micros > largest { largest = micros }
    }

    public var meanMicros: Double {
        totalCount == 0 ? 0 : Double(sumMicros) / Double(totalCount)
    }

    /// The duration below which `fraction` of the samples fall (0 when empty).
    public func percentile(_ fraction: Double) -> Int64 {
        guard totalCount > 0 else { return 0 }
        let rank = max(1, Int((fraction * Double(totalCount)).rounded(.up)))
        var seen = 0
        for index in 0..<counts.count {
            seen += Int(counts[index])
            if seen >= rank { return min(LatencyHistogram.bucketMiddle(index), maxMicros) }
        }
        return maxMicros
    }

    public mutating func reset() {
        guard totalCount > 0 else { return }
        for index in 0..<counts.count { counts[index] = 0 }
        count = 0
        sum = 0
        largest = 0
    }

    public mutating func merge(_ other: LatencyHistogram) {
        for index in 0..<counts.count { counts[index] &+= other.counts[index] }
        count += other.count
        sum &+= other.sum
        largest = max(largest, other.largest)
    }
}
