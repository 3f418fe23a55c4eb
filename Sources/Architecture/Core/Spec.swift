import SimKernel

/// The architecture to simulate: components, how they connect, and the load offered.
///
/// Built from a layout file by the Session module; the engine checks everything it reads
/// and reports the path of a bad field (`components[3].params.ttl`) so the loader can turn
/// it into a line and column.
public struct ArchitectureSpec: Sendable, Equatable {
    public var workload: WorkloadSpec
    public var components: [ComponentSpec]
    public var connections: [ConnectionSpec]

    public init(
        workload: WorkloadSpec, components: [ComponentSpec], connections: [ConnectionSpec]
    ) {
        self.workload = workload
        self.components = components
        self.connections = connections
    }
}

/// The offered load: open arrivals (Poisson) at `ratePerSecond`.
public struct WorkloadSpec: Sendable, Equatable {
    public var ratePerSecond: Double
    /// The share of requests that read; the rest write.
    public var readRatio: Double
    /// Keys are 0..<keyCount, drawn with Zipf popularity.
    public var keyCount: Int
    public var zipfExponent: Double
    /// Distinct clients; each has its own DNS stub cache and a stable hash for stickiness.
    public var clientCount: Int
    /// The share of writes that also enqueue a background job.
    public var jobRatio: Double
    /// The share of requests that carry bad credentials (rejected by the gateway with 401).
    public var badAuthRatio: Double
    /// Above this offered rate the clients send one request in N, each standing for N, so
    /// that at most this many requests a second are simulated at the entry (see
    /// `WorkloadGenerator`).
    public var sampleAbove: Double

    public init(
        ratePerSecond: Double = 1_000, readRatio: Double = 0.8, keyCount: Int = 100_000,
        zipfExponent: Double = 0.9, clientCount: Int = 10_000, jobRatio: Double = 0.2,
        badAuthRatio: Double = 0.01, sampleAbove: Double = 250_000
    ) {
        self.ratePerSecond = ratePerSecond
        self.readRatio = readRatio
        self.keyCount = keyCount
        self.zipfExponent = zipfExponent
        self.clientCount = clientCount
        self.jobRatio = jobRatio
        self.badAuthRatio = badAuthRatio
        self.sampleAbove = sampleAbove
    }
}

public struct ComponentSpec: Sendable, Equatable {
    /// The name commands and panels use, such as `db` or `cache`.
    public var name: String
    /// The component kind, such as `database`; see `ComponentCatalog`.
    public var kind: String
    /// The kind's own parameters (an object).
    public var params: ParamValue
    /// Where this component sits in the layout, for error messages (`components[2]`).
    public var path: String

    public init(name: String, kind: String, params: ParamValue = .object([]), path: String) {
        self.name = name
        self.kind = kind
        self.params = params
        self.path = path
    }
}

/// A directed connection: requests flow from `from` to `to`.
public struct ConnectionSpec: Sendable, Equatable {
    public var from: String
    public var to: String
    public var path: String

    public init(from: String, to: String, path: String) {
        self.from = from
        self.to = to
        self.path = path
    }
}

/// A field of the architecture that could not be accepted.
public struct SpecError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Dotted path of the field at fault, e.g. `components[2].params.ttl`.
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
