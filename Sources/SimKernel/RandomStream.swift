#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A seeded pseudo-random stream (xoshiro256**), one per component.
///
/// Each component draws from its own stream, derived from the run's seed and the
/// component's name, so adding a component or drawing more numbers in one place never
/// shifts the numbers another component sees. The system generator is never used. The
/// draws are `@inlinable`: the engine makes one or two per event.
public struct RandomStream: Sendable {
    @usableFromInline var state0: UInt64
    @usableFromInline var state1: UInt64
    @usableFromInline var state2: UInt64
    @usableFromInline var state3: UInt64

    /// Derives a stream from the run's seed and a stable stream name.
    public init(seed: UInt64, stream name: String) {
        self.init(seed: seed, streamID: stableHash(name))
    }

    public init(seed: UInt64, streamID: UInt64) {
        var mixer = SplitMix64(state: seed ^ (streamID &* 0x9E37_79B9_7F4A_7C15))
        state0 = mixer.next()
        state1 = mixer.next()
        state2 = mixer.next()
        state3 = mixer.next()
        if state0 | state1 | state2 | state3 == 0 { state0 = 1 }
    }

    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state1 &* 5, by: 7) &* 9
        let shifted = state1 << 17
        state2 ^= state0
        state3 ^= state1
        state1 ^= state2
        state0 ^= state3
        state2 ^= shifted
        state3 = rotateLeft(state3, by: 45)
        return result
    }

    /// A uniform double in [0, 1) with 53 random bits.
    @inlinable @inline(__always)
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform integer in 0..<bound, without modulo bias (Lemire's method).
    @inlinable @inline(__always)
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// True with probability `probability`.
    @inlinable @inline(__always)
    public mutating func chance(_ probability: Double) -> Bool {
        nextUnit() < probability
    }

    /// An exponentially distributed draw with the given mean.
    @inlinable @inline(__always)
    public mutating func exponential(mean: Double) -> Double {
        -mean * log1p(-nextUnit())
    }

    /// A log-normal draw with the given mean and coefficient of variation.
    public mutating func logNormal(mean: Double, variation: Double) -> Double {
        let sigmaSquared = log1p(variation * variation)
        let mu = log(mean) - sigmaSquared / 2
        return exp(mu + sqrt(sigmaSquared) * standardNormal())
    }

    /// A standard normal draw (Box-Muller; one of the pair is discarded for simplicity).
    public mutating func standardNormal() -> Double {
        let radius = sqrt(-2 * log1p(-nextUnit()))
        return radius * cos(2 * Double.pi * nextUnit())
    }
}

@inlinable @inline(__always)
func rotateLeft(_ value: UInt64, by amount: UInt64) -> UInt64 {
    (value << amount) | (value >> (64 - amount))
}

/// SplitMix64, used only to expand a seed into a full generator state.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

/// FNV-1a over UTF-8 bytes: a hash that is the same in every process, unlike `Hasher`.
public func stableHash(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash &*= 0x0000_0100_0000_01B3
    }
    return hash
}

/// Mixes an integer into a well-spread 64-bit hash (the SplitMix64 finaliser).
@inlinable @inline(__always)
public func mixHash(_ value: UInt64) -> UInt64 {
    var mixed = value &+ 0x9E37_79B9_7F4A_7C15
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
}
