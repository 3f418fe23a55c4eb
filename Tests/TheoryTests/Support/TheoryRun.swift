import Architecture
import Dispatch
import Foundation
import Session
import SimKernel

/// Runs small layouts through the real engine, headless, the way a layout file and a
/// session would, and reads their whole-run figures.
enum TheoryRun {
    /// A session with no log over a layout given as JSON5 text.
    static func session(_ text: String, name: String, seed: UInt64) throws -> LiveSession {
        let layout = try LayoutLoader.parse(text: text, path: "\(name).json5")
        return try LiveSession(layout: layout, seed: seed, log: nil)
    }

    /// Runs `count` independent jobs spread over the processor's cores and returns their
    /// results in order. Each job builds and owns its own simulation; nothing is shared.
    static func parallel<Value>(
        _ count: Int, _ job: @Sendable (Int) throws -> Value
    ) throws -> [Value] {
        let results = ResultSlots<Value>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.store(Result { try job(index) }, at: index)
        }
        return try results.values()
    }

    /// Whether the long checks were asked for (`BLUEPRINT_THEORY_FULL=1`).
    static var fullRequested: Bool {
        ProcessInfo.processInfo.environment["BLUEPRINT_THEORY_FULL"] == "1"
    }

    /// Prints one measured figure against its expected value, so a test log records what
    /// each check saw and not only whether it passed.
    static func report(_ what: String, measured: Double, expected: Double, tolerance: String) {
        let relative = expected == 0 ? 0 : (measured / expected - 1) * 100
        print(
            "theory: \(what): measured \(formatFixed(measured, decimals: 4)), expected "
                + "\(formatFixed(expected, decimals: 4)) (\(formatFixed(relative, decimals: 2)) %"
                + ", tolerance \(tolerance))")
    }
}

/// One component's whole-run figures at one moment, by key.
struct Totals {
    let metrics: [Metric]

    init(_ session: LiveSession, _ component: String) {
        metrics = session.simulation.totals(of: component)
    }

    subscript(key: String) -> Double {
        metrics.first { $0.key == key }?.value ?? .nan
    }
}

/// Slots that concurrent jobs fill, one each; read once every job has finished.
private final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Result<Value, any Error>?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func store(_ result: Result<Value, any Error>, at index: Int) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func values() throws -> [Value] {
        try slots.map { try $0!.get() }
    }
}
