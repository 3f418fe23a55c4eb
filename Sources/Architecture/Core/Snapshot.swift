import SimKernel

/// The health of a component or node, shown as a letter as well as a colour.
public enum Health: String, Sendable, Equatable, Codable {
    case up, slow, flaky, partitioned, down
    /// A component some of whose nodes are down or unreachable while others still serve.
    case degraded

    /// True when requests can reach it: neither down nor cut off by a partition.
    public var isReachable: Bool { self != .down && self != .partitioned }

    /// A one-letter mark for terminals without colour.
    public var letter: Character {
        switch self {
        case .up: return "U"
        case .slow: return "S"
        case .flaky: return "F"
        case .partitioned: return "P"
        case .down: return "D"
        case .degraded: return "d"
        }
    }

    /// Sums up a component from its nodes: down when every node is down, degraded when only
    /// some are down or unreachable, otherwise the worst of the rest.
    public static func summary(of nodes: [Health]) -> Health {
        guard !nodes.isEmpty else { return .up }
        let lost = nodes.filter { $0 == .down || $0 == .partitioned }
        if lost.count == nodes.count {
            return lost.contains(.partitioned) ? .partitioned : .down
        }
        if !lost.isEmpty { return .degraded }
        return nodes.max { $0.severity < $1.severity } ?? .up
    }

    /// Orders healths from best to worst, to summarise a component by its worst node.
    public var severity: Int {
        switch self {
        case .up: return 0
        case .slow: return 1
        case .flaky: return 2
        case .degraded: return 3
        case .partitioned: return 4
        case .down: return 5
        }
    }
}

/// How a metric's value should be read.
public enum MetricUnit: String, Sendable, Equatable, Codable {
    case count, perSecond, micros, ratio, bytes, plain
}

/// One figure computed by the engine, such as a hit ratio or a p99 latency.
public struct Metric: Sendable, Equatable {
    /// A stable identifier, used in session logs and tests (`hitRatio`).
    public var key: String
    /// A short label for panels (`hit`).
    public var label: String
    public var value: Double
    public var unit: MetricUnit

    public init(_ key: String, _ label: String, _ value: Double, _ unit: MetricUnit) {
        self.key = key
        self.label = label
        self.value = value
        self.unit = unit
    }
}

/// A short history of one figure, one value per metrics window, oldest first.
public struct Series: Sendable, Equatable {
    public var key: String
    public var label: String
    public var unit: MetricUnit
    public var values: [Double]

    public init(key: String, label: String, unit: MetricUnit, values: [Double]) {
        self.key = key
        self.label = label
        self.unit = unit
        self.values = values
    }
}

/// One node of a component: a backend server, a shard leader, a cache node.
public struct NodeSnapshot: Sendable, Equatable {
    public var name: String
    public var health: Health
    /// Busy workers over capacity, 0...1, over the last window.
    public var utilisation: Double
    public var queueDepth: Int
    public var inFlight: Int
    /// Requests completed per second over the last window.
    public var throughput: Double
    /// A kind-specific note, such as `lag 12.0ms` or `w=3.0`.
    public var detail: String

    public init(
        name: String, health: Health, utilisation: Double, queueDepth: Int, inFlight: Int,
        throughput: Double, detail: String = ""
    ) {
        self.name = name
        self.health = health
        self.utilisation = utilisation
        self.queueDepth = queueDepth
        self.inFlight = inFlight
        self.throughput = throughput
        self.detail = detail
    }
}

/// Everything a panel shows about one component, computed by the engine.
public struct ComponentSnapshot: Sendable, Equatable {
    public var name: String
    public var kind: String
    public var health: Health
    /// The strategies in force, such as `lb: least-connections` (setting and value).
    public var strategies: [CommandOption]
    /// Every figure, in the order the kind wants them shown.
    public var metrics: [Metric]
    public var nodes: [NodeSnapshot]
    public var history: [Series]
    /// The newest lines of the component's own log (an access log tail), oldest first.
    public var log: [String]

    public init(
        name: String, kind: String, health: Health, strategies: [CommandOption] = [],
        metrics: [Metric] = [], nodes: [NodeSnapshot] = [], history: [Series] = [],
        log: [String] = []
    ) {
        self.name = name
        self.kind = kind
        self.health = health
        self.strategies = strategies
        self.metrics = metrics
        self.nodes = nodes
        self.history = history
        self.log = log
    }

    public func metric(_ key: String) -> Metric? { metrics.first { $0.key == key } }
    public func value(_ key: String) -> Double? { metric(key)?.value }
}

/// A happening worth telling: a fault, a recovery, a node marked down, a failover.
public struct TickerEntry: Sendable, Equatable {
    public var time: SimTime
    public var text: String

    public init(time: SimTime, text: String) {
        self.time = time
        self.text = text
    }
}

/// The whole simulation at one moment.
public struct SimSnapshot: Sendable, Equatable {
    public var time: SimTime
    /// The offered load now, including any spike.
    public var offeredRate: Double
    /// The configured base load.
    public var baseRate: Double
    /// The share of arrivals the clients send into the architecture: 1, or 1/N when they
    /// send one request in N, each counted N times (see `WorkloadGenerator`).
    public var sampleRatio: Double
    public var components: [ComponentSnapshot]
    /// Newest last; bounded by the engine's ticker limit.
    public var ticker: [TickerEntry]

    public init(
        time: SimTime, offeredRate: Double, baseRate: Double, sampleRatio: Double,
        components: [ComponentSnapshot], ticker: [TickerEntry]
    ) {
        self.time = time
        self.offeredRate = offeredRate
        self.baseRate = baseRate
        self.sampleRatio = sampleRatio
        self.components = components
        self.ticker = ticker
    }

    public func component(_ name: String) -> ComponentSnapshot? {
        components.first { $0.name == name }
    }

    /// What the screen and summaries say while the clients sample, or nil when they send
    /// every request.
    public var samplingText: String? {
        guard sampleRatio < 1, sampleRatio > 0 else { return nil }
        return "sampling 1 in \(Int((1 / sampleRatio).rounded())) requests"
    }
}
