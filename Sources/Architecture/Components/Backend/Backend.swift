import SimKernel

/// The backend cluster: microservice nodes of unequal speed, each with worker threads and a
/// bounded accept queue. A request holds its worker while it calls the cache, the database
/// and the queue, so a slow database backs up the backend: cascades emerge, nothing is
/// painted.
final class Backend: EventHandler, AnsweringComponent {
    let name: String
    let kind = "backend"
    let index: Int32
    var nodes: [ServerPool]
    private let serviceMicros: Double
    private let workersPerNode: Int
    private let queueLimit: Int
    private let jobRatio: Double
    private var random: RandomStream
    var stats = TrafficStats()
    /// Counts of nodes scaled away, kept so the component's running totals never fall.
    var retiredRejected = 0
    var retiredAdmitted = 0
    private var roundRobin = 0
    private var cache: Int32 = -1
    private var database: Int32 = -1
    private var queue: Int32 = -1
    private unowned var invalidator: (any KeyInvalidating)?

    static let nodeLimit = 64
    private enum Kind { static let serviceDone = EventKind.firstOwn }
    private enum Phase { static let read: Int32 = 1, write: Int32 = 2, job: Int32 = 3 }

    init(spec: ComponentSpec, index: Int32, context: BuildContext) throws(SpecError) {
        let params = ParamReader(spec)
        try params.rejectUnknown(allowed: ["speeds", "workers", "queueLimit", "serviceTime"])
        let speeds = try params.numbers(
            "speeds", default: [1, 1, 0.5, 0.25], in: 0.01...100, count: 1...Backend.nodeLimit)
        workersPerNode = try params.integer("workers", default: 8, in: 1...1_024)
        queueLimit = try params.integer("queueLimit", default: 100, in: 0...100_000)
        serviceMicros = Double(
            try params.duration("serviceTime", default: 2_000, in: 1...Micros.perMinute))
        name = spec.name
        self.index = index
        jobRatio = context.workload.jobRatio
        random = RandomStream(seed: context.seed, stream: spec.name)
        let workers = workersPerNode
        let limit = queueLimit
        nodes = speeds.enumerated().map { position, speed in
            ServerPool(
                name: "\(spec.name).node-\(position + 1)", workers: workers,
                queueLimit: limit, speed: speed)
        }
    }

    /// A sampled request is split where a node admits it (see `arriveSampled`).
    var takesSampled: Bool { true }

    func connect(in simulation: Simulation) throws(SpecError) {
        for target in simulation.downstream(of: name) {
            switch target.kind {
            case "cache":
                cache = target.index
                invalidator = target as? any KeyInvalidating
            case "database": database = target.index
            case "message-queue": queue = target.index
            default:
                throw SpecError(
                    path: "connections",
                    message: "\(name) cannot call \(target.name) (a \(target.kind))")
            }
        }
    }

    var nodeNames: [String] { nodes.map(\.name) }

    override func handle(_ event: Event, in simulation: Simulation) {
        switch event.kind {
        case EventKind.arrive: arrive(event.subject, in: simulation)
        case Kind.serviceDone: serviceDone(event.subject, in: simulation)
        case EventKind.response:
            let (phase, status) = responseParts(event)
            resume(event.subject, phase: phase, status: status, in: simulation)
        default: preconditionFailure("\(name): unknown event kind \(event.kind)")
        }
    }

    private func arrive(_ slot: Int32, in simulation: Simulation) {
        simulation.requests.enteredAt[Int(slot)] = simulation.now
        var node = Int(simulation.requests.routeHint[Int(slot)])
        if node < 0 || node >= nodes.count {
            node = roundRobin % nodes.count
            roundRobin &+= 1
        }
        simulation.requests.node[Int(slot)] = Int32(node)
        if nodes[node].isDraining {
            return answer(slot, status: Status.unavailable, in: simulation)
        }
        switch nodes[node].health {
        case .down:
            return answer(slot, status: Status.unavailable, in: simulation)
        case .partitioned:
            return answer(
                slot, status: Status.gatewayTimeout, in: simulation, delay: partitionTimeoutMicros)
        default: break
        }
        if simulation.requests.weight(slot) > 1 {
            return arriveSampled(slot, node: node, in: simulation)
        }
        admit(slot, node: node, in: simulation)
    }

    private func admit(_ slot: Int32, node: Int, in simulation: Simulation) {
        nodes[node].connections += 1
        switch nodes[node].admit(slot, now: simulation.now) {
        case .started: startService(slot, node: node, in: simulation)
        case .queued: break
        case .rejected:
            nodes[node].connections -= 1
            answer(slot, status: Status.unavailable, in: simulation)
        }
    }

    /// A sampled request is split where the node admits it: the requests it stands for that
    /// the node has room for go on as single requests, the rest are refused together.
    private func arriveSampled(_ slot: Int32, node: Int, in simulation: Simulation) {
        let refused = simulation.admitSampled(slot, room: nodes[node].room) {
            admit($0, node: node, in: simulation)
        }
        guard refused > 0 else { return }
        nodes[node].countRejected(refused)
        answer(slot, status: Status.unavailable, in: simulation)
    }

    private func startService(_ slot: Int32, node: Int, in simulation: Simulation) {
        let delay = nodes[node].serviceTime(meanMicros: serviceMicros, random: &random)
        simulation.schedule(index, kind: Kind.serviceDone, after: delay, subject: slot)
    }

    private func serviceDone(_ slot: Int32, in simulation: Simulation) {
        let node = Int(simulation.requests.node[Int(slot)])
        if nodes[node].health == .down {
            return finish(slot, status: Status.unavailable, in: simulation)
        }
        if nodes[node].errorRatio > 0 && random.chance(nodes[node].errorRatio) {
            return finish(slot, status: Status.serverError, in: simulation)
        }
        switch simulation.requests.operation[Int(slot)] {
        case .read where cache >= 0:
            simulation.call(slot, from: index, phase: Phase.read, to: cache)
        case .read where database >= 0:
            simulation.call(slot, from: index, phase: Phase.read, to: database)
        case .write where cache >= 0 && invalidator?.routesWrites == true:
            simulation.call(slot, from: index, phase: Phase.write, to: cache)
        case .write where database >= 0:
            simulation.call(slot, from: index, phase: Phase.write, to: database)
        default:
            finish(slot, status: Status.ok, in: simulation)
        }
    }

    private func resume(_ slot: Int32, phase: Int32, status: Int32, in simulation: Simulation) {
        let node = Int(simulation.requests.node[Int(slot)])
        if nodes[node].health == .down {
            return finish(slot, status: Status.unavailable, in: simulation)
        }
        if phase == Phase.write && Status.isSuccess(status) {
            if let invalidator, !invalidator.routesWrites {
                invalidator.invalidate(key: simulation.requests.key[Int(slot)], in: simulation)
            }
            if queue >= 0 && random.chance(jobRatio) {
                return simulation.call(slot, from: index, phase: Phase.job, to: queue)
            }
        }
        finish(slot, status: status, in: simulation)
    }

    /// Answers a request that holds a worker, handing the worker to the next one queued.
    private func finish(_ slot: Int32, status: Int32, in simulation: Simulation) {
        let node = Int(simulation.requests.node[Int(slot)])
        nodes[node].connections -= 1
        if let next = nodes[node].release(now: simulation.now) {
            simulation.requests.node[Int(next)] = Int32(node)
            startService(next, node: node, in: simulation)
        }
        answer(slot, status: status, in: simulation)
    }

    /// Answers a request that was waiting in a node's queue when the node died.
    func rejectWaiting(_ slot: Int32, in simulation: Simulation) {
        answer(slot, status: Status.unavailable, in: simulation)
    }

    /// A new node of nominal speed at `position`, named after it.
    func makeNode(position: Int) -> ServerPool {
        ServerPool(
            name: "\(name).node-\(position + 1)", workers: workersPerNode,
            queueLimit: queueLimit, speed: 1)
    }

    // MARK: Nodes the balancer sees

    var nodeCount: Int { nodes.count }
    func speed(of node: Int) -> Double { nodes[node].speed }
    func isServing(_ node: Int) -> Bool { nodes[node].health.isReachable }
    func acceptsWork(_ node: Int) -> Bool { !nodes[node].isDraining }
    func load(of node: Int) -> (utilisation: Double, queueDepth: Int) {
        (nodes[node].utilisation, nodes[node].queueDepth)
    }
}
