import SimKernel

#if canImport(Glibc)
    import Glibc
#endif

/// The two classic kernel benchmarks, written straight on `Kernel` with events as values:
/// no components, no request table, the least model that still exercises the event queue
/// and the random streams. scripts/bench-reference/ runs the same models in C and SimPy.
enum KernelModels {
    /// What a model run did, for the report and for a sanity check against theory.
    struct Outcome {
        /// Events popped from the queue.
        var events: Int
        /// Customers served or hold operations done.
        var units: Int
        /// The time-average number in the system (queue models), for Little's law.
        var meanInSystem: Double
        /// The mean response time in microseconds (queue models).
        var meanResponseMicros: Double
    }

    private enum Kind {
        static let arrival: Int32 = 0
        static let departure: Int32 = 1
    }

    /// The mean service time of the queue models; 1 ms keeps microsecond rounding of
    /// service and inter-arrival times below a tenth of a percent.
    static let serviceMeanMicros = 1_000.0

    /// An M/M/`servers` queue at utilisation `load`, run until `customers` have left.
    ///
    /// Customers are indistinguishable, so the waiting line is a count; the mean response
    /// time comes from Little's law over the time-average number in the system.
    static func queue(servers: Int, load: Double, customers: Int, seed: UInt64) -> Outcome {
        precondition(servers > 0 && load > 0 && load < 1, "a stable queue")
        let arrivalMeanMicros = serviceMeanMicros / (Double(servers) * load)
        var kernel = Kernel()
        var random = RandomStream(seed: seed, stream: "bench-queue")
        var busy = 0
        var waiting = 0
        var departed = 0
        var events = 0
        var area = 0.0
        var lastChange: SimTime = 0

        kernel.schedule(
            after: draw(arrivalMeanMicros, &random), target: 0, kind: Kind.arrival)
        while departed < customers, let event = kernel.popNext(notAfter: .max) {
            events += 1
            area += Double(busy + waiting) * Double(event.time - lastChange)
            lastChange = event.time
            if event.kind == Kind.arrival {
                kernel.schedule(
                    after: draw(arrivalMeanMicros, &random), target: 0, kind: Kind.arrival)
                if busy < servers {
                    busy += 1
                    kernel.schedule(
                        after: draw(serviceMeanMicros, &random), target: 0,
                        kind: Kind.departure)
                } else {
                    waiting += 1
                }
            } else {
                departed += 1
                if waiting > 0 {
                    waiting -= 1
                    kernel.schedule(
                        after: draw(serviceMeanMicros, &random), target: 0,
                        kind: Kind.departure)
                } else {
                    busy -= 1
                }
            }
        }
        let meanInSystem = area / Double(max(1, kernel.now))
        let arrivalRate = 1 / arrivalMeanMicros
        return Outcome(
            events: events, units: departed, meanInSystem: meanInSystem,
            meanResponseMicros: meanInSystem / arrivalRate)
    }

    /// The hold model: `pending` events in the queue; each step pops the earliest and
    /// schedules one at an exponential delay, so the queue size stays at `pending`.
    static func hold(pending: Int, holds: Int, seed: UInt64) -> Outcome {
        let meanMicros = 1_000_000.0
        var kernel = Kernel()
        var random = RandomStream(seed: seed, stream: "bench-hold")
        for _ in 0..<pending {
            kernel.schedule(after: draw(meanMicros, &random), target: 0, kind: 0)
        }
        var done = 0
        while done < holds, kernel.popNext(notAfter: .max) != nil {
            done += 1
            kernel.schedule(after: draw(meanMicros, &random), target: 0, kind: 0)
        }
        precondition(kernel.pendingCount == pending, "the hold model keeps its size")
        return Outcome(events: done, units: done, meanInSystem: 0, meanResponseMicros: 0)
    }

    @inline(__always)
    private static func draw(_ meanMicros: Double, _ random: inout RandomStream) -> SimTime {
        Micros.nearest(random.exponential(mean: meanMicros))
    }

    /// The mean response time of an M/M/c queue (Erlang C), in units of the service time.
    static func erlangResponse(servers: Int, load: Double) -> Double {
        let offered = load * Double(servers)
        var term = 1.0
        var sum = 1.0
        for k in 1..<servers {
            term *= offered / Double(k)
            sum += term
        }
        let last = term * offered / Double(servers) / (1 - load)
        let waitProbability = last / (sum + last)
        return 1 + waitProbability / (Double(servers) * (1 - load))
    }
}
