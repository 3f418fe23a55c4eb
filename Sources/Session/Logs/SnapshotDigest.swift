import Architecture
import SimKernel

/// The figures of a whole simulation at one moment, as a session log keeps them.
///
/// A replay builds the same digest from its own state and compares: equal digests mean the
/// run was reproduced bit for bit. Two NaN figures count as equal.
public struct SnapshotDigest: Codable, Sendable, Equatable {
    public var components: [ComponentDigest]

    public init(components: [ComponentDigest]) {
        self.components = components
    }

    /// The digest of a snapshot: every component's metrics and nodes.
    public init(_ snapshot: SimSnapshot) {
        components = snapshot.components.map(ComponentDigest.init)
    }

    public static func == (lhs: SnapshotDigest, rhs: SnapshotDigest) -> Bool {
        firstDifference(logged: lhs, replayed: rhs) == nil
    }

    /// Says where two digests first differ, such as `cache.hitRatio: logged 0.81, replayed
    /// 0.8`, or nil when they are equal. Components and nodes are compared in order and
    /// metrics by sorted key, so the answer is the same on every run.
    public static func firstDifference(logged: SnapshotDigest, replayed: SnapshotDigest)
        -> String?
    {
        guard logged.components.count == replayed.components.count else {
            return "components: logged \(logged.components.count), "
                + "replayed \(replayed.components.count)"
        }
        for (old, new) in zip(logged.components, replayed.components) {
            if let difference = ComponentDigest.firstDifference(logged: old, replayed: new) {
                return difference
            }
        }
        return nil
    }
}

/// One component's figures: metrics by key and its nodes in order.
public struct ComponentDigest: Codable, Sendable {
    public var name: String
    public var metrics: [String: Double]
    public var nodes: [NodeDigest]

    public init(name: String, metrics: [String: Double], nodes: [NodeDigest]) {
        self.name = name
        self.metrics = metrics
        self.nodes = nodes
    }

    init(_ snapshot: ComponentSnapshot) {
        name = snapshot.name
        metrics = Dictionary(
            snapshot.metrics.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        nodes = snapshot.nodes.map(NodeDigest.init)
    }

    static func firstDifference(logged: ComponentDigest, replayed: ComponentDigest) -> String? {
        guard logged.name == replayed.name else {
            return "component: logged '\(logged.name)', replayed '\(replayed.name)'"
        }
        let keys = Set(logged.metrics.keys).union(replayed.metrics.keys).sorted()
        for key in keys {
            let old = logged.metrics[key]
            let new = replayed.metrics[key]
            if let old, let new, sameFigure(old, new) { continue }
            return "\(logged.name).\(key): logged \(figureText(old)), replayed \(figureText(new))"
        }
        guard logged.nodes.count == replayed.nodes.count else {
            return "\(logged.name) nodes: logged \(logged.nodes.count), "
                + "replayed \(replayed.nodes.count)"
        }
        for (old, new) in zip(logged.nodes, replayed.nodes) {
            if let difference = NodeDigest.firstDifference(
                logged: old, replayed: new, component: logged.name)
            {
                return difference
            }
        }
        return nil
    }
}

/// One node's figures.
public struct NodeDigest: Codable, Sendable {
    public var name: String
    public var health: Health
    public var utilisation: Double
    public var queueDepth: Int
    public var inFlight: Int
    public var throughput: Double

    public init(
        name: String, health: Health, utilisation: Double, queueDepth: Int, inFlight: Int,
        throughput: Double
    ) {
        self.name = name
        self.health = health
        self.utilisation = utilisation
        self.queueDepth = queueDepth
        self.inFlight = inFlight
        self.throughput = throughput
    }

    init(_ node: NodeSnapshot) {
        self.init(
            name: node.name, health: node.health, utilisation: node.utilisation,
            queueDepth: node.queueDepth, inFlight: node.inFlight, throughput: node.throughput)
    }

    static func firstDifference(logged: NodeDigest, replayed: NodeDigest, component: String)
        -> String?
    {
        let label =
            logged.name.hasPrefix(component + ".") ? logged.name : "\(component).\(logged.name)"
        let pairs: [(String, String, String)] = [
            ("name", logged.name, replayed.name),
            ("health", logged.health.rawValue, replayed.health.rawValue),
            ("queueDepth", String(logged.queueDepth), String(replayed.queueDepth)),
            ("inFlight", String(logged.inFlight), String(replayed.inFlight)),
        ]
        for (field, old, new) in pairs where old != new {
            return "\(label).\(field): logged \(old), replayed \(new)"
        }
        let figures = [
            ("utilisation", logged.utilisation, replayed.utilisation),
            ("throughput", logged.throughput, replayed.throughput),
        ]
        for (field, old, new) in figures where !sameFigure(old, new) {
            return "\(label).\(field): logged \(figureText(old)), replayed \(figureText(new))"
        }
        return nil
    }
}

/// Equal values, or both NaN: a figure that is undefined in both runs still matches.
func sameFigure(_ lhs: Double, _ rhs: Double) -> Bool {
    lhs == rhs || (lhs.isNaN && rhs.isNaN)
}

/// A figure exactly as stored (the shortest text that reads back to the same bits).
func figureText(_ value: Double?) -> String {
    guard let value else { return "none" }
    return String(value)
}
