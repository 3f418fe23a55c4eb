import Architecture
import SimKernel
import XCTest

/// Compares two snapshots bit for bit through their printed form, where an undefined
/// figure (NaN, such as a hit ratio with no lookups) equals itself, as it does in logs.
func sameFigures(_ first: SimSnapshot, _ second: SimSnapshot) -> Bool {
    String(describing: first) == String(describing: second)
}

final class DeterminismTests: XCTestCase {
    private let script: [(Double, EngineCommand)] = [
        (3, .fail(target: "cache.node-1", fault: .kill)),
        (5, .set(component: "lb", setting: "algorithm", value: "least-connections", options: [])),
        (6, .spike(factor: 2, duration: 2_000_000)),
        (8, .recoverAll),
    ]

    func testSameSeedAndCommandsGiveIdenticalSnapshots() throws {
        let first = try Fixtures.run(Fixtures.blueprint(), seed: 11, seconds: 10, commands: script)
        let second = try Fixtures.run(Fixtures.blueprint(), seed: 11, seconds: 10, commands: script)
        XCTAssertTrue(sameFigures(first.snapshot(), second.snapshot()))
        XCTAssertEqual(first.eventsProcessed, second.eventsProcessed)
    }

    func testDifferentSeedGivesDifferentFigures() throws {
        let first = try Fixtures.run(Fixtures.blueprint(), seed: 11, seconds: 6)
        let second = try Fixtures.run(Fixtures.blueprint(), seed: 12, seconds: 6)
        XCTAssertNotEqual(
            first.snapshot().figure("client", "p99"), second.snapshot().figure("client", "p99"))
    }

    /// Advancing in many small steps or one big one must not change anything: the run loop
    /// advances by frames, a replay by log records.
    func testChunkedAdvanceMatchesOneAdvance() throws {
        let whole = try Simulation(spec: Fixtures.blueprint(), seed: 3)
        whole.advance(to: 4_000_000)
        let chunked = try Simulation(spec: Fixtures.blueprint(), seed: 3)
        var time: SimTime = 0
        while time < 4_000_000 {
            time = min(4_000_000, time + 16_667)
            while !chunked.advance(to: time, eventBudget: 500) {}
        }
        XCTAssertTrue(sameFigures(whole.snapshot(), chunked.snapshot()))
    }

    func testEventBudgetStopsOnlyBetweenDistinctTimes() throws {
        let simulation = try Simulation(spec: Fixtures.blueprint(), seed: 5)
        let reached = simulation.advance(to: 2_000_000, eventBudget: 100)
        XCTAssertFalse(reached)
        XCTAssertLessThan(simulation.now, 2_000_000)
        if let next = simulation.kernel.nextTime {
            XCTAssertGreaterThan(next, simulation.now, "an event at the stopping time was left")
        }
    }
}
