import SimKernel

/// The load balancer: two primaries (one active), five algorithms switchable live, and
/// UDP-style heartbeats that mark a node down only after several are missed, so a dead
/// node keeps receiving requests for the detection delay, as in a real system.
final class LoadBalancer: EventHandler, AnsweringComponent {
    let name: String
    let kind = "load-balancer"
    let index: Int32
    var algorithm: BalancingAlgorithm
    let heartbeatMicros: SimTime
    let missesToMarkDown: Int
    private let explicitPool: String?
    private(set) unowned var pool: (any BalancedPool)?
    private var next: Int32 = -1
    private var random: RandomStream
    var stats = TrafficStats()

    /// The balancer's belief about each node, updated only by heartbeats.
    var markedUp: [Bool] = []
    var missedBeats: [Int] = []
    var connections: [Int] = []
    var sentInWindow: [Int] = []
    var sharePerNode: [Double] = []
    var sentRate: [Double] = []
    private var cursor = 0
    private var currentWeights: [Double] = []

    var primaries: [ServerPool]
    var activePrimary = 0
    var failoverPending = false

    enum Kind {
        static let heartbeat = EventKind.firstOwn
        static let failover = EventKind.firstOwn + 1
    }

    init(spec: ComponentSpec, index: Int32, context: BuildContext) throws(SpecError) {
        let params = ParamReader(spec)
        try params.rejectUnknown(allowed: ["algorithm", "heartbeat", "missesToDown", "pool"])
        let chosen = try params.choice(
            "algorithm", default: BalancingAlgorithm.roundRobin.rawValue,
            from: BalancingAlgorithm.allCases.map(\.rawValue))
        algorithm = BalancingAlgorithm(rawValue: chosen)!
        heartbeatMicros = try params.duration(
            "heartbeat", default: 500_000, in: 10_000...Micros.perMinute)
        missesToMarkDown = try params.integer("missesToDown", default: 3, in: 1...100)
        if case .string(let poolName)? = spec.params["pool"] {
            explicitPool = poolName
        } else {
            explicitPool = nil
        }
        name = spec.name
        self.index = index
        random = RandomStream(seed: context.seed, stream: spec.name)
        primaries = (1...2).map {
            ServerPool(name: "\(spec.name).primary-\($0)", workers: 1, queueLimit: 0, speed: 1)
        }
    }

    func connect(in simulation: Simulation) throws(SpecError) {
        guard let first = simulation.downstream(of: name).first else {
            throw SpecError(path: "connections", message: "\(name) connects to nothing")
        }
        next = first.index
        pool = findPool(in: simulation)
        guard let pool else {
            throw SpecError(
                path: "connections", message: "\(name) reaches no backend to balance over")
        }
        resizeViews(to: pool.nodeCount)
        simulation.schedule(index, kind: Kind.heartbeat, after: heartbeatMicros)
    }

    /// The pool is named by the `pool` parameter, or the first backend reachable downstream.
    private func findPool(in simulation: Simulation) -> (any BalancedPool)? {
        if let explicitPool {
            return simulation.component(named: explicitPool) as? any BalancedPool
        }
        var frontier = [name]
        for _ in 0..<4 {
            var following: [String] = []
            for current in frontier {
                for target in simulation.downstream(of: current) {
                    if let found = target as? any BalancedPool { return found }
                    following.append(target.name)
                }
            }
            frontier = following
        }
        return nil
    }

    func resizeViews(to count: Int) {
        while markedUp.count < count {
            markedUp.append(true)
            missedBeats.append(0)
            connections.append(0)
            sentInWindow.append(0)
            sharePerNode.append(0)
            sentRate.append(0)
            currentWeights.append(0)
        }
        if markedUp.count > count {
            let extra = markedUp.count - count
            markedUp.removeLast(extra)
            missedBeats.removeLast(extra)
            connections.removeLast(extra)
            sentInWindow.removeLast(extra)
            sharePerNode.removeLast(extra)
            sentRate.removeLast(extra)
            currentWeights.removeLast(extra)
        }
    }

    /// A sampled request goes to one node and counts as the connections it stands for.
    var takesSampled: Bool { true }

    override func handle(_ event: Event, in simulation: Simulation) {
        switch event.kind {
        case EventKind.arrive: arrive(event.subject, in: simulation)
        case EventKind.response:
            let (_, status) = responseParts(event)
            let slot = event.subject
            let node = Int(simulation.requests.node[Int(slot)])
            if node >= 0 && node < connections.count {
                connections[node] -= simulation.requests.weight(slot)
            }
            answer(slot, status: status, in: simulation)
        case Kind.heartbeat: heartbeat(in: simulation)
        case Kind.failover: failover(in: simulation)
        default: preconditionFailure("\(name): unknown event kind \(event.kind)")
        }
    }

    private func arrive(_ slot: Int32, in simulation: Simulation) {
        simulation.requests.enteredAt[Int(slot)] = simulation.now
        guard primaries[activePrimary].health.isReachable else {
            return answer(slot, status: Status.unavailable, in: simulation)
        }
        let weight = simulation.requests.weight(slot)
        primaries[activePrimary].countServed(weight)
        let errorRatio = primaries[activePrimary].errorRatio
        if errorRatio > 0 && random.chance(errorRatio) {
            return answer(slot, status: Status.badGateway, in: simulation)
        }
        guard let pool, let node = choose(pool, client: simulation.requests.client[Int(slot)])
        else {
            return answer(slot, status: Status.unavailable, in: simulation)
        }
        connections[node] += weight
        sentInWindow[node] += weight
        simulation.requests.node[Int(slot)] = Int32(node)
        simulation.requests.routeHint[Int(slot)] = Int32(node)
        simulation.call(slot, from: index, phase: 1, to: next)
    }

    /// A node gets requests while the heartbeats say it is up and it is not being drained.
    @inline(__always)
    private func eligible(_ pool: any BalancedPool, _ node: Int) -> Bool {
        markedUp[node] && pool.acceptsWork(node)
    }

    /// Picks a node among those the balancer believes are up.
    private func choose(_ pool: any BalancedPool, client: Int32) -> Int? {
        let count = min(pool.nodeCount, markedUp.count)
        guard (0..<count).contains(where: { eligible(pool, $0) }) else { return nil }
        switch algorithm {
        case .roundRobin:
            for _ in 0..<count {
                let node = cursor % count
                cursor &+= 1
                if eligible(pool, node) { return node }
            }
            return nil
        case .weightedRoundRobin:
            return smoothWeighted(pool, count: count)
        case .leastConnections:
            var best: Int?
            for offset in 0..<count {
                let node = (cursor + offset) % count
                if eligible(pool, node) && (best == nil || connections[node] < connections[best!]) {
                    best = node
                }
            }
            cursor &+= 1
            return best
        case .hash:
            let start = Int(mixHash(UInt64(UInt32(bitPattern: client))) % UInt64(count))
            for offset in 0..<count where eligible(pool, (start + offset) % count) {
                return (start + offset) % count
            }
            return nil
        case .random:
            let up = (0..<count).filter { eligible(pool, $0) }
            return up[random.nextInt(below: up.count)]
        }
    }

    /// Smooth weighted round robin: every pick adds each weight to its node's credit and
    /// takes the node with the most, so a node of weight 2 gets every other turn, evenly.
    private func smoothWeighted(_ pool: any BalancedPool, count: Int) -> Int? {
        var total = 0.0
        var best: Int?
        for node in 0..<count where eligible(pool, node) {
            let weight = pool.speed(of: node)
            currentWeights[node] += weight
            total += weight
            if best == nil || currentWeights[node] > currentWeights[best!] { best = node }
        }
        if let best { currentWeights[best] -= total }
        return best
    }
}
