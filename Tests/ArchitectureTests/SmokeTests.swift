import Architecture
import SimKernel
import XCTest

final class SmokeTests: XCTestCase {
    func testBlueprintRunsAndEveryComponentSeesTraffic() throws {
        let simulation = try Fixtures.run(Fixtures.blueprint(), seconds: 20)
        let snapshot = simulation.snapshot()
        for component in snapshot.components {
            print(component.name, component.metrics.map { "\($0.key)=\(formatFixed($0.value, decimals: 3))" }.joined(separator: " "))
            for node in component.nodes { print("   ", node) }
        }
        print(snapshot.ticker)
        XCTAssertGreaterThan(snapshot.figure("client", "throughput"), 1_800)
    }
}
