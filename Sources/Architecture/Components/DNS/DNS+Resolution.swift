import SimKernel

extension DNS {
    /// One server answered (or the query timed out): take the next step of the walk.
    func answered(_ slot: Int32, stage: Stage, resolver: Int, in simulation: Simulation) {
        let now = simulation.now
        let weight = simulation.requests.weight(slot)
        let server =
            stage == .resolver || stage == .retry
            ? resolver : rootIndex + Int(stage.rawValue) - 2
        guard servers[server].health.isReachable else {
            if stage == .resolver {
                let backup = (resolver + 1) % resolverCount
                if backup != resolver {
                    return ask(slot, resolver: backup, stage: .retry, in: simulation)
                }
            }
            window.failures += weight
            return answer(slot, status: Status.unavailable, in: simulation)
        }
        switch stage {
        case .resolver, .retry:
            window.resolverQueries += weight
            if addressExpiry[resolver] > now {
                window.resolverHits += weight
                return answerClient(slot, resolver: resolver, in: simulation)
            }
            window.resolutions += weight
            let next: Stage =
                delegationExpiry[resolver] > now
                ? .authoritative : comReferralExpiry[resolver] > now ? .tld : .root
            ask(slot, resolver: resolver, stage: next, in: simulation)
        case .root:
            comReferralExpiry[resolver] = now + referralTTL
            ask(slot, resolver: resolver, stage: .tld, in: simulation)
        case .tld:
            delegationExpiry[resolver] = now + delegationTTL
            ask(slot, resolver: resolver, stage: .authoritative, in: simulation)
        case .authoritative:
            addressExpiry[resolver] = now + addressTTL
            answerClient(slot, resolver: resolver, in: simulation)
        }
    }

    /// The client caches the answer for what remains of the resolver's TTL.
    private func answerClient(_ slot: Int32, resolver: Int, in simulation: Simulation) {
        let client = Int(simulation.requests.client[Int(slot)])
        if client >= 0 && client < clientExpiry.count {
            clientExpiry[client] = addressExpiry[resolver]
        }
        answer(slot, status: Status.ok, in: simulation)
    }
}
