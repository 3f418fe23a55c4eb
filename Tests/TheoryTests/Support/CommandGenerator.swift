import Architecture
import Session
import SimKernel

/// Random but seeded command lines in the command language, addressed to the components,
/// nodes and settings of a real simulation, for the determinism property test.
///
/// Some lines will be refused when they run (scaling a node that is serving, recovering
/// what is up): that is part of the property, since a refusal must also be the same every
/// run.
struct CommandGenerator {
    private var random: RandomStream
    private let targets: [String]
    private let components: [String]
    private let choices: [(setting: String, values: [String])]

    init(seed: UInt64, simulation: Simulation) {
        random = RandomStream(seed: seed, stream: "theory-commands")
        targets = simulation.targetNames.filter { $0 != "client" }
        let parts = simulation.components.filter { $0.name != "client" }
        components = parts.map(\.name)
        choices = parts.flatMap { component in
            component.settings.filter { !$0.choices.isEmpty }.map {
                (setting: "\(component.name).\($0.name)", values: $0.choices)
            }
        }
    }

    /// `count` lines at seeded times within `duration`, in time order.
    mutating func schedule(count: Int, within duration: SimTime) -> [TimedCommand] {
        var lines: [TimedCommand] = []
        for _ in 0..<count {
            let at =
                SimTime(random.nextInt(below: Int(duration / Micros.perMilli))) * Micros.perMilli
            lines.append(TimedCommand(at: at, text: next()))
        }
        return lines.sorted { $0.at < $1.at }
    }

    mutating func next() -> String {
        switch random.nextInt(below: 10) {
        case 0: return "load rate \(500 + 100 * random.nextInt(below: 40))"
        case 1:
            return pick(["load rate +25%", "load rate -20%", "load hotkey off", "load hotkey 0.3"])
        case 2:
            return
                "load spike x\(2 + random.nextInt(below: 4)) for \(2 + random.nextInt(below: 8))s"
        case 3:
            return "fail \(pick(targets)) "
                + pick(["kill", "slow 200ms", "flaky 20%", "partition"])
        case 4: return random.chance(0.3) ? "recover all" : "recover \(pick(targets))"
        case 5:
            let setting = choices[random.nextInt(below: choices.count)]
            return "set \(setting.setting) \(pick(setting.values))"
        case 6: return "cycle \(pick(components))" + (random.chance(0.5) ? " back" : "")
        case 7: return "scale \(pick(components)) " + pick(["+1", "-1", "+2"])
        case 8: return "mark \"step \(random.nextInt(below: 1_000))\""
        default: return pick(["speed 10", "speed faster", "pause", "resume"])
        }
    }

    private mutating func pick(_ items: [String]) -> String {
        items[random.nextInt(below: items.count)]
    }
}
