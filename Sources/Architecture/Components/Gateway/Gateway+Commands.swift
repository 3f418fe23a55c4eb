import SimKernel

extension Gateway {
    var nodeNames: [String] { [pool.name] }

    var settings: [Setting] {
        [
            Setting(
                name: "limiter", current: limiter.algorithm.rawValue,
                choices: RateLimitAlgorithm.allCases.map(\.rawValue)),
            Setting(name: "rateLimit", current: "\(limiter.ratePerSecond)", choices: []),
            Setting(name: "burst", current: "\(limiter.burst)", choices: []),
        ]
    }

    func set(
        _ setting: String, to value: String, options: [CommandOption], in simulation: Simulation
    ) throws(CommandError) -> String {
        switch setting {
        case "limiter":
            guard let algorithm = RateLimitAlgorithm(rawValue: value) else {
                let known = RateLimitAlgorithm.allCases.map(\.rawValue).joined(separator: ", ")
                throw CommandError("\(name).limiter is one of: \(known)")
            }
            limiter.algorithm = algorithm
            return "\(name) rate limiter: \(algorithm.rawValue)"
        case "rateLimit", "burst":
            guard let number = Int64(value), number >= 1, number <= 10_000_000 else {
                throw CommandError("\(name).\(setting) is a whole number from 1 to 10000000")
            }
            let rate = setting == "rateLimit" ? number : limiter.ratePerSecond
            let burst = setting == "burst" ? number : limiter.burst
            limiter.reconfigure(ratePerSecond: rate, burst: burst)
            return "\(name) limit: \(rate) req/s, burst \(burst)"
        default:
            throw CommandError("\(name) settings: limiter, rateLimit, burst")
        }
    }

    func fail(node: String?, fault: Fault, in simulation: Simulation) throws(CommandError)
        -> String
    {
        pool.apply(fault)
        if fault == .kill {
            for waiting in pool.drainQueue(now: simulation.now) {
                reply(waiting, status: Status.unavailable, in: simulation)
            }
        }
        return describeFault(fault, target: node ?? name)
    }

    func recover(node: String?, in simulation: Simulation) throws(CommandError) -> String {
        pool.heal()
        return "\(node ?? name) recovered"
    }

    func rollWindow(in simulation: Simulation) {
        stats.roll(windowSeconds: Micros.toSeconds(simulation.windowMicros))
        pool.roll(now: simulation.now)
        rejectHistory.append(Double(windowRejects) / Micros.toSeconds(simulation.windowMicros))
        windowRejects = 0
    }

    /// The whole run's answers and latency, and what each stage let through or refused.
    func totals(in simulation: Simulation) -> [Metric] {
        stats.totals + [
            Metric("passedLimiter", "passed", Double(passedLimiter), .count),
            Metric("rejected401", "401 auth", Double(rejectedAuth), .count),
            Metric("rejected429", "429 limit", Double(rejectedThrottle), .count),
            Metric("rejected503", "503 full", Double(rejectedOverload), .count),
        ]
    }

    func snapshot(in simulation: Simulation) -> ComponentSnapshot {
        var metrics = stats.metrics
        metrics += [
            Metric("rejected401", "401 auth", Double(rejectedAuth), .count),
            Metric("rejected429", "429 limit", Double(rejectedThrottle), .count),
            Metric("rejected503", "503 full", Double(rejectedOverload), .count),
            Metric("queue", "queued", Double(pool.queueDepth), .count),
            Metric("utilisation", "util", pool.utilisation, .ratio),
            Metric("rateLimit", "limit/s", Double(limiter.ratePerSecond), .perSecond),
        ]
        return ComponentSnapshot(
            name: name, kind: kind, health: pool.health,
            strategies: [CommandOption(name: "limiter", value: limiter.algorithm.rawValue)],
            metrics: metrics, nodes: [pool.snapshot()],
            history: stats.series + [rejectHistory.series],
            log: accessLog.elements.map(\.line))
    }
}
