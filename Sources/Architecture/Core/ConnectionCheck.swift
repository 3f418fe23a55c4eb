/// Checks the shape of the connections before anything runs: a request must never be sent
/// to a component that cannot serve it, around a loop, or deeper than a request's call
/// stack holds. A layout that breaks one of these is refused with the connection at fault.
enum ConnectionCheck {
    /// Kinds that only take work from a queue, never a request.
    static let queueFed: Set<String> = ["workers"]
    /// Kinds that pass every request on to one component.
    static let singleCallee: Set<String> = ["load-balancer", "api-gateway"]
    /// Kinds that answer requests themselves and call no other component.
    static let callsNothing: Set<String> = ["dns", "database", "workers"]

    static func check(_ spec: ArchitectureSpec, kinds: [String: String]) throws(SpecError) {
        // Both are looked up, never iterated.
        var pairs: Set<String> = []
        /// Per caller and callee kind, the first callee: a component calls one of each kind,
        /// and a balancer or gateway one component of any kind.
        var callees: [String: String] = [:]
        for connection in spec.connections {
            guard pairs.insert(connection.from + "\u{0}" + connection.to).inserted else {
                throw SpecError(
                    path: connection.path,
                    message: "\(connection.from) → \(connection.to) is given twice")
            }
            if connection.from != WorkloadGenerator.reservedName,
                let callerKind = kinds[connection.from], let kind = kinds[connection.to]
            {
                let single = singleCallee.contains(callerKind)
                let key = connection.from + "\u{0}" + (single ? "" : kind)
                if let first = callees[key] {
                    throw SpecError(
                        path: connection.path,
                        message: single
                            ? "\(connection.from) sends every request to one component, "
                                + "and it already sends them to \(first)"
                            : "\(connection.from) calls one \(kind), and it already calls "
                                + "\(first); the other would get nothing")
                }
                callees[key] = connection.to
            }
            if connection.to == WorkloadGenerator.reservedName {
                throw SpecError(
                    path: connection.path, message: "nothing can send requests to the clients")
            }
            if let kind = kinds[connection.to], queueFed.contains(kind),
                kinds[connection.from] != "message-queue"
            {
                throw SpecError(
                    path: connection.path,
                    message: "\(connection.to) (\(kind)) takes work only from a message queue")
            }
            if connection.from == connection.to {
                throw SpecError(path: connection.path, message: "a component cannot call itself")
            }
            if let kind = kinds[connection.from], callsNothing.contains(kind) {
                throw SpecError(
                    path: connection.path,
                    message: "\(connection.from) (\(kind)) calls no other component")
            }
        }
        try checkDepth(spec)
        try checkReached(spec)
    }

    /// Every component must be reached from the clients, or its panel would stay empty.
    private static func checkReached(_ spec: ArchitectureSpec) throws(SpecError) {
        var reached: Set<String> = [WorkloadGenerator.reservedName]
        var frontier = [WorkloadGenerator.reservedName]
        while let name = frontier.popLast() {
            for connection in spec.connections
            where connection.from == name && !reached.contains(connection.to) {
                reached.insert(connection.to)
                frontier.append(connection.to)
            }
        }
        for component in spec.components where !reached.contains(component.name) {
            throw SpecError(
                path: component.path,
                message: "no connection leads from the clients to '\(component.name)'")
        }
    }

    /// Finds the longest chain of calls from the clients, refusing a loop or a chain deeper
    /// than a request's call stack. Depth-first, each component visited once.
    private static func checkDepth(_ spec: ArchitectureSpec) throws(SpecError) {
        var depth: [String: Int] = [:]
        var onPath: [String] = []
        let longest = try longestChain(
            from: WorkloadGenerator.reservedName, spec: spec, depth: &depth, onPath: &onPath)
        guard longest < RequestTable.stackDepthLimit else {
            throw SpecError(
                path: "connections",
                message: "requests would pass \(longest) components in a row; the most is "
                    + "\(RequestTable.stackDepthLimit - 1)")
        }
    }

    private static func longestChain(
        from name: String, spec: ArchitectureSpec, depth: inout [String: Int],
        onPath: inout [String]
    ) throws(SpecError) -> Int {
        if let known = depth[name] { return known }
        onPath.append(name)
        var longest = 0
        for connection in spec.connections where connection.from == name {
            if onPath.contains(connection.to) {
                throw SpecError(
                    path: connection.path,
                    message: "the connections loop: "
                        + (onPath + [connection.to]).joined(separator: " -> "))
            }
            let below = try longestChain(
                from: connection.to, spec: spec, depth: &depth, onPath: &onPath)
            longest = max(longest, 1 + below)
        }
        onPath.removeLast()
        depth[name] = longest
        return longest
    }
}
