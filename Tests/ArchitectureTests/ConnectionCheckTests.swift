import Architecture
import SimKernel
import XCTest

final class ConnectionCheckTests: XCTestCase {
    private func spec(_ links: [(String, String)]) -> ArchitectureSpec {
        var base = Fixtures.blueprint()
        base.connections = links.enumerated().map {
            ConnectionSpec(from: $1.0, to: $1.1, path: "connections[\($0)]")
        }
        return base
    }

    private func refusal(_ links: [(String, String)]) -> SpecError? {
        do {
            _ = try Simulation(spec: spec(links), seed: 1)
            return nil
        } catch {
            return error
        }
    }

    func testALoopIsRefusedWithTheConnectionThatClosesIt() {
        let error = refusal([
            ("client", "lb"), ("lb", "gateway"), ("gateway", "backend"), ("backend", "db"),
            ("gateway", "lb"),
        ])
        XCTAssertEqual(error?.path, "connections[4]")
        XCTAssertTrue(error?.message.contains("loop") ?? false)
    }

    func testWorkersTakeWorkOnlyFromAQueue() {
        let error = refusal([("client", "workers")])
        XCTAssertEqual(error?.path, "connections[0]")
    }

    func testNothingSendsRequestsToTheClients() {
        XCTAssertEqual(refusal([("client", "dns"), ("dns", "client")])?.path, "connections[1]")
    }

    func testTheBlueprintShapeIsAccepted() {
        XCTAssertNil(
            refusal([
                ("client", "dns"), ("client", "lb"), ("lb", "gateway"), ("gateway", "backend"),
                ("backend", "cache"), ("backend", "db"), ("backend", "queue"), ("cache", "db"),
                ("queue", "workers"),
            ]))
    }
}
