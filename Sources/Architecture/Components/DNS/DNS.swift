import SimKernel

/// DNS: each client keeps a stub cache; behind it, regional ISP resolvers on port 53 keep
/// their own caches of the referral and address records, each with its own TTL, and on a
/// miss walk root → TLD → authoritative. A dead nameserver shows up only once the records
/// that let resolvers skip it expire.
final class DNS: EventHandler, AnsweringComponent {
    let name: String
    let kind = "dns"
    let index: Int32
    /// Resolvers first, then the root, the TLD and the authoritative nameserver.
    var servers: [ServerPool]
    let resolverCount: Int
    var addressTTL: SimTime
    let referralTTL: SimTime
    let delegationTTL: SimTime
    let resolverRTT: SimTime
    let nameserverRTT: [SimTime]
    let timeoutMicros: SimTime
    var clientExpiry: [SimTime]
    /// Per resolver: when its cached .com referral, domain delegation and A record expire.
    var comReferralExpiry: [SimTime]
    var delegationExpiry: [SimTime]
    var addressExpiry: [SimTime]
    var stats = TrafficStats()

    var window = DNSCounters()
    var totals = DNSCounters()
    // Window figures: undefined until the first window closes.
    var clientHitRatio = Double.nan
    var resolverHitRatio = Double.nan
    var resolutionRate = Double.nan
    var stepsPerResolution = Double.nan
    var failureRate = Double.nan
    var hitHistory = FigureHistory(key: "clientHitRatio", label: "stub hit", unit: .ratio)

    static let resolverLimit = 16
    enum Kind { static let answer = EventKind.firstOwn }
    /// The stage a query is at; it travels in the event's argument with the resolver.
    enum Stage: Int32 {
        case resolver = 1
        case root, tld, authoritative, retry
    }
    var rootIndex: Int { resolverCount }

    init(spec: ComponentSpec, index: Int32, context: BuildContext) throws(SpecError) {
        let params = ParamReader(spec)
        try params.rejectUnknown(allowed: [
            "resolvers", "ttl", "referralTtl", "delegationTtl", "resolverRtt", "rootRtt",
            "tldRtt", "authRtt", "timeout",
        ])
        resolverCount = try params.integer("resolvers", default: 4, in: 1...DNS.resolverLimit)
        let hour = Micros.perHour
        addressTTL = try params.duration("ttl", default: 60 * Micros.perSecond, in: 0...(48 * hour))
        referralTTL = try params.duration("referralTtl", default: 48 * hour, in: 0...(96 * hour))
        delegationTTL = try params.duration("delegationTtl", default: hour, in: 0...(96 * hour))
        resolverRTT = try params.duration("resolverRtt", default: 2_000, in: 0...Micros.perSecond)
        nameserverRTT = [
            try params.duration("rootRtt", default: 25_000, in: 0...Micros.perSecond),
            try params.duration("tldRtt", default: 15_000, in: 0...Micros.perSecond),
            try params.duration("authRtt", default: 10_000, in: 0...Micros.perSecond),
        ]
        timeoutMicros = try params.duration(
            "timeout", default: Micros.perSecond, in: 1_000...Micros.perMinute)
        name = spec.name
        self.index = index
        let base = spec.name
        servers = (1...resolverCount).map {
            ServerPool(name: "\(base).resolver-\($0)", workers: 1, queueLimit: 0, speed: 1)
        }
        for role in ["root", "tld", "auth"] {
            servers.append(ServerPool(name: "\(base).\(role)", workers: 1, queueLimit: 0, speed: 1))
        }
        clientExpiry = Array(repeating: 0, count: context.workload.clientCount)
        comReferralExpiry = Array(repeating: 0, count: resolverCount)
        delegationExpiry = Array(repeating: 0, count: resolverCount)
        addressExpiry = Array(repeating: 0, count: resolverCount)
    }

    func connect(in simulation: Simulation) throws(SpecError) {}

    /// A sampled request is looked up once for its client and counted for all it stands for.
    var takesSampled: Bool { true }

    override func handle(_ event: Event, in simulation: Simulation) {
        switch event.kind {
        case EventKind.arrive: arrive(event.subject, in: simulation)
        case Kind.answer:
            let stage = Stage(rawValue: event.argument & 0xFF)!
            answered(
                event.subject, stage: stage, resolver: Int(event.argument >> 8), in: simulation)
        default: preconditionFailure("\(name): unknown event kind \(event.kind)")
        }
    }

    private func arrive(_ slot: Int32, in simulation: Simulation) {
        let position = Int(slot)
        simulation.requests.enteredAt[position] = simulation.now
        let weight = simulation.requests.weight(slot)
        window.lookups += weight
        let client = Int(simulation.requests.client[position])
        if client >= 0 && client < clientExpiry.count && clientExpiry[client] > simulation.now {
            window.clientHits += weight
            return answer(slot, status: Status.ok, in: simulation)
        }
        ask(slot, resolver: client % resolverCount, stage: .resolver, in: simulation)
    }

    /// Sends the query to the next server; a dead one answers nothing, so the query waits
    /// out the timeout.
    func ask(_ slot: Int32, resolver: Int, stage: Stage, in simulation: Simulation) {
        let server =
            stage == .resolver || stage == .retry ? resolver : rootIndex + Int(stage.rawValue) - 2
        let reachable = servers[server].health.isReachable
        let roundTrip =
            stage == .resolver || stage == .retry
            ? resolverRTT : nameserverRTT[Int(stage.rawValue) - 2]
        let delay = reachable ? roundTrip + servers[server].slowExtra : timeoutMicros
        let weight = simulation.requests.weight(slot)
        if reachable { servers[server].countServed(weight) }
        if stage != .resolver && stage != .retry { window.steps += weight }
        simulation.schedule(
            index, kind: Kind.answer, after: delay, subject: slot,
            argument: Int32(resolver) << 8 | stage.rawValue)
    }
}

/// What DNS counts in a window (and in total).
struct DNSCounters {
    var lookups = 0
    var clientHits = 0
    var resolverQueries = 0
    var resolverHits = 0
    var resolutions = 0
    var steps = 0
    var failures = 0
}
