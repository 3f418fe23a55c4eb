import SimKernel

extension Simulation {
    /// Applies a command at the current simulated time. A command that cannot apply throws
    /// with the reason and leaves the simulation as it was. Returns a line for the ticker.
    @discardableResult
    public func apply(_ command: EngineCommand) throws(CommandError) -> String {
        let message = try perform(command)
        tell(message)
        return message
    }

    private func perform(_ command: EngineCommand) throws(CommandError) -> String {
        let generator = components[Int(workloadIndex)] as! WorkloadGenerator
        switch command {
        case .setRate(let rate):
            return try generator.setRate(rate, in: self)
        case .adjustRate(let percent):
            guard percent.isFinite, percent >= -100 else {
                throw CommandError("a rate can fall by at most 100%")
            }
            return try generator.setRate(generator.baseRate * (1 + percent / 100), in: self)
        case .spike(let factor, let duration):
            return try generator.spike(factor: factor, duration: duration, in: self)
        case .hotKey(let fraction):
            return try generator.setHotKey(fraction)
        case .fail(let target, let fault):
            // A request already slowed keeps its delay after a recovery, so the delay is kept
            // to what a lesson can wait out.
            if case .slow(let extra) = fault, extra <= 0 || extra > Micros.perMinute {
                throw CommandError("a slow fault adds more than 0 and at most 1m")
            }
            let (component, node) = try resolve(target)
            return try component.fail(node: node, fault: fault, in: self)
        case .recover(let target):
            let (component, node) = try resolve(target)
            return try component.recover(node: node, in: self)
        case .recoverAll:
            for component in components { _ = try? component.recover(node: nil, in: self) }
            return "everything recovered"
        case .set(let name, let setting, let value, let options):
            let component = try resolveComponent(name)
            let names = component.settings.map(\.name)
            guard names.contains(setting) else {
                throw CommandError(
                    names.isEmpty
                        ? "\(name) has no settings"
                        : "\(name) has no setting '\(setting)'; its settings: "
                            + names.joined(separator: ", "))
            }
            for option in options where !component.settingOptions.contains(option.name) {
                let known = component.settingOptions.map { "\($0)=..." }
                throw CommandError(
                    "\(name) has no option '\(option.name)'"
                        + (known.isEmpty ? "" : "; it takes " + known.joined(separator: ", ")))
            }
            return try component.set(setting, to: value, options: options, in: self)
        case .cycle(let name, let settingName, let step):
            return try cycle(name, settingName, step: step)
        case .scale(let name, let delta):
            return try resolveComponent(name).scale(by: delta, in: self)
        }
    }

    private func cycle(_ name: String, _ settingName: String, step: Int) throws(CommandError)
        -> String
    {
        let component = try resolveComponent(name)
        let cyclable = component.settings.filter { !$0.choices.isEmpty }
        let chosen =
            settingName.isEmpty ? cyclable.first : cyclable.first { $0.name == settingName }
        guard let setting = chosen else {
            guard !cyclable.isEmpty else { throw CommandError("\(name) has no strategy to cycle") }
            let names = cyclable.map(\.name).joined(separator: ", ")
            throw CommandError("\(name) has no strategy '\(settingName)' to cycle; it has \(names)")
        }
        let position = setting.choices.firstIndex(of: setting.current) ?? 0
        let count = setting.choices.count
        let next = setting.choices[((position + step) % count + count) % count]
        return try component.set(setting.name, to: next, options: [], in: self)
    }

    func resolveComponent(_ name: String) throws(CommandError) -> any ComponentModel {
        if name == WorkloadGenerator.reservedName {
            throw CommandError(
                "the clients are the load itself: use load rate, load spike or load hotkey")
        }
        guard let component = component(named: name), component.index != workloadIndex else {
            let known = components.dropFirst().map(\.name).joined(separator: ", ")
            throw CommandError("no component '\(name)'; components: \(known)")
        }
        return component
    }

    /// Splits `db.shard-2` into the component `db` and its node `db.shard-2`.
    func resolve(_ target: String) throws(CommandError) -> (any ComponentModel, String?) {
        if let component = component(named: target), component.index != workloadIndex {
            return (component, nil)
        }
        let componentName = String(target.prefix { $0 != "." })
        let component = try resolveComponent(componentName)
        guard component.nodeNames.contains(target) else {
            let nodes = component.nodeNames.joined(separator: ", ")
            throw CommandError(
                "\(componentName) has no node '\(target)'"
                    + (nodes.isEmpty ? "" : "; nodes: \(nodes)"))
        }
        return (component, target)
    }
}
