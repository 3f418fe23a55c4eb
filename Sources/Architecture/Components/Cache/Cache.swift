import SimKernel

/// How writes meet the cache.
enum WritePolicy: String, CaseIterable {
    /// Writes go to the database; the cached copy is dropped (reads load it again).
    case writeAround = "write-around"
    /// Writes go through the cache to the database; the cache keeps the new value.
    case writeThrough = "write-through"
    /// Writes land in the cache only, marked dirty, and reach the database later; a node
    /// that dies loses its dirty entries.
    case writeBack = "write-back"
}

/// A distributed cache: nodes that each hold part of the key space, read-through on a miss
/// (the cache loads the key from the database and keeps it), with a TTL and a switchable
/// eviction policy. The hit ratio is counted, never computed from a formula.
final class Cache: EventHandler, AnsweringComponent, KeyInvalidating {
    let name: String
    let kind = "cache"
    let index: Int32
    var stores: [KeyStore]
    var health: [Health]
    var slowExtra: [SimTime]
    var keyIndex: KeyIndex
    var ring: HashRing
    /// Points per node on the consistent-hash ring: more points, a more even spread.
    let virtualNodes: Int
    var dirtyFlag: [Bool]
    var writePolicy: WritePolicy
    let ttlMicros: SimTime
    let lookupMicros: Double
    let capacityPerNode: Int
    var random: RandomStream
    var stats = TrafficStats()
    var database: Int32 = -1

    var windowHits = 0
    var windowMisses = 0
    var hitRatio = Double.nan
    /// Evictions of nodes scaled away, so the running total never falls.
    var retiredEvictions = 0
    var totalHits = 0
    var totalMisses = 0
    var bypassed = 0
    var invalidations = 0
    var lostDirty = 0
    var flushedWrites = 0
    /// Requests routed to each node over the whole run (its load, for the spread).
    var requestsPerNode: [Int]
    /// Per-node request counts at the last window's close, and the rates since.
    var countedBefore: [Int] = []
    var nodeRates: [Double] = []
    /// Cached keys dropped because a re-partitioning gave them a new owner, whole run.
    var keysMoved = 0
    /// Keys written under write-back and not yet flushed to the database.
    var dirtyCount = 0
    var hitHistory = FigureHistory(key: "hitRatio", label: "hit", unit: .ratio)

    static let nodeLimit = 32
    enum Kind { static let lookedUp = EventKind.firstOwn, flush = EventKind.firstOwn + 1 }
    enum Phase {
        static let load: Int32 = 1, bypass: Int32 = 2, writeThrough: Int32 = 3
        static let flush: Int32 = 4
    }
    /// How long a write-back entry stays dirty before it is written to the database; each
    /// key has its own timer, so flushes spread out instead of arriving in one burst.
    static let flushDelayMicros: SimTime = Micros.perSecond

    init(spec: ComponentSpec, index: Int32, context: BuildContext) throws(SpecError) {
        let params = ParamReader(spec)
        try params.rejectUnknown(allowed: [
            "nodes", "capacity", "eviction", "ttl", "lookupTime", "write", "hashing",
            "virtualNodes",
        ])
        let hashing = try params.choice(
            "hashing", default: Partitioning.consistent.rawValue,
            from: Partitioning.allCases.map(\.rawValue))
        let nodeCount = try params.integer("nodes", default: 3, in: 1...Cache.nodeLimit)
        virtualNodes = try params.integer(
            "virtualNodes", default: 100, in: 1...HashRing.virtualNodeLimit)
        capacityPerNode = try params.integer("capacity", default: 5_000, in: 1...1_000_000)
        let eviction = try params.choice(
            "eviction", default: "lru", from: EvictionPolicy.allCases.map(\.rawValue))
        ttlMicros = try params.duration(
            "ttl", default: 60 * Micros.perSecond, in: 1_000...(24 * Micros.perHour))
        lookupMicros = Double(
            try params.duration("lookupTime", default: 300, in: 1...Micros.perSecond))
        let write = try params.choice(
            "write", default: WritePolicy.writeAround.rawValue,
            from: WritePolicy.allCases.map(\.rawValue))
        writePolicy = WritePolicy(rawValue: write)!
        let policy = EvictionPolicy(rawValue: eviction)!
        let capacity = capacityPerNode
        stores = (0..<nodeCount).map { _ in KeyStore(capacity: capacity, policy: policy) }
        health = Array(repeating: .up, count: nodeCount)
        slowExtra = Array(repeating: 0, count: nodeCount)
        requestsPerNode = Array(repeating: 0, count: nodeCount)
        keyIndex = KeyIndex(keyCount: context.workload.keyCount)
        dirtyFlag = Array(repeating: false, count: context.workload.keyCount)
        ring = HashRing(
            partitioning: Partitioning(rawValue: hashing)!, nodeCount: nodeCount,
            virtualNodes: virtualNodes)
        name = spec.name
        self.index = index
        random = RandomStream(seed: context.seed, stream: spec.name)
    }

    func connect(in simulation: Simulation) throws(SpecError) {
        database = simulation.downstream(of: name).first { $0.kind == "database" }?.index ?? -1
        guard database >= 0 else {
            throw SpecError(
                path: "connections", message: "\(name) needs a database to read through to")
        }
    }

    /// The node that owns a key now. The cache's clients eject a dead node: on a consistent
    /// ring its keys go to the next live node; with mod-N they keep their dead owner and
    /// miss to the database.
    @inline(__always)
    func node(for key: Int32) -> Int {
        let owner = ring.node(for: key)
        guard health[owner] == .down else { return owner }
        return ring.node(for: key) { [health] in $0 >= health.count || health[$0] != .down }
    }

    override func handle(_ event: Event, in simulation: Simulation) {
        switch event.kind {
        case EventKind.arrive: arrive(event.subject, in: simulation)
        case Kind.lookedUp: lookedUp(event.subject, in: simulation)
        case EventKind.response:
            let (phase, status) = responseParts(event)
            loaded(event.subject, phase: phase, status: status, in: simulation)
        case Kind.flush: flushTimer(key: event.subject, in: simulation)
        default: preconditionFailure("\(name): unknown event kind \(event.kind)")
        }
    }

    private func arrive(_ slot: Int32, in simulation: Simulation) {
        let position = Int(slot)
        simulation.requests.enteredAt[position] = simulation.now
        let owner = node(for: simulation.requests.key[position])
        simulation.requests.node[position] = Int32(owner)
        guard health[owner] != .down && health[owner] != .partitioned else {
            bypassed += 1
            windowMisses += 1
            let delay = health[owner] == .partitioned ? partitionTimeoutMicros : 0
            return simulation.call(
                slot, from: index, phase: Phase.bypass, to: database, delay: delay)
        }
        requestsPerNode[owner] += 1
        let delay = Micros.nearest(random.exponential(mean: lookupMicros)) + slowExtra[owner]
        simulation.schedule(index, kind: Kind.lookedUp, after: delay, subject: slot)
    }

    /// The lookup arrives at the node. The owner is found again: nodes may have been added,
    /// removed or killed while the request travelled.
    private func lookedUp(_ slot: Int32, in simulation: Simulation) {
        let position = Int(slot)
        let key = simulation.requests.key[position]
        let owner = node(for: key)
        simulation.requests.node[position] = Int32(owner)
        guard health[owner] != .down && health[owner] != .partitioned else {
            bypassed += 1
            windowMisses += 1
            return simulation.call(slot, from: index, phase: Phase.bypass, to: database)
        }
        if simulation.requests.operation[position] == .write {
            return write(slot, node: owner, in: simulation)
        }
        if stores[owner].lookup(key, now: simulation.now, index: &keyIndex) {
            windowHits += 1
            return answer(slot, status: Status.ok, in: simulation)
        }
        windowMisses += 1
        simulation.call(slot, from: index, phase: Phase.load, to: database)
    }

    private func loaded(_ slot: Int32, phase: Int32, status: Int32, in simulation: Simulation) {
        let position = Int(slot)
        let key = simulation.requests.key[position]
        if phase == Phase.flush {
            return flushAnswered(slot, status: status, in: simulation)
        }
        let owner = node(for: key)
        if Status.isSuccess(status) && phase != Phase.bypass && health[owner] != .down
            && health[owner] != .partitioned
        {
            store(key, node: owner, in: simulation)
        }
        answer(slot, status: status, in: simulation)
    }

    /// Whether writes pass through the cache (write-through, write-back) rather than around.
    var routesWrites: Bool { writePolicy != .writeAround }

    func invalidate(key: Int32, in simulation: Simulation) {
        let owner = node(for: key)
        guard health[owner] != .down else { return }
        if stores[owner].remove(key, index: &keyIndex) { invalidations += 1 }
    }
}
