import SimKernel

/// Turns wall time into simulated time: speed, pause, and the effective speed reached when
/// the engine cannot keep up. The engine never sees a clock; only this does.
struct Pacer {
    /// Speeds `speed faster` and `speed slower` step through.
    static let ladder: [Double] = [0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]
    static let speedLimit = 100_000.0

    var speed: Double
    var paused = false
    private(set) var effectiveSpeed = 0.0
    private var windowWallSeconds = 0.0
    private var windowSimMicros: SimTime = 0

    init(speed: Double) {
        self.speed = speed
    }

    /// The simulated time to aim for after `wallSeconds` of real time.
    func target(from now: SimTime, wallSeconds: Double) -> SimTime {
        guard !paused else { return now }
        let step = max(0, min(wallSeconds, 0.25)) * speed * Double(Micros.perSecond)
        return now + SimTime(step.rounded())
    }

    /// Records how far the simulation really moved in a frame, for the effective speed,
    /// averaged over about half a second.
    mutating func record(simMicros: SimTime, wallSeconds: Double) {
        guard !paused else {
            effectiveSpeed = 0
            return
        }
        windowWallSeconds += wallSeconds
        windowSimMicros += simMicros
        if windowWallSeconds >= 0.5 {
            effectiveSpeed = Micros.toSeconds(windowSimMicros) / windowWallSeconds
            windowWallSeconds = 0
            windowSimMicros = 0
        }
    }

    mutating func step(_ direction: Int) {
        if direction > 0 {
            speed = Pacer.ladder.first { $0 > speed + 1e-9 } ?? speed
        } else {
            speed = Pacer.ladder.last { $0 < speed - 1e-9 } ?? speed
        }
    }

    mutating func set(_ value: Double) {
        speed = min(Pacer.speedLimit, max(0.01, value))
    }
}
