/// The nodes a load balancer spreads requests over.
protocol BalancedPool: AnyObject {
    var name: String { get }
    var nodeCount: Int { get }
    var nodeNames: [String] { get }
    /// A node's relative speed; weighted round robin uses it as the weight.
    func speed(of node: Int) -> Double
    /// Whether a heartbeat sent to the node now would be answered.
    func isServing(_ node: Int) -> Bool
    /// False for a node being scaled in: the balancer stops sending to it at once, as a
    /// deregistration does, without waiting for heartbeats.
    func acceptsWork(_ node: Int) -> Bool
    /// The node's measured utilisation and queue, for the balancer's per-node view.
    func load(of node: Int) -> (utilisation: Double, queueDepth: Int)
}

extension Backend: BalancedPool {}

/// The ways a balancer can pick a node.
enum BalancingAlgorithm: String, CaseIterable {
    case roundRobin = "round-robin"
    case weightedRoundRobin = "weighted-round-robin"
    case leastConnections = "least-connections"
    case hash = "hash"
    case random = "random"
}
