import Foundation

/// Hit ratios of a cache of `capacity` items under the independent reference model: each
/// request asks for item i with a fixed probability p(i), independently of the others.
enum CacheTheory {
    /// Zipf popularity over `count` items: p(i) ∝ 1 / (i + 1)^exponent, item 0 the hottest.
    static func zipf(count: Int, exponent: Double) -> [Double] {
        let weights = (0..<count).map { 1 / pow(Double($0 + 1), exponent) }
        let total = weights.reduce(0, +)
        return weights.map { $0 / total }
    }

    /// LRU by Che's approximation (Che, Tung and Wang, 2002): an item stays cached for a
    /// characteristic time T after its last request, where T fills the cache on average,
    /// Σ (1 − e^(−p(i)·T)) = C. The hit ratio is Σ p(i)·(1 − e^(−p(i)·T)).
    static func lruHitRatio(popularity: [Double], capacity: Int) -> Double {
        let occupancy = { (item: Double, time: Double) in -expm1(-item * time) }
        let time = characteristicTime(popularity, capacity: capacity, occupancy: occupancy)
        return popularity.reduce(0) { $0 + $1 * occupancy($1, time) }
    }

    /// FIFO and random eviction, which share one hit ratio under this model (Gelenbe,
    /// 1973), by the characteristic-time approximation of Fricker, Robert and Roberts
    /// (2012) and Martina, Garetto and Leonardi (2014): an item, once in, stays for an
    /// exponential time of mean T whatever its requests, so it is cached a share
    /// p(i)·T / (1 + p(i)·T) of the time, with T chosen so that the shares sum to C.
    static func fifoHitRatio(popularity: [Double], capacity: Int) -> Double {
        let occupancy = { (item: Double, time: Double) in item * time / (1 + item * time) }
        let time = characteristicTime(popularity, capacity: capacity, occupancy: occupancy)
        return popularity.reduce(0) { $0 + $1 * occupancy($1, time) }
    }

    /// The best any policy can do without knowing the future: keep the C most popular
    /// items, which is where a perfect frequency count (LFU) settles.
    static func topHitRatio(popularity: [Double], capacity: Int) -> Double {
        popularity.sorted(by: >).prefix(capacity).reduce(0, +)
    }

    /// Solves Σ occupancy(p(i), T) = C for T by bisection on a log scale; the sum grows
    /// with T from 0 towards the item count, so the root is unique when C < count.
    private static func characteristicTime(
        _ popularity: [Double], capacity: Int, occupancy: (Double, Double) -> Double
    ) -> Double {
        precondition(capacity > 0 && capacity < popularity.count, "a cache smaller than the items")
        func filled(_ time: Double) -> Double {
            popularity.reduce(0) { $0 + occupancy($1, time) }
        }
        var low = 1e-9
        var high = 1.0
        while filled(high) < Double(capacity) { high *= 2 }
        for _ in 0..<200 {
            let middle = (low * high).squareRoot()
            if filled(middle) < Double(capacity) { low = middle } else { high = middle }
        }
        return (low * high).squareRoot()
    }
}
