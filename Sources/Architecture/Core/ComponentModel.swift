import SimKernel

/// A simulated component of the blueprint: DNS, a load balancer, a cache, a database.
///
/// Each kind lives in its own folder and registers itself in `ComponentCatalog`; the
/// simulation talks to every kind through this protocol only, so adding a kind means adding
/// its files. Components are classes because the simulation dispatches events to them by
/// index many millions of times a second; they are never copied. Events reach a component
/// through `EventHandler.handle`, which every component overrides.
public protocol ComponentModel: EventHandler {
    var name: String { get }
    var kind: String { get }
    /// The index of this component in the simulation, used as the target of its events.
    var index: Int32 { get }

    /// Called once after every component exists, to look up the components it calls.
    func connect(in simulation: Simulation) throws(SpecError)

    /// True when it takes a sampled request (one that stands for several) as it is;
    /// otherwise a sampled request is split into single requests before it arrives.
    var takesSampled: Bool { get }

    /// Closes the current metrics window and starts the next one.
    func rollWindow(in simulation: Simulation)

    func snapshot(in simulation: Simulation) -> ComponentSnapshot

    /// Figures counted from the start of the run rather than per window: totals and
    /// run-long averages, which theory checks and benchmarks compare against formulas.
    func totals(in simulation: Simulation) -> [Metric]

    /// The names of its nodes, as commands address them (`db.shard-2`).
    var nodeNames: [String] { get }

    /// The strategies and parameters it can switch while running.
    var settings: [Setting] { get }

    /// The `name=value` options its `set` accepts; any other is refused before `set` runs.
    var settingOptions: [String] { get }

    /// Applies `set name.setting value`; returns what changed, for the ticker.
    func set(
        _ setting: String, to value: String, options: [CommandOption], in simulation: Simulation
    )
        throws(CommandError) -> String

    /// Injects a fault into the whole component (`node == nil`) or one node.
    func fail(node: String?, fault: Fault, in simulation: Simulation) throws(CommandError) -> String

    func recover(node: String?, in simulation: Simulation) throws(CommandError) -> String

    /// Adds or removes nodes.
    func scale(by delta: Int, in simulation: Simulation) throws(CommandError) -> String
}

/// A switchable strategy or parameter of a component, with its choices when it has a list.
public struct Setting: Sendable, Equatable {
    public var name: String
    public var current: String
    /// Empty for free-form values (numbers).
    public var choices: [String]

    public init(name: String, current: String, choices: [String]) {
        self.name = name
        self.current = current
        self.choices = choices
    }
}

extension ComponentModel {
    public var takesSampled: Bool { false }

    public func scale(by delta: Int, in simulation: Simulation) throws(CommandError) -> String {
        throw CommandError("\(name) cannot be scaled")
    }

    public var nodeNames: [String] { [] }

    public var settingOptions: [String] { [] }

    public func totals(in simulation: Simulation) -> [Metric] { [] }

    public func set(
        _ setting: String, to value: String, options: [CommandOption], in simulation: Simulation
    ) throws(CommandError) -> String {
        throw CommandError("\(name) has no setting '\(setting)'")
    }
}

/// A component kind: its name in layouts and how to build one from its parameters.
public struct ComponentKind: Sendable {
    public var name: String
    public var summary: String
    public var make:
        @Sendable (_ spec: ComponentSpec, _ index: Int32, _ context: BuildContext)
            throws(SpecError) -> any ComponentModel

    public init(
        name: String, summary: String,
        make:
            @escaping @Sendable (ComponentSpec, Int32, BuildContext) throws(SpecError) ->
            any ComponentModel
    ) {
        self.name = name
        self.summary = summary
        self.make = make
    }
}

/// What a component needs to know while it is built.
public struct BuildContext: Sendable {
    public var seed: UInt64
    public var workload: WorkloadSpec

    public init(seed: UInt64, workload: WorkloadSpec) {
        self.seed = seed
        self.workload = workload
    }
}
