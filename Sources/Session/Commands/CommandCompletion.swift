/// Completion for the command line: the word being typed, from the language's own words and
/// the names the caller knows (components, nodes, `component.setting` pairs, values).
extension CommandParser {
    /// The most completions returned for one input.
    public static let completionLimit = 100

    /// The whole input lines that complete the word being typed, sorted and without repeats.
    ///
    /// The current word is the last one, or an empty word when the input ends in a space;
    /// each result is the input with that word replaced, so the caller can show the list and
    /// take any entry as the new input. Matching ignores case. At most `completionLimit`.
    public static func completions(for input: String, vocabulary: [String]) -> [String] {
        let cursor = WordCursor(input)
        let endsInSpace = cursor.characters.last?.isWhitespace ?? true
        var before = cursor.words.map(\.lowered)
        var current = ""
        var keptLength = cursor.characters.count
        if !endsInSpace, let last = cursor.words.last {
            before.removeLast()
            current = last.text
            keptLength = last.offset
        }
        let kept = String(cursor.characters[..<keptLength])
        let typed = current.lowercased()
        let matches = candidates(after: before, vocabulary: vocabulary).filter {
            $0.lowercased().hasPrefix(typed)
        }
        return Array(Set(matches).sorted().prefix(completionLimit)).map { kept + $0 }
    }

    /// The words that may come next after `before` (lower-cased words already typed).
    static func candidates(after before: [String], vocabulary: [String]) -> [String] {
        guard let verb = before.first else { return verbs }
        let position = before.count
        switch (verb, position) {
        case ("load", 1): return ["rate", "spike", "hotkey"]
        case ("load", 2) where before[1] == "hotkey": return ["off"]
        case ("load", 3) where before[1] == "spike": return ["for"]
        case ("load", _): return []
        case ("fail", 1), ("scale", 1), ("set", 1), ("set", 2), ("cycle", 1):
            return vocabulary
        case ("fail", 2): return ["kill", "down", "slow", "flaky", "partition"]
        case ("recover", 1): return ["all"] + vocabulary
        case ("cycle", 2): return ["back"] + vocabulary
        case ("cycle", 3): return ["back"]
        case ("speed", 1): return ["faster", "slower"]
        case ("set", _): return vocabulary
        default: return []
        }
    }
}
