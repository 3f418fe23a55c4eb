import Foundation
import Session
import SimKernel

/// One M/M/c configuration run through the engine: the clients calling one backend node
/// with `servers` workers, exponential service of mean 1 ms, a queue that never refuses
/// and nothing behind the backend.
struct QueueCase {
    var servers: Int
    var load: Double
    /// Customers measured, over all replications together (warm-up not counted).
    var customers: Int
    /// Independent runs with their own seeds, spread over the cores.
    var replications: Int

    static let serviceMicros = 1_000.0
    /// Batches per replication, for the standard error of the mean response time.
    static let batchesPerReplication = 10

    var ratePerSecond: Double { load * Double(servers) * 1e6 / QueueCase.serviceMicros }

    /// The arrival rate per microsecond. The clients keep each arrival's exact time and
    /// fire at the next whole microsecond, so the rate is the one asked for.
    var arrivalsPerMicro: Double { ratePerSecond / 1e6 }

    var label: String { "M/M/\(servers) at \(formatFixed(load, decimals: 2))" }

    /// The layout: one backend node whose workers are the c servers.
    var layoutText: String {
        """
        {
          name: "mmc",
          workload: { rate: \(ratePerSecond), readRatio: 1, keys: 1, zipf: 0, clients: 1,
                      badAuthRatio: 0 },
          components: [
            { name: "backend", kind: "backend",
              params: { speeds: [1], workers: \(servers), queueLimit: 100000,
                        serviceTime: "\(Int(QueueCase.serviceMicros))us" } },
          ],
          connections: [ { from: "client", to: "backend" } ],
        }
        """
    }

    /// The run starts empty; figures count only after 20 relaxation times of the queue,
    /// 1 / (c·μ·(1 − √ρ)²), by when the start no longer shows.
    var warmUpMicros: SimTime {
        let gap = 1 - load.squareRoot()
        let relaxation = QueueCase.serviceMicros / (Double(servers) * gap * gap)
        return SimTime(20 * relaxation) + Micros.perSecond
    }

    var measuredMicrosPerReplication: SimTime {
        let perReplication = Double(customers) / Double(replications)
        return SimTime(perReplication / arrivalsPerMicro)
    }

    /// The mean response time by Erlang C, at the rate the engine offers.
    var expectedResponseMicros: Double {
        Queueing.meanResponseMicros(
            servers: servers, arrivalsPerMicro: arrivalsPerMicro,
            serviceMeanMicros: QueueCase.serviceMicros)
    }
}

/// What one replication measured after its warm-up.
struct QueueSample {
    var completed = 0.0
    var latencySumMicros = 0.0
    var batchMeansMicros: [Double] = []
    /// The time-average count of requests present (L).
    var meanPresent = 0.0
    var admitted = 0.0
    var spanMicros = 0.0

    var meanResponseMicros: Double { latencySumMicros / completed }
    var arrivalsPerMicro: Double { admitted / spanMicros }

    /// Runs one replication of `queue` with `seed`.
    static func run(_ queue: QueueCase, seed: UInt64) throws -> QueueSample {
        let session = try TheoryRun.session(queue.layoutText, name: "mmc", seed: seed)
        let start = queue.warmUpMicros
        session.advance(to: start, eventBudget: .max)
        let first = Totals(session, "backend")
        var previous = first
        var sample = QueueSample()
        let batches = QueueCase.batchesPerReplication
        let span = queue.measuredMicrosPerReplication
        for batch in 1...batches {
            session.advance(to: start + span * SimTime(batch) / SimTime(batches), eventBudget: .max)
            let current = Totals(session, "backend")
            let done = current["completed"] - previous["completed"]
            sample.batchMeansMicros.append((latencySum(current) - latencySum(previous)) / done)
            previous = current
        }
        sample.completed = previous["completed"] - first["completed"]
        sample.latencySumMicros = latencySum(previous) - latencySum(first)
        sample.admitted = previous["admitted"] - first["admitted"]
        sample.spanMicros = Double(session.now - start)
        let area =
            previous["meanPresent"] * Double(session.now)
            - first["meanPresent"] * Double(start)
        sample.meanPresent = area / sample.spanMicros
        return sample
    }

    private static func latencySum(_ totals: Totals) -> Double {
        totals["meanLatency"] * totals["completed"]
    }
}
