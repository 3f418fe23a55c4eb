import SimKernel

/// The API gateway: every request passes its stages in order (TLS and header checks cost
/// a worker's time, then authentication, then the rate limiter) and each stage that refuses
/// counts its own rejects and status code.
final class Gateway: EventHandler, AnsweringComponent {
    let name: String
    let kind = "api-gateway"
    let index: Int32
    var pool: ServerPool
    var limiter: RateLimiter
    let serviceMicros: Double
    let badAuthPerMillion: UInt64
    var random: RandomStream
    var stats = TrafficStats()
    var next: Int32 = -1

    var rejectedAuth = 0
    var rejectedThrottle = 0
    var rejectedOverload = 0
    /// Requests the rate limiter let through, over the whole run.
    var passedLimiter = 0
    var windowRejects = 0
    var rejectHistory = FigureHistory(key: "rejects", label: "rejects/s", unit: .perSecond)
    /// The newest requests through the gateway, for the access-log tail.
    var accessLog = RingBuffer<AccessRecord>(capacity: Gateway.accessLogLimit)
    static let accessLogLimit = 12

    enum Kind { static let serviceDone = EventKind.firstOwn, pass = EventKind.firstOwn + 1 }

    init(spec: ComponentSpec, index: Int32, context: BuildContext) throws(SpecError) {
        let params = ParamReader(spec)
        try params.rejectUnknown(allowed: [
            "workers", "queueLimit", "serviceTime", "rateLimit", "burst", "limiter",
        ])
        let workers = try params.integer("workers", default: 64, in: 1...4_096)
        let queueLimit = try params.integer("queueLimit", default: 1_000, in: 0...1_000_000)
        serviceMicros = Double(
            try params.duration("serviceTime", default: 200, in: 1...Micros.perSecond))
        let rate = try params.integer("rateLimit", default: 10_000, in: 1...10_000_000)
        let burst = try params.integer("burst", default: 1_000, in: 1...10_000_000)
        let algorithm = try params.choice(
            "limiter", default: RateLimitAlgorithm.tokenBucket.rawValue,
            from: RateLimitAlgorithm.allCases.map(\.rawValue))
        limiter = RateLimiter(
            algorithm: RateLimitAlgorithm(rawValue: algorithm)!, ratePerSecond: Int64(rate),
            burst: Int64(burst))
        pool = ServerPool(
            name: "\(spec.name).node-1", workers: workers, queueLimit: queueLimit, speed: 1)
        badAuthPerMillion = UInt64((context.workload.badAuthRatio * 1_000_000).rounded())
        name = spec.name
        self.index = index
        random = RandomStream(seed: context.seed, stream: spec.name)
    }

    func connect(in simulation: Simulation) throws(SpecError) {
        guard let first = simulation.downstream(of: name).first else {
            throw SpecError(path: "connections", message: "\(name) connects to nothing")
        }
        next = first.index
    }

    override func handle(_ event: Event, in simulation: Simulation) {
        switch event.kind {
        case EventKind.arrive: arrive(event.subject, in: simulation)
        case Kind.serviceDone: checked(event.subject, in: simulation)
        case Kind.pass: simulation.call(event.subject, from: index, phase: 1, to: next)
        case EventKind.response:
            reply(event.subject, status: responseParts(event).status, in: simulation)
        default: preconditionFailure("\(name): unknown event kind \(event.kind)")
        }
    }

    /// A sampled request is split where the workers admit it (see `arriveSampled`).
    var takesSampled: Bool { true }

    private func arrive(_ slot: Int32, in simulation: Simulation) {
        simulation.requests.enteredAt[Int(slot)] = simulation.now
        guard pool.health.isReachable else {
            return reply(slot, status: Status.unavailable, in: simulation)
        }
        if simulation.requests.weight(slot) > 1 {
            return arriveSampled(slot, in: simulation)
        }
        switch pool.admit(slot, now: simulation.now) {
        case .started: startService(slot, in: simulation)
        case .queued: break
        case .rejected:
            rejectedOverload += 1
            windowRejects += 1
            reply(slot, status: Status.unavailable, in: simulation)
        }
    }

    /// The requests a sampled one stands for that the workers and queue have room for go on
    /// as single requests; the rest are refused together, as one answer of that weight.
    private func arriveSampled(_ slot: Int32, in simulation: Simulation) {
        let refused = simulation.admitSampled(slot, room: pool.room) {
            arrive($0, in: simulation)
        }
        guard refused > 0 else { return }
        pool.countRejected(refused)
        rejectedOverload += refused
        windowRejects += refused
        reply(slot, status: Status.unavailable, in: simulation)
    }

    private func startService(_ slot: Int32, in simulation: Simulation) {
        let delay = pool.serviceTime(meanMicros: serviceMicros, random: &random)
        simulation.schedule(index, kind: Kind.serviceDone, after: delay, subject: slot)
    }

    /// The stages after TLS termination: authentication, then rate limiting.
    private func checked(_ slot: Int32, in simulation: Simulation) {
        if let queued = pool.release(now: simulation.now) { startService(queued, in: simulation) }
        let client = UInt64(UInt32(bitPattern: simulation.requests.client[Int(slot)]))
        if mixHash(client ^ 0xA5A5) % 1_000_000 < badAuthPerMillion {
            rejectedAuth += 1
            windowRejects += 1
            return reply(slot, status: Status.unauthorized, in: simulation)
        }
        if pool.errorRatio > 0 && random.chance(pool.errorRatio) {
            return reply(slot, status: Status.serverError, in: simulation)
        }
        guard let wait = limiter.admit(at: simulation.now) else {
            rejectedThrottle += 1
            windowRejects += 1
            return reply(slot, status: Status.tooManyRequests, in: simulation)
        }
        passedLimiter += 1
        if wait == 0 {
            simulation.call(slot, from: index, phase: 1, to: next)
        } else {
            simulation.schedule(index, kind: Kind.pass, after: wait, subject: slot)
        }
    }

    /// Answers through the common path, keeping the request in the access log first.
    func reply(_ slot: Int32, status: Int32, in simulation: Simulation) {
        let position = Int(slot)
        accessLog.append(
            AccessRecord(
                time: simulation.now, requestID: simulation.requests.identifier[position],
                client: simulation.requests.client[position],
                key: simulation.requests.key[position],
                operation: simulation.requests.operation[position], status: status,
                latency: simulation.now - simulation.requests.enteredAt[position]))
        answer(slot, status: status, in: simulation)
    }
}

/// One line of the gateway's access log, kept raw and formatted only when shown.
struct AccessRecord {
    var time: SimTime
    var requestID: UInt64
    var client: Int32
    var key: Int32
    var operation: Operation
    var status: Int32
    var latency: SimTime

    var line: String {
        let method = operation == .read ? "GET " : "PUT "
        return "\(formatFixed(Micros.toSeconds(time), decimals: 3))s \(status) \(method)/k/\(key) "
            + "\(formatDuration(latency)) req-\(requestID) client-\(client)"
    }
}
