import SimKernel

/// The common figures of every component: throughput, status classes and latency
/// percentiles per window, with a short history of each.
///
/// Latency is the time a request spends in the component and everything it calls, from
/// arrival to answer.
struct TrafficStats {
    private var histogram = LatencyHistogram()
    private var completed = 0
    private var ok = 0
    private var clientErrors = 0
    private var serverErrors = 0
    /// Whole-run counts, updated on every answer rather than when a window closes.
    private(set) var runCompleted = 0
    private(set) var runErrors = 0
    private var runLatencySumMicros: Int64 = 0

    // Undefined until the first window closes: shown as '-', not as a measured zero.
    private(set) var throughput = Double.nan
    private(set) var clientErrorRate = Double.nan
    private(set) var serverErrorRate = Double.nan
    private(set) var p50 = Double.nan
    private(set) var p95 = Double.nan
    private(set) var p99 = Double.nan
    private(set) var mean = Double.nan
    private var throughputHistory = RingBuffer<Double>(capacity: Simulation.historyLimit)
    private var p99History = RingBuffer<Double>(capacity: Simulation.historyLimit)
    private var errorHistory = RingBuffer<Double>(capacity: Simulation.historyLimit)

    /// Counts `times` answers of one status and latency: more than one when a sampled
    /// request stands for several.
    @inline(__always)
    mutating func record(status: Int32, latency: SimTime, times: Int = 1) {
        completed += times
        runCompleted += times
        runLatencySumMicros &+= latency &* Int64(times)
        if times == 1 {
            histogram.record(latency)
        } else {
            histogram.record(latency, times: times)
        }
        if status < 400 {
            ok += times
        } else if status < 500 {
            clientErrors += times
            runErrors += times
        } else {
            serverErrors += times
            runErrors += times
        }
    }

    mutating func roll(windowSeconds: Double) {
        throughput = Double(completed) / windowSeconds
        clientErrorRate = Double(clientErrors) / windowSeconds
        serverErrorRate = Double(serverErrors) / windowSeconds
        // With nothing answered in the window a latency is undefined, not zero.
        let answered = histogram.totalCount > 0
        p50 = answered ? Double(histogram.percentile(0.50)) : .nan
        p95 = answered ? Double(histogram.percentile(0.95)) : .nan
        p99 = answered ? Double(histogram.percentile(0.99)) : .nan
        mean = answered ? histogram.meanMicros : .nan
        throughputHistory.append(throughput)
        p99History.append(p99)
        errorHistory.append(clientErrorRate + serverErrorRate)
        histogram.reset()
        completed = 0
        ok = 0
        clientErrors = 0
        serverErrors = 0
    }

    var metrics: [Metric] {
        [
            Metric("throughput", "req/s", throughput, .perSecond),
            Metric("errors4xx", "4xx/s", clientErrorRate, .perSecond),
            Metric("errors5xx", "5xx/s", serverErrorRate, .perSecond),
            Metric("p50", "p50", p50, .micros),
            Metric("p95", "p95", p95, .micros),
            Metric("p99", "p99", p99, .micros),
            // Counted on every answer, as the refusal counters beside it are, so no panel
            // shows more refusals than answers between two windows.
            Metric("total", "total", Double(runCompleted), .count),
        ]
    }

    /// Whole-run figures: answers, errors and the mean latency of every answer since the
    /// run began (windows only keep the last second).
    var totals: [Metric] {
        let mean = runCompleted == 0 ? 0 : Double(runLatencySumMicros) / Double(runCompleted)
        return [
            Metric("completed", "completed", Double(runCompleted), .count),
            Metric("errors", "errors", Double(runErrors), .count),
            Metric("meanLatency", "mean", mean, .micros),
        ]
    }

    var series: [Series] {
        [
            Series(
                key: "throughput", label: "req/s", unit: .perSecond,
                values: throughputHistory.elements),
            Series(key: "p99", label: "p99", unit: .micros, values: p99History.elements),
            Series(key: "errors", label: "err/s", unit: .perSecond, values: errorHistory.elements),
        ]
    }
}

/// A history of one extra figure of a component, such as a hit ratio.
struct FigureHistory {
    let key: String
    let label: String
    let unit: MetricUnit
    private var values = RingBuffer<Double>(capacity: Simulation.historyLimit)

    init(key: String, label: String, unit: MetricUnit) {
        self.key = key
        self.label = label
        self.unit = unit
    }

    mutating func append(_ value: Double) { values.append(value) }

    var series: Series { Series(key: key, label: label, unit: unit, values: values.elements) }
}

/// A component that keeps the common traffic figures and answers requests itself.
protocol AnsweringComponent: ComponentModel {
    var stats: TrafficStats { get set }
}

extension AnsweringComponent {
    /// The whole-run answers, errors and mean latency; components with more add to them.
    func totals(in simulation: Simulation) -> [Metric] { stats.totals }

    /// Answers the request after `delay`, first counting its status and its time in this
    /// component (from arrival to the answer). The figures are written before the answer
    /// leaves, since a zero-delay answer runs the caller at once.
    func answer(_ slot: Int32, status: Int32, in simulation: Simulation, delay: SimTime = 0) {
        let latency = simulation.now + delay - simulation.requests.enteredAt[Int(slot)]
        stats.record(status: status, latency: latency, times: simulation.requests.weight(slot))
        simulation.respond(slot, status: status, delay: delay)
    }
}
