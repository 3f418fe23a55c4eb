import SimKernel

/// A point-to-point message queue with acknowledgements: a bounded store that refuses new
/// messages when full, delivers to idle consumers, and redelivers a message whose
/// acknowledgement does not come back within the ack timeout.
final class MessageQueue: EventHandler, AnsweringComponent {
    let name: String
    let kind = "message-queue"
    let index: Int32
    var jobs: JobTable
    var pool: ServerPool
    let ackTimeoutMicros: SimTime
    let maxDeliveries: Int32
    let enqueueMicros: Double
    var random: RandomStream
    var stats = TrafficStats()
    unowned var consumers: Workers?

    var enqueued = 0
    var rejectedFull = 0
    var acked = 0
    var redelivered = 0
    var deadLettered = 0
    var staleAcks = 0
    var windowAcks = 0
    var consumeRate = Double.nan
    var depthHistory = FigureHistory(key: "depth", label: "depth", unit: .count)

    enum Kind { static let ackTimeout = EventKind.firstOwn }

    init(spec: ComponentSpec, index: Int32, context: BuildContext) throws(SpecError) {
        let params = ParamReader(spec)
        try params.rejectUnknown(allowed: ["limit", "ackTimeout", "maxDeliveries", "enqueueTime"])
        let limit = try params.integer("limit", default: 10_000, in: 1...1_000_000)
        ackTimeoutMicros = try params.duration(
            "ackTimeout", default: 5 * Micros.perSecond, in: 1_000...Micros.perHour)
        maxDeliveries = Int32(try params.integer("maxDeliveries", default: 5, in: 1...100))
        enqueueMicros = Double(
            try params.duration("enqueueTime", default: 200, in: 1...Micros.perSecond))
        jobs = JobTable(limit: limit)
        pool = ServerPool(name: "\(spec.name).broker", workers: 1, queueLimit: 0, speed: 1)
        name = spec.name
        self.index = index
        random = RandomStream(seed: context.seed, stream: spec.name)
    }

    func connect(in simulation: Simulation) throws(SpecError) {
        consumers = simulation.downstream(of: name).compactMap { $0 as? Workers }.first
        guard let consumers else {
            throw SpecError(path: "connections", message: "\(name) needs workers to consume it")
        }
        consumers.source = self
    }

    override func handle(_ event: Event, in simulation: Simulation) {
        switch event.kind {
        case EventKind.arrive: arrive(event.subject, in: simulation)
        case Kind.ackTimeout:
            timedOut(job: event.subject, generation: event.argument, in: simulation)
        default: preconditionFailure("\(name): unknown event kind \(event.kind)")
        }
    }

    private func arrive(_ slot: Int32, in simulation: Simulation) {
        simulation.requests.enteredAt[Int(slot)] = simulation.now
        switch pool.health {
        case .down: return answer(slot, status: Status.unavailable, in: simulation)
        case .partitioned:
            return answer(
                slot, status: Status.gatewayTimeout, in: simulation,
                delay: partitionTimeoutMicros)
        default: break
        }
        pool.countServed()
        if pool.errorRatio > 0 && random.chance(pool.errorRatio) {
            return answer(slot, status: Status.serverError, in: simulation)
        }
        let bytes = Int64(random.logNormal(mean: 2_000_000, variation: 1).rounded())
        guard jobs.enqueue(now: simulation.now, bytes: max(1, bytes)) != nil else {
            rejectedFull += 1
            return answer(slot, status: Status.unavailable, in: simulation)
        }
        enqueued += 1
        let delay = Micros.nearest(random.exponential(mean: enqueueMicros)) + pool.slowExtra
        answer(slot, status: Status.ok, in: simulation, delay: delay)
        dispatch(in: simulation)
    }

    /// Hands waiting messages to idle consumers while both exist.
    func dispatch(in simulation: Simulation) {
        guard pool.health.isReachable, let consumers else { return }
        while jobs.waitingCount > 0, let worker = consumers.idleNode() {
            let job = jobs.takeNext()!
            if jobs.deliveries[Int(job)] > 1 { redelivered += 1 }
            let generation = jobs.generation[Int(job)]
            consumers.start(
                job, generation: generation, bytes: jobs.payloadBytes[Int(job)],
                on: worker, in: simulation)
            simulation.schedule(
                index, kind: Kind.ackTimeout, after: ackTimeoutMicros, subject: job,
                argument: generation)
        }
    }

    /// A consumer finished a message: acknowledged (`success`) or refused.
    func finished(job: Int32, generation: Int32, success: Bool, in simulation: Simulation) {
        guard jobs.isLive(job, generation: generation) else {
            staleAcks += 1
            return dispatch(in: simulation)
        }
        if success {
            acked += 1
            windowAcks += 1
            jobs.remove(job)
        } else {
            retryOrDeadLetter(job)
        }
        dispatch(in: simulation)
    }

    private func timedOut(job: Int32, generation: Int32, in simulation: Simulation) {
        guard jobs.isLive(job, generation: generation) else { return }
        retryOrDeadLetter(job)
        dispatch(in: simulation)
    }

    private func retryOrDeadLetter(_ job: Int32) {
        if jobs.deliveries[Int(job)] >= maxDeliveries {
            deadLettered += 1
            jobs.remove(job)
        } else {
            jobs.requeue(job)
        }
    }
}
