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
        refusal(spec(links))
    }

    private func refusal(_ spec: ArchitectureSpec) -> SpecError? {
        do {
            _ = try Simulation(spec: spec, seed: 1)
            return nil
        } catch {
            return error
        }
    }

    func testALoopIsRefusedWithTheConnectionThatClosesIt() {
        let error = refusal([
            ("client", "lb"), ("lb", "gateway"), ("gateway", "backend"), ("backend", "db"),
            ("backend", "gateway"),
        ])
        XCTAssertEqual(error?.path, "connections[4]")
        XCTAssertTrue(error?.message.contains("loop") ?? false)
    }

    /// A component calls one of each kind, and a balancer or gateway one component: a
    /// second would get nothing, so it is refused rather than left idle.
    func testASecondCalleeThatWouldGetNothingIsRefused() {
        var twoCaches = spec([
            ("client", "lb"), ("lb", "gateway"), ("gateway", "backend"), ("backend", "cache"),
            ("backend", "cache-2"), ("cache", "db"), ("cache-2", "db"),
        ])
        twoCaches.components.append(
            ComponentSpec(
                name: "cache-2", kind: "cache", params: .object([]), path: "components[8]"))
        let error = refusal(twoCaches)
        XCTAssertEqual(error?.path, "connections[4]")
        XCTAssertEqual(
            error?.message,
            "backend calls one cache, and it already calls cache; the other "
                + "would get nothing")
        let gateway = refusal([
            ("client", "lb"), ("lb", "gateway"), ("gateway", "backend"), ("gateway", "db"),
        ])
        XCTAssertEqual(gateway?.path, "connections[3]")
        XCTAssertEqual(
            gateway?.message,
            "gateway sends every request to one component, and it already sends them to backend")
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
