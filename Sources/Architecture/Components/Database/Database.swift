import SimKernel

/// How keys are spread over shards.
enum Sharding: String, CaseIterable {
    /// By a hash of the key: even spread, hot keys aside.
    case hash
    /// By key ranges: neighbouring keys together, so popular low keys make a hot shard.
    case range
}

/// The database: shards, each a leader that takes writes and a follower that serves reads
/// and replays the leader's commits asynchronously. A dead leader fails writes until the
/// follower is promoted, and commits it had not shipped are lost.
final class Database: EventHandler, AnsweringComponent {
    let name: String
    let kind = "database"
    let index: Int32
    var shards: [Shard]
    var sharding: Sharding
    var ring: HashRing
    let keyCount: Int
    let readMicros: Double
    let writeMicros: Double
    let applyMicros: Double
    let replicationDelayMicros: SimTime
    let failoverMicros: SimTime
    var readsFromFollower = true
    var random: RandomStream
    var stats = TrafficStats()
    var failovers = 0
    var lostWrites = 0
    var refusedWrites = 0
    var lagHistory = FigureHistory(key: "lag", label: "lag", unit: .micros)

    static let shardLimit = 64
    enum Kind {
        static let serviceDone = EventKind.firstOwn
        static let applied = EventKind.firstOwn + 1
        static let failover = EventKind.firstOwn + 2
    }

    init(spec: ComponentSpec, index: Int32, context: BuildContext) throws(SpecError) {
        let params = ParamReader(spec)
        try params.rejectUnknown(allowed: [
            "shards", "workers", "queueLimit", "readTime", "writeTime", "applyTime",
            "replicationDelay", "failover", "sharding", "hashing",
        ])
        let shardCount = try params.integer("shards", default: 2, in: 1...Database.shardLimit)
        let workers = try params.integer("workers", default: 8, in: 1...1_024)
        let queueLimit = try params.integer("queueLimit", default: 200, in: 0...100_000)
        readMicros = Double(
            try params.duration("readTime", default: 1_000, in: 1...Micros.perMinute))
        writeMicros = Double(
            try params.duration("writeTime", default: 3_000, in: 1...Micros.perMinute))
        applyMicros = Double(
            try params.duration("applyTime", default: 500, in: 1...Micros.perMinute))
        replicationDelayMicros = try params.duration(
            "replicationDelay", default: 2_000, in: 0...Micros.perMinute)
        failoverMicros = try params.duration(
            "failover", default: 3 * Micros.perSecond, in: 0...(10 * Micros.perMinute))
        sharding = Sharding(
            rawValue: try params.choice(
                "sharding", default: Sharding.hash.rawValue,
                from: Sharding.allCases.map(\.rawValue)))!
        let hashing = try params.choice(
            "hashing", default: Partitioning.mod.rawValue,
            from: Partitioning.allCases.map(\.rawValue))
        ring = HashRing(partitioning: Partitioning(rawValue: hashing)!, nodeCount: shardCount)
        keyCount = context.workload.keyCount
        name = spec.name
        self.index = index
        random = RandomStream(seed: context.seed, stream: spec.name)
        let base = spec.name
        shards = (1...shardCount).map { number in
            Shard(nodes: [
                ServerPool(
                    name: "\(base).shard-\(number)", workers: workers, queueLimit: queueLimit,
                    speed: 1),
                ServerPool(
                    name: "\(base).shard-\(number).replica", workers: workers,
                    queueLimit: queueLimit, speed: 1),
            ])
        }
    }

    func connect(in simulation: Simulation) throws(SpecError) {}

    func shard(for key: Int32) -> Int {
        switch sharding {
        case .hash: return ring.node(for: key)
        case .range: return min(shards.count - 1, Int(key) * shards.count / max(1, keyCount))
        }
    }

    override func handle(_ event: Event, in simulation: Simulation) {
        switch event.kind {
        case EventKind.arrive: arrive(event.subject, in: simulation)
        case Kind.serviceDone: serviceDone(event.subject, in: simulation)
        case Kind.applied: applied(shard: Int(event.subject), in: simulation)
        case Kind.failover: failover(shard: Int(event.subject), in: simulation)
        default: preconditionFailure("\(name): unknown event kind \(event.kind)")
        }
    }

    private func arrive(_ slot: Int32, in simulation: Simulation) {
        let position = Int(slot)
        simulation.requests.enteredAt[position] = simulation.now
        let number = shard(for: simulation.requests.key[position])
        let isWrite = simulation.requests.operation[position] != .read
        let chosen = isWrite ? shards[number].leader : readTarget(number)
        guard let chosen else {
            if isWrite { refusedWrites += 1 }
            return answer(slot, status: Status.unavailable, in: simulation)
        }
        if shards[number].nodes[chosen].health == .partitioned {
            return answer(
                slot, status: Status.gatewayTimeout, in: simulation, delay: partitionTimeoutMicros)
        }
        guard shards[number].nodes[chosen].health != .down else {
            if isWrite { refusedWrites += 1 }
            return answer(slot, status: Status.unavailable, in: simulation)
        }
        simulation.requests.node[position] = Int32(number * 2 + chosen)
        shards[number].nodes[chosen].connections += 1
        switch shards[number].nodes[chosen].admit(slot, now: simulation.now) {
        case .started: startService(slot, in: simulation)
        case .queued: break
        case .rejected:
            shards[number].nodes[chosen].connections -= 1
            answer(slot, status: Status.unavailable, in: simulation)
        }
    }

    /// Reads go to the follower when it is reachable, otherwise to the leader.
    private func readTarget(_ number: Int) -> Int? {
        let follower = shards[number].follower
        let reachable = shards[number].nodes[follower].health.isReachable
        return readsFromFollower && reachable ? follower : shards[number].leader
    }

    private func startService(_ slot: Int32, in simulation: Simulation) {
        let node = Int(simulation.requests.node[Int(slot)])
        let isWrite = simulation.requests.operation[Int(slot)] != .read
        let delay = shards[node / 2].nodes[node % 2].serviceTime(
            meanMicros: isWrite ? writeMicros : readMicros, random: &random)
        simulation.schedule(index, kind: Kind.serviceDone, after: delay, subject: slot)
    }

    private func serviceDone(_ slot: Int32, in simulation: Simulation) {
        let position = Int(slot)
        let node = Int(simulation.requests.node[position])
        let (number, physical) = (node / 2, node % 2)
        shards[number].nodes[physical].connections -= 1
        if let next = shards[number].nodes[physical].release(now: simulation.now) {
            simulation.requests.node[Int(next)] = Int32(node)
            startService(next, in: simulation)
        }
        if shards[number].nodes[physical].health == .down {
            return answer(slot, status: Status.unavailable, in: simulation)
        }
        let errorRatio = shards[number].nodes[physical].errorRatio
        if errorRatio > 0 && random.chance(errorRatio) {
            return answer(slot, status: Status.serverError, in: simulation)
        }
        if simulation.requests.operation[position] == .read {
            shards[number].readsInWindow += 1
        } else {
            shards[number].writesInWindow += 1
            commit(shard: number, in: simulation)
        }
        answer(slot, status: Status.ok, in: simulation)
    }
}
