import Foundation

/// The M/M/c results the queueing tests check the engine against (Kleinrock, Queueing
/// Systems, vol. 1, ch. 3), computed here from the formulas.
enum Queueing {
    /// The Erlang B blocking probability for `servers` servers offered `offered` erlangs,
    /// by the recursion B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)), which never overflows.
    static func erlangB(servers: Int, offered: Double) -> Double {
        precondition(servers > 0 && offered > 0, "servers and load must be positive")
        var blocking = 1.0
        for count in 1...servers {
            blocking = offered * blocking / (Double(count) + offered * blocking)
        }
        return blocking
    }

    /// Erlang C: the probability that an arrival finds every server busy and waits, from
    /// Erlang B as C = c·B / (c − a·(1 − B)). Needs a < c.
    static func erlangC(servers: Int, offered: Double) -> Double {
        precondition(offered < Double(servers), "an unstable queue has no waiting probability")
        let blocking = erlangB(servers: servers, offered: offered)
        let count = Double(servers)
        return count * blocking / (count - offered * (1 - blocking))
    }

    /// The mean response time (wait plus service) of M/M/c in microseconds:
    /// W = 1/μ + C(c, a) / (c·μ − λ).
    static func meanResponseMicros(
        servers: Int, arrivalsPerMicro: Double, serviceMeanMicros: Double
    ) -> Double {
        let offered = arrivalsPerMicro * serviceMeanMicros
        let waiting = erlangC(servers: servers, offered: offered)
        let serviceRate = 1 / serviceMeanMicros
        return serviceMeanMicros + waiting / (Double(servers) * serviceRate - arrivalsPerMicro)
    }
}
