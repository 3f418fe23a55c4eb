import SimKernel

/// The whole simulated architecture: the kernel, the components, the requests in flight.
///
/// The driver calls `advance(to:)` with a simulated time and `apply(_:)` with commands; it
/// reads figures with `snapshot()`. Nothing here reads a clock or does I/O, so the same
/// seed, architecture and commands give the same figures on every run.
public final class Simulation {
    public let seed: UInt64
    public let spec: ArchitectureSpec
    public internal(set) var kernel = Kernel()
    public private(set) var components: [any ComponentModel] = []
    /// The same components, unretained, in the same order, for dispatching events.
    /// `components` keeps them alive as long as the simulation, which sets both once when
    /// it is built; read from here, a component costs no retain and release per event.
    private var handlers: ContiguousArray<Unmanaged<EventHandler>> = []
    let requests: RequestTable
    /// The length of one metrics window; histories hold one value per window.
    public let windowMicros: SimTime = Micros.perSecond
    /// How many windows each history keeps.
    public static let historyLimit = 120
    /// How many ticker entries are kept.
    public static let tickerLimit = 200
    private(set) var ticker = RingBuffer<TickerEntry>(capacity: Simulation.tickerLimit)
    public private(set) var eventsProcessed: Int = 0
    /// Zero-delay calls and answers handed straight to their component, not queued.
    public internal(set) var handoffs: Int = 0

    /// The component that generates the load; every request starts there.
    var workloadIndex: Int32 = 0
    /// The same component, typed.
    private(set) var clients: WorkloadGenerator!

    static let windowTarget: Int32 = -1

    public var now: SimTime { kernel.now }

    /// Builds the simulation, checking every parameter; a bad one throws with its path.
    public init(spec: ArchitectureSpec, seed: UInt64) throws(SpecError) {
        self.seed = seed
        self.spec = spec
        self.requests = RequestTable(limit: RequestTable.defaultLimit)
        try build()
        kernel.schedule(at: windowMicros, target: Simulation.windowTarget, kind: 0)
    }

    private func build() throws(SpecError) {
        try WorkloadGenerator.validate(spec.workload)
        let context = BuildContext(seed: seed, workload: spec.workload)
        let generator = WorkloadGenerator(spec: spec.workload, seed: seed)
        clients = generator
        components.append(generator)
        var seen: [String] = [generator.name]
        for component in spec.components {
            guard !component.name.isEmpty, isValidName(component.name) else {
                throw SpecError(
                    path: component.path + ".name",
                    message: "a name is letters, digits and '-', such as 'db' or 'cache-2'")
            }
            guard !seen.contains(component.name) else {
                throw SpecError(
                    path: component.path + ".name",
                    message: "the name '\(component.name)' is used twice")
            }
            seen.append(component.name)
            guard let kind = ComponentCatalog.kind(named: component.kind) else {
                let known = ComponentCatalog.kinds.map(\.name).joined(separator: ", ")
                throw SpecError(
                    path: component.path + ".kind",
                    message: "unknown kind '\(component.kind)'; known kinds: \(known)")
            }
            let index = Int32(components.count)
            components.append(try kind.make(component, index, context))
        }
        for connection in spec.connections {
            for end in [connection.from, connection.to] where !seen.contains(end) {
                throw SpecError(
                    path: connection.path, message: "no component is named '\(end)'")
            }
        }
        var kinds: [String: String] = [:]
        for component in components { kinds[component.name] = component.kind }
        try ConnectionCheck.check(spec, kinds: kinds)
        for component in components { try component.connect(in: self) }
        handlers = ContiguousArray(components.map { Unmanaged<EventHandler>.passUnretained($0) })
    }

    // MARK: Running

    /// Runs every event up to and including `limit`, or stops early after `eventBudget`
    /// events. It only stops between two distinct times, so every event at the time it
    /// stops has run and a command applied then lands where a replay will put it.
    /// Returns true when the clock reached `limit`.
    @discardableResult
    public func advance(to limit: SimTime, eventBudget: Int = .max) -> Bool {
        var budget = eventBudget
        while let next = kernel.nextTime, next <= limit {
            if budget <= 0 && next > kernel.now { return false }
            let event = kernel.popNext(notAfter: limit)!
            budget -= 1
            eventsProcessed += 1
            dispatch(event)
        }
        kernel.moveClock(to: limit)
        return true
    }

    @inline(__always)
    private func dispatch(_ event: Event) {
        if event.target >= 0 {
            handle(event, by: event.target)
        } else {
            rollWindows()
        }
    }

    /// Hands `event` to the component at `index`.
    @inline(__always)
    func handle(_ event: Event, by index: Int32) {
        handlers[Int(index)]._withUnsafeGuaranteedRef { $0.handle(event, in: self) }
    }

    private func rollWindows() {
        for component in components { component.rollWindow(in: self) }
        kernel.schedule(after: windowMicros, target: Simulation.windowTarget, kind: 0)
    }

    // MARK: Telling

    /// Adds a line to the event ticker shown under the panels.
    public func tell(_ text: String) {
        ticker.append(TickerEntry(time: now, text: text))
    }

    public func component(named name: String) -> (any ComponentModel)? {
        components.first { $0.name == name }
    }

    /// Every name a command can address: components, their nodes and their settings.
    public var targetNames: [String] {
        var names: [String] = []
        for component in components {
            names.append(component.name)
            names.append(contentsOf: component.nodeNames)
        }
        return names
    }

    /// A component's whole-run figures (see `ComponentModel.totals`), or an empty list when
    /// no component has that name. They are not part of `snapshot()`, so panels and session
    /// logs are unchanged by them.
    public func totals(of name: String) -> [Metric] {
        component(named: name)?.totals(in: self) ?? []
    }

    public func snapshot() -> SimSnapshot {
        return SimSnapshot(
            time: now, offeredRate: clients.offeredRate(at: now),
            baseRate: clients.baseRate, sampleRatio: 1 / Double(clients.sampleEvery),
            components: components.map { $0.snapshot(in: self) }, ticker: ticker.elements)
    }
}

func isValidName(_ name: String) -> Bool {
    name.unicodeScalars.allSatisfy {
        ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9")
            || $0 == "-" || $0 == "_"
    }
}

extension Simulation {
    /// The components `name` connects to, in the order the layout lists the connections.
    func downstream(of name: String) -> [any ComponentModel] {
        spec.connections.filter { $0.from == name }.compactMap { component(named: $0.to) }
    }
}

/// A component that drops a key when it is written elsewhere (a cache).
protocol KeyInvalidating: AnyObject {
    /// True when writes should be sent to this component instead of around it.
    var routesWrites: Bool { get }
    func invalidate(key: Int32, in simulation: Simulation)
}
