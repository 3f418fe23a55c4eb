/// Every component kind the engine can build, in the order help lists them.
///
/// Adding a kind means writing its folder under `Components/` and one line here.
public enum ComponentCatalog {
    public static let kinds: [ComponentKind] = []

    public static func kind(named name: String) -> ComponentKind? {
        kinds.first { $0.name == name }
    }
}
