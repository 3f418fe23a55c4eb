import SimKernel

/// How processed objects are compressed before storage.
enum Compression: String, CaseIterable {
    case lossless, lossy
}

/// Processing workers: nodes that each run a few jobs at a time, taken from a message
/// queue. A job takes compute time, may fail (and is redelivered), and its output is
/// compressed; a node that dies takes its jobs with it, unacknowledged.
final class Workers: EventHandler, ComponentModel {
    let name: String
    let kind = "workers"
    let index: Int32
    var nodes: [ServerPool]
    let slotsPerNode: Int
    let computeMicros: Double
    let failRatio: Double
    var compression: Compression
    var random: RandomStream
    unowned var source: MessageQueue?

    var completed = 0
    var failed = 0
    var lost = 0
    /// Bytes of the objects processed (input) and stored after compression (output).
    var bytesIn: Int64 = 0
    var bytesOut: Int64 = 0
    var windowBytesIn: Int64 = 0
    var windowBytesOut: Int64 = 0
    /// Output over input in the last window; NaN when nothing finished.
    var compressionNow = Double.nan
    var windowCompleted = 0
    var completedRate = Double.nan
    var computeHistogram = LatencyHistogram()
    var computeP95 = Double.nan
    var rateHistory = FigureHistory(key: "completed", label: "jobs/s", unit: .perSecond)

    static let nodeLimit = 64
    enum Kind { static let done = EventKind.firstOwn }

    init(spec: ComponentSpec, index: Int32, context: BuildContext) throws(SpecError) {
        let params = ParamReader(spec)
        try params.rejectUnknown(allowed: [
            "nodes", "slots", "computeTime", "failRatio", "compression",
        ])
        let count = try params.integer("nodes", default: 4, in: 1...Workers.nodeLimit)
        slotsPerNode = try params.integer("slots", default: 4, in: 1...256)
        computeMicros = Double(
            try params.duration("computeTime", default: 20_000, in: 1...Micros.perHour))
        failRatio = try params.number("failRatio", default: 0.02, in: 0...1)
        compression = Compression(
            rawValue: try params.choice(
                "compression", default: "lossless", from: Compression.allCases.map(\.rawValue)))!
        name = spec.name
        self.index = index
        random = RandomStream(seed: context.seed, stream: spec.name)
        let slots = slotsPerNode
        nodes = (1...count).map {
            ServerPool(name: "\(spec.name).node-\($0)", workers: slots, queueLimit: 0, speed: 1)
        }
    }

    func connect(in simulation: Simulation) throws(SpecError) {}

    /// A live node with a free slot, the least busy first (lowest position on ties).
    func idleNode() -> Int? {
        var best: Int?
        for node in nodes.indices
        where nodes[node].health.isReachable && !nodes[node].isDraining
            && nodes[node].busy < nodes[node].workers
            && (best == nil || nodes[node].busy < nodes[best!].busy)
        {
            best = node
        }
        return best
    }

    func start(
        _ job: Int32, generation: Int32, bytes: Int64, on node: Int, in simulation: Simulation
    ) {
        _ = nodes[node].admit(job, now: simulation.now)
        nodes[node].connections += 1
        let work = nodes[node].serviceTime(meanMicros: computeMicros, random: &random)
        computeHistogram.record(work)
        precondition(generation < 1 << 24, "delivery generation overflow")
        simulation.schedule(
            index, kind: Kind.done, after: work, subject: job,
            argument: Int32(node) << 24 | generation)
    }

    override func handle(_ event: Event, in simulation: Simulation) {
        guard event.kind == Kind.done else {
            preconditionFailure("\(name): unknown event kind \(event.kind)")
        }
        let node = Int(event.argument >> 24)
        let generation = event.argument & 0xFF_FFFF
        guard node < nodes.count else { return }
        nodes[node].connections -= 1
        _ = nodes[node].release(now: simulation.now)
        if nodes[node].health == .down || nodes[node].health == .partitioned {
            lost += 1
            return
        }
        let fails = random.chance(min(1, failRatio + nodes[node].errorRatio))
        if fails {
            failed += 1
        } else {
            completed += 1
            windowCompleted += 1
            let bytes = source?.jobs.payloadBytes[Int(event.subject)] ?? 0
            let stored = Int64((Double(bytes) * compressionRatio()).rounded())
            bytesIn += bytes
            bytesOut += stored
            windowBytesIn += bytes
            windowBytesOut += stored
        }
        source?.finished(
            job: event.subject, generation: generation, success: !fails, in: simulation)
    }

    /// The output-to-input size of one object: lossless codecs keep more than lossy ones.
    private func compressionRatio() -> Double {
        switch compression {
        case .lossless: return 0.45 + 0.3 * random.nextUnit()
        case .lossy: return 0.08 + 0.12 * random.nextUnit()
        }
    }
}
