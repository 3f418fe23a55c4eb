import Architecture
import Session
import SimKernel

/// The benchmarks that run the whole engine: `Simulation` with its components, request
/// table and metrics windows, as the dashboard and headless runs drive it.
enum EngineModels {
    /// What an engine run did.
    struct Outcome {
        var events: Int
        /// Zero-delay calls handed straight to a component, which cost no queue operation.
        var handoffs: Int
        /// Requests the clients started.
        var requests: Int
        var simulatedMicros: SimTime
        /// The mean response time the engine measured, in microseconds.
        var meanResponseMicros: Double
        /// The share of requests the clients sent at the end (1/N when sampling).
        var sampleRatio: Double
    }

    /// An M/M/`servers` queue as a layout: the clients calling one backend node with
    /// `servers` workers, exponential service, a queue that never refuses, nothing behind.
    static func queueSpec(servers: Int, load: Double) -> ArchitectureSpec {
        let serviceMicros = KernelModels.serviceMeanMicros
        let rate = load * Double(servers) * 1e6 / serviceMicros
        let backend = ComponentSpec(
            name: "backend", kind: "backend",
            params: .object([
                ParamField("speeds", .array([.number(1)])),
                ParamField("workers", .number(Double(servers))),
                ParamField("queueLimit", .number(100_000)),
                ParamField("serviceTime", .string("\(Int(serviceMicros))us")),
            ]), path: "components[0]")
        // One key and one client: the queue has no key space, as in the C and SimPy models.
        let workload = WorkloadSpec(
            ratePerSecond: rate, readRatio: 1, keyCount: 1, clientCount: 1, badAuthRatio: 0)
        return ArchitectureSpec(
            workload: workload,
            components: [backend],
            connections: [ConnectionSpec(from: "client", to: "backend", path: "connections[0]")])
    }

    /// Runs the M/M/c layout until about `customers` have been served.
    static func queue(servers: Int, load: Double, customers: Int, seed: UInt64) throws
        -> Outcome
    {
        let spec = queueSpec(servers: servers, load: load)
        let simulation = try Simulation(spec: spec, seed: seed)
        let seconds = Double(customers) / spec.workload.ratePerSecond
        simulation.advance(to: Micros.fromSeconds(seconds))
        return outcome(simulation, client: "client")
    }

    /// Runs a layout headless (no log) at `rate` requests per second for `duration`.
    static func layout(_ layout: Layout, rate: Double, duration: SimTime, seed: UInt64) throws
        -> Outcome
    {
        let session = try LiveSession(layout: layout, seed: seed, log: nil)
        _ = session.submit("load rate \(Int(rate))")
        session.advance(to: duration, eventBudget: .max)
        return outcome(session.simulation, client: "client")
    }

    static func outcome(_ simulation: Simulation, client: String) -> Outcome {
        let totals = simulation.totals(of: client)
        let started = totals.first { $0.key == "started" }?.value ?? 0
        let mean = totals.first { $0.key == "meanLatency" }?.value ?? 0
        return Outcome(
            events: simulation.eventsProcessed, handoffs: simulation.handoffs,
            requests: Int(started), simulatedMicros: simulation.now, meanResponseMicros: mean,
            sampleRatio: simulation.snapshot().sampleRatio)
    }
}
