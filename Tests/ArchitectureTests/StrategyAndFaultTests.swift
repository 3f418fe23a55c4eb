import Architecture
import SimKernel
import XCTest

final class StrategyAndFaultTests: XCTestCase {
    func testKillingACacheNodeLowersHitRatioAndRaisesDatabaseLoad() throws {
        let before = try Fixtures.run(Fixtures.blueprint(), seconds: 30).snapshot()
        let after = try Fixtures.run(
            Fixtures.blueprint(), seconds: 30,
            commands: [(29, .fail(target: "cache.node-1", fault: .kill))]
        ).snapshot()
        XCTAssertLessThan(
            after.figure("cache", "hitRatio"), before.figure("cache", "hitRatio") - 0.1)
        XCTAssertGreaterThan(after.figure("db", "reads"), before.figure("db", "reads") * 1.2)
    }

    /// With nodes of speeds 1, 1, 0.5 and 0.25 and enough load to saturate the slowest,
    /// round robin keeps feeding it while least connections steers around it.
    func testLeastConnectionsBeatsRoundRobinOnP99WithUnequalNodes() throws {
        func p99(_ algorithm: String) throws -> Double {
            let spec = Fixtures.blueprint(
                rate: 4_000, lb: [ParamField("algorithm", .string(algorithm))])
            return try Fixtures.run(spec, seed: 21, seconds: 20).snapshot().figure("lb", "p99")
        }
        let roundRobin = try p99("round-robin")
        let leastConnections = try p99("least-connections")
        XCTAssertLessThan(leastConnections, roundRobin * 0.5)
    }

    func testShardLeaderDownFailsWritesUntilFollowerIsPromoted() throws {
        let simulation = try Simulation(spec: Fixtures.blueprint(), seed: 9)
        simulation.advance(to: 5_000_000)
        try simulation.apply(.fail(target: "db.shard-1", fault: .kill))
        simulation.advance(to: 7_000_000)
        let during = simulation.snapshot()
        XCTAssertGreaterThan(during.figure("db", "refusedWrites"), 0)
        XCTAssertGreaterThan(during.figure("db", "errors5xx"), 0)
        XCTAssertEqual(during.figure("db", "failovers"), 0)

        simulation.advance(to: 12_000_000)
        let after = simulation.snapshot()
        XCTAssertEqual(after.figure("db", "failovers"), 1)
        XCTAssertEqual(after.figure("db", "errors5xx"), 0, "writes redirect to the new leader")
        XCTAssertTrue(after.ticker.contains { $0.text.contains("promoted") })
    }

    func testDeadFollowerMakesReplicationLagGrow() throws {
        let simulation = try Simulation(spec: Fixtures.blueprint(), seed: 4)
        simulation.advance(to: 3_000_000)
        let healthyLag = simulation.snapshot().figure("db", "lag")
        try simulation.apply(.fail(target: "db.shard-2.replica", fault: .kill))
        simulation.advance(to: 8_000_000)
        let lag = simulation.snapshot().figure("db", "lag")
        XCTAssertGreaterThan(lag, 4_000_000)
        XCTAssertLessThan(healthyLag, 100_000)
        try simulation.apply(.recover(target: "db.shard-2.replica"))
        simulation.advance(to: 14_000_000)
        XCTAssertLessThan(simulation.snapshot().figure("db", "backlog"), 50, "it catches up")
    }

    func testBalancerMarksADeadNodeDownOnlyAfterMissedHeartbeats() throws {
        let simulation = try Simulation(spec: Fixtures.blueprint(), seed: 2)
        simulation.advance(to: 2_000_000)
        try simulation.apply(.fail(target: "backend.node-2", fault: .kill))
        simulation.advance(to: 2_400_000)
        XCTAssertEqual(simulation.snapshot().figure("lb", "nodesUp"), 4, "not detected yet")
        simulation.advance(to: 4_000_000)
        XCTAssertEqual(simulation.snapshot().figure("lb", "nodesUp"), 3)
        simulation.advance(to: 5_000_000)
        XCTAssertEqual(simulation.snapshot().figure("backend", "errors5xx"), 0)
    }

    func testGatewayRateLimiterRejectsASpikeWith429() throws {
        let simulation = try Fixtures.run(
            Fixtures.blueprint(), seconds: 6, commands: [(3, .setRate(20_000))])
        XCTAssertGreaterThan(simulation.snapshot().figure("gateway", "rejected429"), 1_000)
    }

    func testEvictionPolicyChangesHitRatio() throws {
        func hitRatio(_ policy: String) throws -> Double {
            let spec = Fixtures.blueprint(cache: [
                ParamField("eviction", .string(policy)), ParamField("capacity", .number(1_000)),
            ])
            return try Fixtures.run(spec, seconds: 20).snapshot().figure("cache", "hitRatio")
        }
        XCTAssertGreaterThan(try hitRatio("lru"), try hitRatio("mru") + 0.05)
    }

    func testUnknownTargetsAndSettingsAreRefusedWithoutChange() throws {
        let simulation = try Simulation(spec: Fixtures.blueprint(), seed: 1)
        simulation.advance(to: 1_000_000)
        let before = simulation.snapshot()
        XCTAssertThrowsError(try simulation.apply(.fail(target: "db.shard-9", fault: .kill)))
        XCTAssertThrowsError(try simulation.apply(.recover(target: "nothing")))
        XCTAssertThrowsError(
            try simulation.apply(
                .set(component: "lb", setting: "algorithm", value: "x", options: [])))
        XCTAssertThrowsError(try simulation.apply(.setRate(-5)))
        XCTAssertTrue(sameFigures(simulation.snapshot(), before))
    }

    func testCycleWalksTheStrategyList() throws {
        let simulation = try Simulation(spec: Fixtures.blueprint(), seed: 1)
        try simulation.apply(.cycle(component: "lb", setting: "", step: 1))
        XCTAssertEqual(
            simulation.snapshot().component("lb")?.strategies.first?.value, "weighted-round-robin")
        try simulation.apply(.cycle(component: "lb", setting: "", step: -1))
        try simulation.apply(.cycle(component: "lb", setting: "", step: -1))
        XCTAssertEqual(simulation.snapshot().component("lb")?.strategies.first?.value, "random")
    }
}
