/// The names Tab can complete besides the command words.
struct CompletionNames: Sendable, Equatable {
    /// What a fault or recovery can name: components and nodes.
    var targets: [String] = []
    /// `component.setting` pairs, for `set`.
    var settings: [String] = []
    /// Whatever the program sent; offered everywhere after the verb.
    var vocabulary: [String] = []
}

/// Tab completion for the command line: the command words in their places, components and
/// nodes after `fail` and `recover`, components after `scale`, components with strategies
/// after `cycle` and then their strategies, only settings after `set` and then values (the
/// vocabulary without the names), and nothing where a number or free text goes.
///
/// After `set`, `ca` extends to `cache.` rather than `cache`: every candidate is a
/// `component.setting`, so their common prefix runs up to the dot.
enum Completion {
    /// The first word of every command.
    static let verbs = [
        "cycle", "fail", "load", "mark", "pause", "recover", "resume", "scale", "set", "speed",
    ]

    /// Fixed words by verb and word position (1 is the word after the verb).
    static let fixedWords: [String: [Int: [String]]] = [
        "load": [1: ["hotkey", "rate", "spike"], 3: ["for"]],
        "fail": [2: ["down", "flaky", "kill", "partition", "slow"]],
        "speed": [1: ["faster", "slower"]],
        "cycle": [2: ["back"]],
        "recover": [1: ["all"]],
    ]

    /// The words that may stand at the cursor's place, sorted, matching `prefix`.
    static func candidates(
        prefix: String, wordIndex: Int, verb: String?, component: String? = nil,
        names: CompletionNames
    ) -> [String] {
        var pool: [String]
        if wordIndex == 0 {
            return verbs.filter { $0.hasPrefix(prefix) }
        } else if let verb, let fixed = fixedWords[verb]?[wordIndex] {
            pool = fixed
        } else {
            // Numbers, durations and free text have nothing to complete.
            pool = []
        }
        if wordIndex == 1, let verb {
            // Only what the verb can act on: a fault names a component or node, not a setting;
            // scaling and cycling name a component, and cycling one with strategies.
            if verb == "fail" || verb == "recover" {
                pool = (fixedWords[verb]?[1] ?? []) + names.targets
            }
            if verb == "scale" { pool = names.targets.filter { !$0.contains(".") } }
            if verb == "cycle" {
                pool = names.settings.compactMap { $0.split(separator: ".").first.map(String.init) }
            }
            if verb == "set" { pool = names.settings }
        }
        if wordIndex == 2, verb == "cycle", let component {
            // `cycle cache eviction`: the component's own strategies, then `back`.
            let owned = names.settings.filter { $0.hasPrefix(component + ".") }
            pool = ["back"] + owned.map { String($0.dropFirst(component.count + 1)) }
        }
        if wordIndex >= 2, verb == "set" {
            let known = Set(names.targets + names.settings)
            pool = names.vocabulary.filter { !known.contains($0) }
        }
        let matching = pool.filter { $0.hasPrefix(prefix) && !$0.isEmpty }
        return Array(Set(matching)).sorted()
    }

    /// Completes the word before the cursor. Returns the candidates to list when more than
    /// one remains after extending to their common prefix, otherwise an empty list.
    static func complete(_ editor: inout CommandLineEditor, names: CompletionNames) -> [String] {
        let (word, _) = editor.wordBeforeCursor
        let words = editor.text.split(separator: " ").map(String.init)
        let verb = words.first
        let index = editor.wordIndex
        let found = candidates(
            prefix: word, wordIndex: index, verb: index == 0 ? nil : verb,
            component: words.count > 1 ? words[1] : nil, names: names)
        guard let first = found.first else { return [] }
        if found.count == 1 {
            let atEnd = editor.cursor == editor.characters.count
            editor.replaceWordBeforeCursor(with: first + (atEnd ? " " : ""))
            return []
        }
        let shared = commonPrefix(found)
        if shared.count > word.count {
            editor.replaceWordBeforeCursor(with: shared)
            return []
        }
        return found
    }

    static func commonPrefix(_ words: [String]) -> String {
        guard var shared = words.first else { return "" }
        for word in words.dropFirst() {
            while !word.hasPrefix(shared) { shared.removeLast() }
        }
        return shared
    }

    /// Whether a vocabulary word is a `component.setting`: one dot, a component before it,
    /// and not a node. The vocabulary mixes components, nodes, settings and values, and
    /// nodes are dotted too (`backend.node-1`, `dns.root`), so the known nodes are ruled
    /// out by name and, before a frame has named them, by their numbered suffix.
    static func isSetting(_ word: String, components: Set<String>, nodes: Set<String>)
        -> Bool
    {
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, components.contains(String(parts[0])) else { return false }
        guard !nodes.contains(word), !parts[1].isEmpty else { return false }
        return !isNumberedNodeSuffix(parts[1])
    }

    /// `node-3`, `shard-2`, `resolver-1`: a name, a hyphen and a number.
    private static func isNumberedNodeSuffix(_ suffix: Substring) -> Bool {
        guard let hyphen = suffix.lastIndex(of: "-") else { return false }
        let number = suffix[suffix.index(after: hyphen)...]
        return !number.isEmpty && number.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
