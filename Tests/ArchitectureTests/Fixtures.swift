import Architecture
import SimKernel

/// Architectures built in code, mirroring the default layout, so engine tests need no
/// layout loader.
enum Fixtures {
    static func component(
        _ name: String, _ kind: String, _ params: [ParamField] = [],
        at position: Int
    ) -> ComponentSpec {
        ComponentSpec(
            name: name, kind: kind, params: .object(params), path: "components[\(position)]")
    }

    static func blueprint(
        rate: Double = 2_000, lb: [ParamField] = [], cache: [ParamField] = [],
        database: [ParamField] = [], backend: [ParamField] = []
    ) -> ArchitectureSpec {
        let components = [
            component("dns", "dns", at: 0),
            component("lb", "load-balancer", lb, at: 1),
            component("gateway", "api-gateway", at: 2),
            component("backend", "backend", backend, at: 3),
            component("cache", "cache", cache, at: 4),
            component("db", "database", database, at: 5),
            component("queue", "message-queue", at: 6),
            component("workers", "workers", at: 7),
        ]
        let links = [
            ("client", "dns"), ("client", "lb"), ("lb", "gateway"), ("gateway", "backend"),
            ("backend", "cache"), ("backend", "db"), ("backend", "queue"), ("cache", "db"),
            ("queue", "workers"),
        ]
        return ArchitectureSpec(
            workload: WorkloadSpec(ratePerSecond: rate),
            components: components,
            connections: links.enumerated().map {
                ConnectionSpec(from: $1.0, to: $1.1, path: "connections[\($0)]")
            })
    }

    static func run(
        _ spec: ArchitectureSpec, seed: UInt64 = 7, seconds: Double,
        commands: [(Double, EngineCommand)] = []
    ) throws -> Simulation {
        let simulation = try Simulation(spec: spec, seed: seed)
        for (time, command) in commands {
            simulation.advance(to: Micros.fromSeconds(time))
            try simulation.apply(command)
        }
        simulation.advance(to: Micros.fromSeconds(seconds))
        return simulation
    }
}

extension SimSnapshot {
    func figure(_ component: String, _ key: String) -> Double {
        self.component(component)?.value(key) ?? .nan
    }
}
