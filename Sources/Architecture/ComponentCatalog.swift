/// Every component kind the engine can build, in the order help lists them.
///
/// Adding a kind means writing its folder under `Components/` and one entry here.
public enum ComponentCatalog {
    public static let kinds: [ComponentKind] = [
        ComponentKind(
            name: "dns", summary: "stub caches, ISP resolvers, root → TLD → authoritative"
        ) {
            spec, index, context throws(SpecError) in
            try DNS(spec: spec, index: index, context: context)
        },
        ComponentKind(name: "load-balancer", summary: "five algorithms, heartbeats, two primaries")
        {
            spec, index, context throws(SpecError) in
            try LoadBalancer(spec: spec, index: index, context: context)
        },
        ComponentKind(name: "api-gateway", summary: "authentication, rate limiting, access log") {
            spec, index, context throws(SpecError) in
            try Gateway(spec: spec, index: index, context: context)
        },
        ComponentKind(name: "backend", summary: "microservice nodes of unequal speed") {
            spec, index, context throws(SpecError) in
            try Backend(spec: spec, index: index, context: context)
        },
        ComponentKind(name: "cache", summary: "distributed read-through cache with eviction") {
            spec, index, context throws(SpecError) in
            try Cache(spec: spec, index: index, context: context)
        },
        ComponentKind(name: "database", summary: "shards of a leader and a lagging follower") {
            spec, index, context throws(SpecError) in
            try Database(spec: spec, index: index, context: context)
        },
        ComponentKind(name: "message-queue", summary: "bounded queue with acks and redelivery") {
            spec, index, context throws(SpecError) in
            try MessageQueue(spec: spec, index: index, context: context)
        },
        ComponentKind(name: "workers", summary: "processing workers with compression") {
            spec, index, context throws(SpecError) in
            try Workers(spec: spec, index: index, context: context)
        },
    ]

    public static func kind(named name: String) -> ComponentKind? {
        kinds.first { $0.name == name }
    }
}
