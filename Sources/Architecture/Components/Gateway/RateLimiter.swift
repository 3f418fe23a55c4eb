import SimKernel

/// The rate-limiting algorithms a gateway can switch between.
enum RateLimitAlgorithm: String, CaseIterable {
    case tokenBucket = "token-bucket"
    case leakyBucket = "leaky-bucket"
    case fixedWindow = "fixed-window"
    case slidingWindow = "sliding-window"
}

/// Admits or refuses requests at a configured rate, by one of four algorithms.
///
/// The token bucket counts in millionths of a token, so a refill of `rate` tokens a second
/// adds exactly `rate` units a microsecond: admitted counts are exact, with no rounding.
struct RateLimiter {
    var algorithm: RateLimitAlgorithm
    private(set) var ratePerSecond: Int64
    private(set) var burst: Int64
    private static let unitsPerToken: Int64 = 1_000_000
    private static let windowMicros: SimTime = Micros.perSecond

    private var tokenUnits: Int64
    private var lastRefill: SimTime = 0
    private var nextLeak: SimTime = 0
    private var windowStart: SimTime = 0
    private var windowCount: Int64 = 0
    private var previousWindowCount: Int64 = 0

    init(algorithm: RateLimitAlgorithm, ratePerSecond: Int64, burst: Int64) {
        precondition(ratePerSecond > 0, "a rate limit must be positive")
        precondition(burst > 0, "a burst must be positive")
        self.algorithm = algorithm
        self.ratePerSecond = ratePerSecond
        self.burst = burst
        tokenUnits = burst * RateLimiter.unitsPerToken
    }

    /// Decides for one request at `now`. Returns the delay to wait before passing (the
    /// leaky bucket shapes; the others pass at once), or nil to refuse.
    mutating func admit(at now: SimTime) -> SimTime? {
        switch algorithm {
        case .tokenBucket: return takeToken(at: now) ? 0 : nil
        case .leakyBucket: return leak(at: now)
        case .fixedWindow: return countFixed(at: now) ? 0 : nil
        case .slidingWindow: return countSliding(at: now) ? 0 : nil
        }
    }

    private mutating func takeToken(at now: SimTime) -> Bool {
        let capacity = burst * RateLimiter.unitsPerToken
        let elapsed = min(now - lastRefill, capacity / ratePerSecond + 1)
        tokenUnits = min(capacity, tokenUnits + elapsed * ratePerSecond)
        lastRefill = now
        guard tokenUnits >= RateLimiter.unitsPerToken else { return false }
        tokenUnits -= RateLimiter.unitsPerToken
        return true
    }

    /// A leaky bucket as a queue: requests leave at an even pace; one that would wait
    /// longer than the bucket holds is refused.
    private mutating func leak(at now: SimTime) -> SimTime? {
        let spacing = max(1, Micros.perSecond / ratePerSecond)
        let departure = max(now, nextLeak)
        guard departure - now <= spacing * burst else { return nil }
        nextLeak = departure + spacing
        return departure - now
    }

    private mutating func rollWindow(at now: SimTime) {
        let window = RateLimiter.windowMicros
        let start = now - now % window
        if start != windowStart {
            previousWindowCount = start - windowStart == window ? windowCount : 0
            windowStart = start
            windowCount = 0
        }
    }

    private mutating func countFixed(at now: SimTime) -> Bool {
        rollWindow(at: now)
        guard windowCount < ratePerSecond else { return false }
        windowCount += 1
        return true
    }

    /// The sliding-window counter: the previous window's count weighted by how much of it
    /// still overlaps the last second, plus this window's count.
    private mutating func countSliding(at now: SimTime) -> Bool {
        rollWindow(at: now)
        let window = RateLimiter.windowMicros
        let overlap = window - (now - windowStart)
        let weighted = previousWindowCount * overlap / window + windowCount
        guard weighted < ratePerSecond else { return false }
        windowCount += 1
        return true
    }

    mutating func reconfigure(ratePerSecond: Int64, burst: Int64) {
        self.ratePerSecond = max(1, ratePerSecond)
        self.burst = max(1, burst)
        tokenUnits = min(tokenUnits, self.burst * RateLimiter.unitsPerToken)
    }
}
