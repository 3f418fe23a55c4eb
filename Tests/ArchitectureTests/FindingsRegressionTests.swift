import Architecture
import SimKernel
import XCTest

/// Behaviours a first tester found wrong, kept right.
final class FindingsRegressionTests: XCTestCase {
    func testRemovingACacheNodeWhileLookupsAreInFlightIsSafe() throws {
        for partitioning in ["mod", "consistent"] {
            let spec = Fixtures.blueprint(cache: [ParamField("hashing", .string(partitioning))])
            let simulation = try Fixtures.run(
                spec, seconds: 12,
                commands: [
                    (4, .scale(component: "cache", delta: 1)),
                    (8, .scale(component: "cache", delta: -2)),
                ])
            XCTAssertEqual(simulation.snapshot().component("cache")?.nodes.count, 2)
        }
    }

    /// Before the first window closes, and for jobs when none ran, window figures are
    /// undefined ('-'), not a measured zero.
    func testWindowFiguresAreUndefinedBeforeTheFirstWindow() throws {
        let early = try Fixtures.run(Fixtures.blueprint(), seconds: 0.5).snapshot()
        for name in ["client", "dns", "lb", "gateway", "backend", "cache", "db", "queue"] {
            XCTAssertTrue(early.figure(name, "p99").isNaN, "\(name) p99")
            XCTAssertTrue(early.figure(name, "throughput").isNaN, "\(name) req/s")
        }
        XCTAssertTrue(early.figure("cache", "hitRatio").isNaN)
        XCTAssertTrue(early.figure("workers", "computeP95").isNaN)
        let later = try Fixtures.run(
            Fixtures.blueprint(), seconds: 6,
            commands: [(2, .fail(target: "workers", fault: .kill))]
        ).snapshot()
        XCTAssertGreaterThan(later.figure("backend", "throughput"), 0)
        XCTAssertTrue(later.figure("workers", "computeP95").isNaN, "no job ran in the window")
    }

    /// The balancer's rows for the backend nodes carry the nodes' measured load, not zeros.
    func testBalancerRowsShowTheBackendNodesLoad() throws {
        let snapshot = try Fixtures.run(Fixtures.blueprint(), seconds: 3).snapshot()
        let backend = try XCTUnwrap(snapshot.component("backend")).nodes
        let rows = try XCTUnwrap(snapshot.component("lb")).nodes.filter {
            $0.name.hasPrefix("backend.")
        }
        XCTAssertEqual(rows.map(\.name), backend.map(\.name))
        XCTAssertEqual(rows.map(\.utilisation), backend.map(\.utilisation))
        XCTAssertGreaterThan(rows.map(\.utilisation).max() ?? 0, 0)
    }

    /// A fall of more than 100% is refused, also from a rate of zero, where it used to
    /// pass as a rate of minus zero.
    func testARateCannotFallByMoreThanAHundredPercent() throws {
        let simulation = try Fixtures.run(Fixtures.blueprint(), seconds: 1)
        XCTAssertThrowsError(try simulation.apply(.adjustRate(percent: -200)))
        XCTAssertEqual(simulation.snapshot().baseRate, 2_000)
        try simulation.apply(.setRate(0))
        XCTAssertThrowsError(try simulation.apply(.adjustRate(percent: -200)))
        try simulation.apply(.adjustRate(percent: -100))
        XCTAssertEqual(simulation.snapshot().baseRate, 0)
    }

    /// Running totals are counted as they happen and survive nodes scaled away: between
    /// two windows no panel shows more refusals than answers, and no total goes down.
    func testRunningTotalsNeverFallAndCoverTheirRefusals() throws {
        // Ten times what the gateway's limiter passes, into backend nodes with one worker
        // and one queue place: most requests are refused, at the gateway and the backend.
        let spec = Fixtures.blueprint(
            rate: 100_000, cache: [ParamField("capacity", .number(50))],
            backend: [ParamField("workers", .number(1)), ParamField("queueLimit", .number(1))])
        let simulation = try Simulation(spec: spec, seed: 3)
        simulation.advance(to: 2_500_000)
        let gateway = simulation.snapshot()
        let refused = ["rejected401", "rejected429", "rejected503"].reduce(0.0) {
            $0 + (gateway.component("gateway")?.value($1) ?? 0)
        }
        XCTAssertGreaterThan(refused, 0)
        XCTAssertGreaterThanOrEqual(gateway.figure("gateway", "total"), refused)
        try simulation.apply(.setRate(200))
        try simulation.apply(.scale(component: "backend", delta: -2))
        try simulation.apply(.scale(component: "cache", delta: -1))
        var last = (
            rejected: gateway.figure("backend", "rejected"),
            evicted: gateway.figure("cache", "evictions")
        )
        XCTAssertGreaterThan(last.rejected, 0)
        XCTAssertGreaterThan(last.evicted, 0)
        for second in 3...8 {
            simulation.advance(to: SimTime(second) * Micros.perSecond)
            let snapshot = simulation.snapshot()
            let now = (
                snapshot.figure("backend", "rejected"), snapshot.figure("cache", "evictions")
            )
            XCTAssertGreaterThanOrEqual(now.0, last.rejected, "backend rejected at \(second) s")
            XCTAssertGreaterThanOrEqual(now.1, last.evicted, "cache evicted at \(second) s")
            last = now
        }
        XCTAssertEqual(simulation.snapshot().component("backend")?.nodes.count, 2)
    }

    /// A slow fault's delay stays with the requests it caught after a recovery, so it is
    /// kept to a minute.
    func testASlowFaultAddsAtMostAMinute() throws {
        let simulation = try Fixtures.run(Fixtures.blueprint(), seconds: 1)
        XCTAssertThrowsError(
            try simulation.apply(.fail(target: "db", fault: .slow(extra: 3_600 * Micros.perSecond)))
        )
        XCTAssertThrowsError(try simulation.apply(.fail(target: "db", fault: .slow(extra: 0))))
        XCTAssertNoThrow(
            try simulation.apply(.fail(target: "db", fault: .slow(extra: Micros.perMinute))))
    }

    /// Write-back spreads its flushes: the database takes no burst it must refuse, and the
    /// clients' in-flight count is only theirs.
    func testWriteBackFlushesWithoutAStormOfErrors() throws {
        let simulation = try Fixtures.run(
            Fixtures.blueprint(), seconds: 20,
            commands: [
                (
                    2,
                    .set(
                        component: "cache", setting: "write", value: "write-back",
                        options: [])
                )
            ])
        let snapshot = simulation.snapshot()
        XCTAssertEqual(snapshot.figure("db", "errors5xx"), 0)
        XCTAssertLessThan(snapshot.figure("client", "inFlight"), 60)
        XCTAssertGreaterThan(snapshot.figure("cache", "dirty"), 0)
    }

    func testFlakyBalancerAndQueueReturnErrors() throws {
        let simulation = try Fixtures.run(
            Fixtures.blueprint(), seconds: 6,
            commands: [
                (2, .fail(target: "lb", fault: .flaky(errorRatio: 0.2))),
                (2, .fail(target: "queue", fault: .flaky(errorRatio: 0.5))),
            ])
        let snapshot = simulation.snapshot()
        XCTAssertGreaterThan(snapshot.figure("lb", "errors5xx"), 200)
        XCTAssertGreaterThan(snapshot.figure("queue", "errors5xx"), 10)
    }

    func testScalingInDrainsTheNodeBeforeRemovingIt() throws {
        let simulation = try Simulation(spec: Fixtures.blueprint(), seed: 3)
        simulation.advance(to: 2_000_000)
        try simulation.apply(.scale(component: "backend", delta: -1))
        simulation.advance(to: 2_000_001)
        XCTAssertEqual(simulation.snapshot().component("backend")?.nodes.count, 4, "draining")
        simulation.advance(to: 5_000_000)
        let snapshot = simulation.snapshot()
        XCTAssertEqual(snapshot.component("backend")?.nodes.count, 3)
        XCTAssertEqual(snapshot.figure("backend", "errors5xx"), 0, "nothing was cut off")
        XCTAssertTrue(snapshot.ticker.contains { $0.text.contains("drained and removed") })
    }

    func testOneDeadNodeLeavesTheComponentDegradedNotDown() throws {
        let simulation = try Fixtures.run(
            Fixtures.blueprint(), seconds: 3,
            commands: [(1, .fail(target: "backend.node-2", fault: .kill))])
        XCTAssertEqual(simulation.snapshot().component("backend")?.health, .degraded)
        try simulation.apply(.fail(target: "backend", fault: .kill))
        XCTAssertEqual(simulation.snapshot().component("backend")?.health, .down)
    }

    func testAPartitionedLeaderIsFailedOverLikeADeadOne() throws {
        let simulation = try Fixtures.run(
            Fixtures.blueprint(), seconds: 9,
            commands: [(2, .fail(target: "db.shard-2", fault: .partition))])
        XCTAssertEqual(simulation.snapshot().figure("db", "failovers"), 1)
    }

    func testAnUnknownSetOptionIsRefused() throws {
        let simulation = try Simulation(spec: Fixtures.blueprint(), seed: 1)
        let misspelt = [CommandOption(name: "nod", value: "backend.node-2")]
        XCTAssertThrowsError(
            try simulation.apply(
                .set(component: "backend", setting: "speed", value: "0.1", options: misspelt)))
        XCTAssertNoThrow(
            try simulation.apply(
                .set(
                    component: "backend", setting: "speed", value: "0.5",
                    options: [CommandOption(name: "node", value: "backend.node-2")])))
    }

    func testScalingWorkersInLetsThemFinishTheirJobs() throws {
        let simulation = try Fixtures.run(
            Fixtures.blueprint(), seconds: 8,
            commands: [(3, .scale(component: "workers", delta: -2))])
        let snapshot = simulation.snapshot()
        XCTAssertEqual(snapshot.component("workers")?.nodes.count, 2)
        XCTAssertEqual(snapshot.figure("workers", "lost"), 0)
    }

    /// A dead node's keys find the next node on a consistent ring and the hit ratio comes
    /// back; with mod-N they keep missing. The dead node serves nothing, and when it
    /// returns its keys go back to it.
    func testConsistentHashingRoutesAroundADeadCacheNode() throws {
        func run(_ hashing: String) throws -> Simulation {
            try Fixtures.run(
                Fixtures.blueprint(cache: [ParamField("hashing", .string(hashing))]),
                seconds: 40, commands: [(20, .fail(target: "cache.node-1", fault: .kill))])
        }
        let consistent = try run("consistent").snapshot()
        let mod = try run("mod").snapshot()
        XCTAssertGreaterThan(
            consistent.figure("cache", "hitRatio"), mod.figure("cache", "hitRatio") + 0.1)
        XCTAssertEqual(consistent.component("cache")?.nodes.first?.throughput, 0)

        let simulation = try run("consistent")
        try simulation.apply(.recover(target: "cache.node-1"))
        simulation.advance(to: 50_000_000)
        XCTAssertGreaterThan(simulation.snapshot().component("cache")!.nodes[0].throughput, 100)
    }
}
