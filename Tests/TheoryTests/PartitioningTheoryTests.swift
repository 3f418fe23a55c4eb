import Session
import SimKernel
import XCTest

/// Mod-N against consistent hashing, through a running cache cluster: the share of cached
/// keys that move when `scale cache +1` adds a node, and how evenly the nodes share the
/// requests with and without virtual nodes.
///
/// Keys are requested uniformly (Zipf exponent 0), so a node's load is its share of the key
/// space, and each node holds every key it owns (no eviction, a TTL of a day).
final class PartitioningTheoryTests: XCTestCase {
    static let keyCount = 20_000

    /// With mod-N hashing a key keeps its node only if hash mod n = hash mod (n + 1), which
    /// holds for 1 hash in n + 1: adding a node moves n / (n + 1) of the keys. With a ring
    /// of V points per node the new node takes the arcs in front of its own V points, a
    /// share that is Beta(V, n·V) distributed: mean 1 / (n + 1), standard deviation
    /// √(n / ((n + 1)²·((n + 1)·V + 1))), about 0.018 at n = 4 and V = 100. Tolerances are
    /// three of those deviations plus three of the binomial error of counting ~20,000 keys.
    func testKeysMovedWhenANodeIsAdded() throws {
        let jobs = [2, 4, 8].flatMap { nodes in [("mod", nodes), ("consistent", nodes)] }
        let shares = try TheoryRun.parallel(jobs.count) { index in
            try Self.movedShare(hashing: jobs[index].0, nodes: jobs[index].1)
        }
        for ((hashing, nodes), measured) in zip(jobs, shares) {
            let count = Double(nodes)
            let virtualNodes = 100.0
            let expected = hashing == "mod" ? count / (count + 1) : 1 / (count + 1)
            let counting = 3 * (expected * (1 - expected) / Double(Self.keyCount)).squareRoot()
            let ring =
                hashing == "mod"
                ? 0
                : 3
                    * (count / ((count + 1) * (count + 1) * ((count + 1) * virtualNodes + 1)))
                    .squareRoot()
            let tolerance = counting + ring
            TheoryRun.report(
                "\(hashing) hashing, \(nodes) → \(nodes + 1) nodes: share of keys moved",
                measured: measured, expected: expected,
                tolerance: "±" + formatFixed(tolerance, decimals: 3))
            XCTAssertEqual(measured, expected, accuracy: tolerance, "\(hashing), \(nodes) nodes")
        }
    }

    /// The load spread over n = 32 nodes. With V uniform points per node the shares are
    /// Dirichlet(V, …, V), so the squared coefficient of variation of the nodes' loads has
    /// mean (n − 1) / (n·V + 1); counting finitely many keys and requests adds about
    /// (n − 1)·(1/K + 1/R). Mod-N has only the counting term. Over 32 nodes the measured
    /// coefficient has a relative standard deviation of about 1/√(2·31) = 13 %, so it must
    /// fall within 0.6 to 1.4 times the expected one (three deviations).
    func testVirtualNodesEvenTheLoad() throws {
        let configurations: [(String, Int)] = [
            ("consistent", 1), ("consistent", 10), ("consistent", 100), ("consistent", 1_000),
            ("mod", 1),
        ]
        let spreads = try TheoryRun.parallel(configurations.count) { index in
            try Self.loadVariation(
                hashing: configurations[index].0, virtualNodes: configurations[index].1)
        }
        let nodes = Double(Self.spreadNodes)
        let counting = (nodes - 1) * (1 / Double(Self.spreadKeys) + 1 / Double(Self.spreadRequests))
        for ((hashing, virtualNodes), measured) in zip(configurations, spreads) {
            let ring = hashing == "mod" ? 0 : (nodes - 1) / (nodes * Double(virtualNodes) + 1)
            let expected = (ring + counting).squareRoot()
            let name = hashing == "mod" ? "mod-N" : "consistent, \(virtualNodes) virtual nodes"
            TheoryRun.report(
                "\(name): coefficient of variation of node load", measured: measured,
                expected: expected, tolerance: "×0.6 to ×1.4")
            XCTAssertGreaterThanOrEqual(measured / expected, 0.6, name)
            XCTAssertLessThanOrEqual(measured / expected, 1.4, name)
        }
        XCTAssertEqual(
            spreads.dropLast(), spreads.dropLast().sorted(by: >), "more points, less spread")
    }

    // MARK: Running

    static func layout(
        hashing: String, nodes: Int, virtualNodes: Int, keys: Int, capacity: Int
    ) -> String {
        """
        {
          name: "partitioning",
          workload: { rate: 10000, readRatio: 1, keys: \(keys), zipf: 0, clients: 1,
                      badAuthRatio: 0 },
          components: [
            { name: "cache", kind: "cache",
              params: { nodes: \(nodes), capacity: \(capacity), ttl: "24h", lookupTime: "1us",
                        hashing: "\(hashing)", virtualNodes: \(virtualNodes) } },
            { name: "db", kind: "database", params: { shards: 1, readTime: "1us" } },
          ],
          connections: [ { from: "client", to: "cache" }, { from: "cache", to: "db" } ],
        }
        """
    }

    /// Fills the cache at 10,000 requests a second (five requests per key leave e^−5, under
    /// 1 %, of the keys unseen), adds a node by command and returns the share of the cached
    /// keys that moved. Each node can hold every key, so nothing is evicted.
    static func movedShare(hashing: String, nodes: Int) throws -> Double {
        let text = layout(
            hashing: hashing, nodes: nodes, virtualNodes: 100, keys: keyCount, capacity: keyCount)
        let session = try TheoryRun.session(text, name: "partitioning", seed: 5)
        session.advance(to: SimTime(5 * keyCount) * 100, eventBudget: .max)
        let held = session.simulation.snapshot().component("cache")?.value("items") ?? .nan
        guard case .applied = session.submit("scale cache +1") else {
            throw RefusedCommand(text: "scale cache +1")
        }
        return Totals(session, "cache")["keysMoved"] / held
    }

    static let spreadNodes = 32
    static let spreadKeys = 50_000
    static let spreadRequests = 100_000

    /// The coefficient of variation of the requests each node received (how full the
    /// nodes are does not matter here, so they are small).
    static func loadVariation(hashing: String, virtualNodes: Int) throws -> Double {
        let text = layout(
            hashing: hashing, nodes: spreadNodes, virtualNodes: virtualNodes, keys: spreadKeys,
            capacity: 100)
        let session = try TheoryRun.session(text, name: "partitioning", seed: 6)
        session.advance(to: SimTime(spreadRequests) * 100, eventBudget: .max)
        let totals = Totals(session, "cache")
        let loads = (1...spreadNodes).map { totals["requests.node-\($0)"] }
        let mean = loads.reduce(0, +) / Double(loads.count)
        let variance = loads.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(loads.count)
        return variance.squareRoot() / mean
    }
}

private struct RefusedCommand: Error {
    var text: String
}
