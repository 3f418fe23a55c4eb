import SimKernel

/// The clients: open Poisson arrivals at the offered rate, each request a read or a write
/// of a Zipf-popular key, walking the chain of components the client connects to.
///
/// It is component 0, named `client`; the layout's connections from `client` give the
/// order of calls (DNS first, then the entry point).
///
/// Above `sampleAbove` requests a second the clients sample: they send one request in N,
/// of weight N, so at most `sampleAbove` requests a second enter the architecture. Every
/// component counts a sampled request N times. The front components (DNS, balancer,
/// gateway, backend) take it as it is; where a queue admits work, or at any component
/// that takes single requests only, it is split back into N single requests with keys
/// and clients of their own, so everything past admission is simulated request by
/// request and only the requests turned away at the front are sampled.
final class WorkloadGenerator: EventHandler, ComponentModel {
    static let reservedName = "client"
    let name = WorkloadGenerator.reservedName
    let kind = "clients"
    let index: Int32 = 0

    private(set) var baseRate: Double
    private var spikeFactor = 1.0
    private var spikeEnds: SimTime = 0
    private var hotKeyFraction = 0.0
    private let readRatio: Double
    private let clientCount: Int
    private let keys: ZipfSampler
    private var random: RandomStream
    /// Bumped on every rate change; a pending arrival of an older generation is ignored.
    private var generation: Int32 = 0
    private var chain: [Int32] = []
    /// N when the clients send one request in N (1 when they send them all).
    private(set) var sampleEvery = 1
    private let sampleAbove: Double
    /// The exact time of the next arrival in microseconds; events fire at the whole
    /// microsecond at or after it, so the offered rate is kept exactly however high it is.
    private var nextArrival = 0.0
    private var stats = TrafficStats()
    private(set) var dropped = 0
    /// Requests started over the whole run (dropped ones not included).
    private(set) var started = 0
    /// Client requests answered (background writes of the cache are not client requests).
    private(set) var finished = 0
    private var offeredHistory = FigureHistory(key: "offered", label: "offered", unit: .perSecond)

    static let rateLimit = 5_000_000.0
    static let rateLimitText = "5000000"
    private enum Kind { static let arrival = EventKind.firstOwn }

    init(spec: WorkloadSpec, seed: UInt64) {
        baseRate = spec.ratePerSecond
        readRatio = spec.readRatio
        clientCount = spec.clientCount
        sampleAbove = spec.sampleAbove
        keys = ZipfSampler(count: spec.keyCount, exponent: spec.zipfExponent)
        random = RandomStream(seed: seed, stream: "client")
    }

    static func validate(_ spec: WorkloadSpec) throws(SpecError) {
        func check(_ ok: Bool, _ field: String, _ message: String) throws(SpecError) {
            if !ok { throw SpecError(path: "workload.\(field)", message: message) }
        }
        try check(
            spec.ratePerSecond >= 0 && spec.ratePerSecond <= rateLimit, "rate",
            "expected 0 to \(rateLimitText) requests per second")
        try check((0...1).contains(spec.readRatio), "readRatio", "expected 0 to 1")
        try check(
            (1...ZipfSampler.countLimit).contains(spec.keyCount), "keys",
            "expected 1 to \(ZipfSampler.countLimit) keys")
        try check((0...3).contains(spec.zipfExponent), "zipf", "expected 0 to 3")
        try check((1...1_000_000).contains(spec.clientCount), "clients", "expected 1 to 1000000")
        try check((0...1).contains(spec.jobRatio), "jobRatio", "expected 0 to 1")
        try check((0...1).contains(spec.badAuthRatio), "badAuthRatio", "expected 0 to 1")
        try check(
            spec.sampleAbove >= 1_000 && spec.sampleAbove <= rateLimit, "sampleAbove",
            "expected 1000 to \(rateLimitText) requests per second")
    }

    func connect(in simulation: Simulation) throws(SpecError) {
        chain = simulation.spec.connections.filter { $0.from == name }.map {
            simulation.component(named: $0.to)!.index
        }
        guard !chain.isEmpty else {
            throw SpecError(
                path: "connections",
                message: "nothing connects from 'client'; add {from: \"client\", to: ...}")
        }
        restartArrivals(in: simulation)
    }

    func offeredRate(at now: SimTime) -> Double {
        now < spikeEnds ? baseRate * spikeFactor : baseRate
    }

    private func scheduleArrival(in simulation: Simulation) {
        let rate = offeredRate(at: simulation.now)
        guard rate > 0 else { return }
        nextArrival += random.exponential(mean: 1e6 * Double(sampleEvery) / rate)
        let due = Micros.atOrAfter(nextArrival)
        simulation.schedule(
            index, kind: Kind.arrival, after: max(0, due - simulation.now), argument: generation)
    }

    override func handle(_ event: Event, in simulation: Simulation) {
        switch event.kind {
        case Kind.arrival:
            guard event.argument == generation else { return }
            startRequest(in: simulation)
            scheduleArrival(in: simulation)
        case EventKind.response:
            let (phase, status) = responseParts(event)
            advance(event.subject, phase: phase, status: status, in: simulation)
        case EventKind.firstOwn + 1:
            guard event.argument == generation else { return }
            restartArrivals(in: simulation)
            simulation.tell("spike over: load back to \(formatFixed(baseRate, decimals: 0)) req/s")
        default:
            preconditionFailure("client: unknown event kind \(event.kind)")
        }
    }

    /// What one request asks for and who sends it. A choice with one possible outcome (all
    /// reads, one key, one client) draws no number.
    func drawShape() -> (operation: Operation, key: Int32, client: Int32) {
        let operation: Operation =
            readRatio >= 1 || (readRatio > 0 && random.nextUnit() < readRatio) ? .read : .write
        let key: Int32 =
            hotKeyFraction > 0 && random.nextUnit() < hotKeyFraction
            ? 0 : Int32(keys.draw(using: &random))
        let client = clientCount == 1 ? 0 : Int32(random.nextInt(below: clientCount))
        return (operation, key, client)
    }

    private func startRequest(in simulation: Simulation) {
        let shape = drawShape()
        guard
            let slot = simulation.requests.allocate(
                operation: shape.operation, key: shape.key, client: shape.client,
                now: simulation.now, weight: Int32(sampleEvery))
        else {
            dropped += sampleEvery
            return
        }
        started += sampleEvery
        simulation.call(slot, from: index, phase: 0, to: chain[0])
    }

    private func advance(_ slot: Int32, phase: Int32, status: Int32, in simulation: Simulation) {
        let next = Int(phase) + 1
        if Status.isSuccess(status) && next < chain.count {
            simulation.call(slot, from: index, phase: Int32(next), to: chain[next])
            return
        }
        let latency = simulation.now - simulation.requests.startTime[Int(slot)]
        let weight = simulation.requests.weight(slot)
        stats.record(status: status, latency: latency, times: weight)
        simulation.requests.release(slot)
        finished += weight
    }

    // MARK: Commands

    func setRate(_ rate: Double, in simulation: Simulation) throws(CommandError) -> String {
        guard rate.isFinite, rate >= 0, rate <= WorkloadGenerator.rateLimit else {
            throw CommandError(
                "a rate is 0 to \(WorkloadGenerator.rateLimitText) requests per second")
        }
        baseRate = rate.rounded()
        restartArrivals(in: simulation)
        return "load set to \(formatFixed(baseRate, decimals: 0)) req/s"
    }

    func spike(factor: Double, duration: SimTime, in simulation: Simulation) throws(CommandError)
        -> String
    {
        guard factor.isFinite, factor > 0, factor <= 100 else {
            throw CommandError("a spike multiplies the load by more than 0 and at most 100")
        }
        guard duration > 0, duration <= Micros.perHour else {
            throw CommandError("a spike lasts more than 0 and at most 1h")
        }
        guard baseRate * factor <= WorkloadGenerator.rateLimit else {
            throw CommandError("the spike would exceed \(WorkloadGenerator.rateLimitText) req/s")
        }
        spikeFactor = factor
        spikeEnds = simulation.now + duration
        restartArrivals(in: simulation)
        simulation.schedule(
            index, kind: EventKind.firstOwn + 1, after: duration, argument: generation)
        return "load spike x\(formatFixed(factor, decimals: 1)) for \(formatDuration(duration))"
    }

    func setHotKey(_ fraction: Double) throws(CommandError) -> String {
        guard (0...1).contains(fraction) else {
            throw CommandError("a hot-key share is 0 to 1")
        }
        hotKeyFraction = fraction
        return fraction == 0
            ? "hot key off"
            : "hot key: \(formatFixed(fraction * 100, decimals: 0))% of requests hit key 0"
    }

    private func restartArrivals(in simulation: Simulation) {
        generation &+= 1
        let rate = offeredRate(at: simulation.now)
        sampleEvery = rate > sampleAbove ? Int((rate / sampleAbove).rounded(.up)) : 1
        nextArrival = Double(simulation.now)
        scheduleArrival(in: simulation)
    }

    // MARK: Figures

    func rollWindow(in simulation: Simulation) {
        stats.roll(windowSeconds: Micros.toSeconds(simulation.windowMicros))
        offeredHistory.append(offeredRate(at: simulation.now))
    }

    /// The whole run's requests started and dropped, and the answers the clients got.
    func totals(in simulation: Simulation) -> [Metric] {
        stats.totals + [
            Metric("started", "started", Double(started), .count),
            Metric("dropped", "dropped", Double(dropped), .count),
        ]
    }

    func snapshot(in simulation: Simulation) -> ComponentSnapshot {
        var metrics = [Metric("offered", "offered", offeredRate(at: simulation.now), .perSecond)]
        metrics += stats.metrics
        metrics.append(Metric("inFlight", "in flight", Double(started - finished), .count))
        metrics.append(Metric("dropped", "dropped", Double(dropped), .count))
        metrics.append(Metric("hotKey", "hot key", hotKeyFraction, .ratio))
        return ComponentSnapshot(
            name: name, kind: kind, health: .up, metrics: metrics,
            history: [offeredHistory.series] + stats.series)
    }

    var settings: [Setting] { [] }

    func fail(node: String?, fault: Fault, in simulation: Simulation) throws(CommandError) -> String
    {
        throw CommandError("the clients cannot fail; use 'load' to change them")
    }

    func recover(node: String?, in simulation: Simulation) throws(CommandError) -> String {
        throw CommandError("the clients have nothing to recover")
    }
}
