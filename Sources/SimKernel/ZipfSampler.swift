#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Draws ranks 0..<count with Zipf popularity: rank k has weight 1 / (k + 1)^exponent.
///
/// Walker's alias method: O(count) to build, O(1) per draw, so a hot request path pays
/// two random numbers and one table read for a key. Each column's threshold and alias sit
/// side by side, so a draw from a key space larger than the processor's caches misses the
/// cache once, not twice.
public struct ZipfSampler: Sendable {
    public let count: Int
    public let exponent: Double
    @usableFromInline var columns: [AliasColumn]
    /// The probability of each rank, kept for tests and for the theory that checks them.
    public private(set) var weights: [Double]

    /// The largest key space accepted; bounds the tables at a few tens of megabytes.
    public static let countLimit = 2_000_000

    public init(count: Int, exponent: Double) {
        precondition(count > 0, "a Zipf sampler needs at least one rank")
        precondition(count <= ZipfSampler.countLimit, "key space too large")
        precondition(exponent >= 0, "the Zipf exponent must not be negative")
        self.count = count
        self.exponent = exponent
        var weights = [Double](repeating: 0, count: count)
        var total = 0.0
        for rank in 0..<count {
            let weight = 1 / pow(Double(rank + 1), exponent)
            weights[rank] = weight
            total += weight
        }
        for rank in 0..<count { weights[rank] /= total }
        self.weights = weights
        let (probability, alias) = ZipfSampler.buildAlias(weights)
        columns = zip(probability, alias).map {
            AliasColumn(probability: $0.0, alias: $0.1)
        }
    }

    private static func buildAlias(_ weights: [Double]) -> ([Double], [Int32]) {
        let count = weights.count
        var scaled = weights.map { $0 * Double(count) }
        var probability = [Double](repeating: 1, count: count)
        var alias = [Int32](repeating: 0, count: count)
        var small: [Int] = []
        var large: [Int] = []
        for index in 0..<count {
            if scaled[index] < 1 { small.append(index) } else { large.append(index) }
        }
        while let less = small.popLast(), let more = large.last {
            probability[less] = scaled[less]
            alias[less] = Int32(more)
            scaled[more] -= 1 - scaled[less]
            if scaled[more] < 1 {
                large.removeLast()
                small.append(more)
            }
        }
        for index in large { probability[index] = 1 }
        for index in small { probability[index] = 1 }
        return (probability, alias)
    }

    /// Draws one rank; rank 0 is the most popular. A single rank takes no random number.
    @inlinable @inline(__always)
    public func draw(using random: inout RandomStream) -> Int {
        if count == 1 { return 0 }
        let column = random.nextInt(below: count)
        let entry = columns[column]
        return random.nextUnit() < entry.probability ? column : Int(entry.alias)
    }
}

/// One column of the alias table: keep the column's own rank below `probability`, else
/// take `alias`.
@usableFromInline
struct AliasColumn: Sendable {
    @usableFromInline var probability: Double
    @usableFromInline var alias: Int32

    @usableFromInline
    init(probability: Double, alias: Int32) {
        self.probability = probability
        self.alias = alias
    }
}
