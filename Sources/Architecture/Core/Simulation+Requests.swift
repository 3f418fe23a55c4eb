import SimKernel

/// The event kinds every component understands; kinds of a component's own start at
/// `EventKind.firstOwn`.
public enum EventKind {
    /// A request arrives at the component (`subject` is its slot).
    public static let arrive: Int32 = 0
    /// A call the component made has answered (`argument` packs phase and status).
    public static let response: Int32 = 1
    public static let firstOwn: Int32 = 2
}

/// HTTP-like status codes used across the engine.
public enum Status {
    public static let ok: Int32 = 200
    public static let badRequest: Int32 = 400
    public static let unauthorized: Int32 = 401
    public static let forbidden: Int32 = 403
    public static let conflict: Int32 = 409
    public static let tooManyRequests: Int32 = 429
    public static let serverError: Int32 = 500
    public static let badGateway: Int32 = 502
    public static let unavailable: Int32 = 503
    public static let gatewayTimeout: Int32 = 504

    public static func isSuccess(_ status: Int32) -> Bool { status < 400 }
}

extension Simulation {
    /// Sends a request from `caller` to `callee` after `delay`, remembering where to return.
    ///
    /// A call with no delay is handed over at once rather than through the event queue:
    /// it happens at the same simulated time either way, and skipping the queue halves the
    /// events a request costs. Handlers therefore never touch a request after calling or
    /// answering it.
    @inline(__always)
    func call(
        _ slot: Int32, from caller: Int32, phase: Int32, to callee: Int32, delay: SimTime = 0
    ) {
        if requests.weight(slot) > 1 && !components[Int(callee)].takesSampled {
            return callSingly(slot, from: caller, phase: phase, to: callee, delay: delay)
        }
        requests.push(slot, caller: caller, phase: phase)
        deliver(
            target: callee, kind: EventKind.arrive, subject: slot, argument: 0, delay: delay)
    }

    /// Calls a component that takes single requests only with a sampled one: it gets the
    /// single requests the sampled one stands for, one call each.
    @inline(never)
    private func callSingly(
        _ slot: Int32, from caller: Int32, phase: Int32, to callee: Int32, delay: SimTime
    ) {
        while requests.weight(slot) > 1, let single = splitSingle(slot) {
            requests.push(single, caller: caller, phase: phase)
            deliver(
                target: callee, kind: EventKind.arrive, subject: single, argument: 0,
                delay: delay)
        }
        requests.push(slot, caller: caller, phase: phase)
        deliver(target: callee, kind: EventKind.arrive, subject: slot, argument: 0, delay: delay)
    }

    /// Splits the sampled request `slot` where a queue with `room` free places admits work:
    /// up to `room` of the requests it stands for go to `admit` as single requests, the
    /// sampled one itself last once it stands for one. Returns the weight left in `slot`
    /// for the caller to refuse, or 0 when `slot` itself was admitted.
    func admitSampled(_ slot: Int32, room: Int, admit: (Int32) -> Void) -> Int {
        var admitted = 0
        while admitted < room, requests.weight(slot) > 1, let single = splitSingle(slot) {
            admit(single)
            admitted += 1
        }
        if admitted < room && requests.weight(slot) == 1 {
            admit(slot)
            return 0
        }
        return requests.weight(slot)
    }

    /// Takes one single request off the sampled request `slot` (see
    /// `RequestTable.splitSingle`); its operation, key and client are drawn as the clients
    /// draw them. Nil when the request table is full.
    func splitSingle(_ slot: Int32) -> Int32? {
        let shape = clients.drawShape()
        return requests.splitSingle(
            from: slot, operation: shape.operation, key: shape.key, client: shape.client)
    }

    /// Answers the request to whoever called the current component, after `delay`.
    @inline(__always)
    func respond(_ slot: Int32, status: Int32, delay: SimTime = 0) {
        guard let frame = requests.pop(slot) else {
            preconditionFailure("a request answered with no caller")
        }
        deliver(
            target: frame.caller, kind: EventKind.response, subject: slot,
            argument: frame.phase << 16 | (status & 0xFFFF), delay: delay)
    }

    @inline(__always)
    private func deliver(
        target: Int32, kind: Int32, subject: Int32, argument: Int32, delay: SimTime
    ) {
        if delay > 0 {
            kernel.schedule(
                after: delay, target: target, kind: kind, subject: subject, argument: argument)
            return
        }
        handoffs += 1
        let event = Event(
            time: now, sequence: 0, target: target, kind: kind, subject: subject,
            argument: argument)
        handle(event, by: target)
    }

    /// Schedules a component's own event.
    @inline(__always)
    func schedule(
        _ target: Int32, kind: Int32, after delay: SimTime, subject: Int32 = 0,
        argument: Int32 = 0
    ) {
        kernel.schedule(
            after: delay, target: target, kind: kind, subject: subject, argument: argument)
    }
}

/// Unpacks the phase and status of a response event.
@inline(__always)
func responseParts(_ event: Event) -> (phase: Int32, status: Int32) {
    (event.argument >> 16, event.argument & 0xFFFF)
}
