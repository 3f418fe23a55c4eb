import TerminalUI

/// What a key does when no command line or help is open.
enum KeyAction: Equatable {
    case move(Direction)
    case stepPanel(Int)
    case selectPanel(Int)
    case stepNode(Int)
    case loadUp, loadDown, spike, hotKey
    /// A fault on the target, as the words after `fail TARGET`.
    case fault(String)
    case recover, recoverAll
    case cycle(forward: Bool)
    case scale(Int)
    case pauseResume, slower, faster
    case mark, commandLine, help, zoom, back, quit
}

extension KeyAction {
    /// Whether the key leaves the simulation as it was: selection, pacing and views. These
    /// are the keys a replay still honours.
    var keepsSimulation: Bool {
        switch self {
        case .move, .stepPanel, .selectPanel, .stepNode, .pauseResume, .slower, .faster,
            .zoom, .help, .back, .quit:
            return true
        case .loadUp, .loadDown, .spike, .hotKey, .fault, .recover, .recoverAll, .cycle,
            .scale, .mark, .commandLine:
            return false
        }
    }
}

/// One entry of the key map: the keys, what they do, and how help and the hint bar say it.
struct KeyBinding {
    let keys: [Key]
    let action: KeyAction
    /// The keys as help shows them.
    let label: String
    let summary: String
    /// A short form for the hint bar, nil to leave it out.
    let hint: String?
    /// Lower numbers stay on a narrow hint bar longer.
    let hintPriority: Int
}

/// The key map: the single table that `update`, help and the hint bar all read.
enum KeyMap {
    static let bindings: [KeyBinding] = navigation + load + faults + strategy + run + views

    private static func chars(_ text: String) -> [Key] { text.map { Key.character($0) } }

    private static let navigation: [KeyBinding] = [
        KeyBinding(
            keys: [.left], action: .move(.left), label: "arrows",
            summary: "move between panels", hint: "arrows panel", hintPriority: 3),
        KeyBinding(
            keys: [.right], action: .move(.right), label: "", summary: "", hint: nil,
            hintPriority: 9),
        KeyBinding(
            keys: [.up], action: .move(.up), label: "", summary: "", hint: nil,
            hintPriority: 9),
        KeyBinding(
            keys: [.down], action: .move(.down), label: "", summary: "", hint: nil,
            hintPriority: 9),
        KeyBinding(
            keys: [.tab], action: .stepPanel(1), label: "Tab S-Tab",
            summary: "next / previous panel", hint: nil, hintPriority: 9),
        KeyBinding(
            keys: [.backTab], action: .stepPanel(-1), label: "", summary: "",
            hint: nil, hintPriority: 9),
        KeyBinding(
            keys: [], action: .selectPanel(0), label: "1-9",
            summary: "jump to a panel", hint: nil, hintPriority: 9),
        KeyBinding(
            keys: chars("]"), action: .stepNode(1), label: "[ ]",
            summary: "previous / next node", hint: "[ ] node",
            hintPriority: 2),
        KeyBinding(
            keys: chars("["), action: .stepNode(-1), label: "", summary: "",
            hint: nil, hintPriority: 9),
    ]

    private static let load: [KeyBinding] = [
        KeyBinding(
            keys: chars("+="), action: .loadUp, label: "+ -",
            summary: "load +25% / -20%", hint: "+- load", hintPriority: 4),
        KeyBinding(
            keys: chars("-_"), action: .loadDown, label: "", summary: "", hint: nil,
            hintPriority: 9),
        KeyBinding(
            keys: chars("!"), action: .spike, label: "! h",
            summary: "spike x5 30s / hot key", hint: "! spike", hintPriority: 6),
        KeyBinding(
            keys: chars("h"), action: .hotKey, label: "",
            summary: "", hint: "h hotkey", hintPriority: 8),
    ]

    private static let faults: [KeyBinding] = [
        KeyBinding(
            keys: chars("x"), action: .fault("kill"), label: "x w",
            summary: "kill / slow the target", hint: "x kill",
            hintPriority: 1),
        KeyBinding(
            keys: chars("w"), action: .fault("slow 200ms"), label: "",
            summary: "", hint: "w slow", hintPriority: 5),
        KeyBinding(
            keys: chars("f"), action: .fault("flaky 20%"), label: "f t",
            summary: "flaky / partition target", hint: "f flaky", hintPriority: 5),
        KeyBinding(
            keys: chars("t"), action: .fault("partition"), label: "",
            summary: "", hint: "t partition",
            hintPriority: 6),
        KeyBinding(
            keys: chars("r"), action: .recover, label: "r R",
            summary: "recover target / all", hint: "r recover", hintPriority: 1),
        KeyBinding(
            keys: chars("R"), action: .recoverAll, label: "",
            summary: "", hint: "R all", hintPriority: 7),
    ]

    private static let strategy: [KeyBinding] = [
        KeyBinding(
            keys: chars("s"), action: .cycle(forward: true), label: "s S",
            summary: "next / previous strategy", hint: "s strategy", hintPriority: 2),
        KeyBinding(
            keys: chars("S"), action: .cycle(forward: false), label: "", summary: "",
            hint: nil, hintPriority: 9),
        KeyBinding(
            keys: chars("a"), action: .scale(1), label: "a A",
            summary: "add / remove a node", hint: nil, hintPriority: 9),
        KeyBinding(
            keys: chars("A"), action: .scale(-1), label: "", summary: "", hint: nil,
            hintPriority: 9),
    ]

    private static let run: [KeyBinding] = [
        KeyBinding(
            keys: chars(" p"), action: .pauseResume, label: "space p",
            summary: "pause / resume", hint: "space pause", hintPriority: 3),
        KeyBinding(
            keys: chars("<,"), action: .slower, label: "< >",
            summary: "slower / faster", hint: "<> speed", hintPriority: 6),
        KeyBinding(
            keys: chars(">."), action: .faster, label: "", summary: "", hint: nil,
            hintPriority: 9),
        KeyBinding(
            keys: chars("m"), action: .mark, label: "m",
            summary: "mark a moment in the log", hint: "m mark", hintPriority: 7),
    ]

    private static let views: [KeyBinding] = [
        KeyBinding(
            keys: chars(":"), action: .commandLine, label: ":",
            summary: "type a command", hint: ": command", hintPriority: 1),
        KeyBinding(
            keys: chars("z"), action: .zoom, label: "z",
            summary: "zoom the panel / back", hint: "z zoom", hintPriority: 4),
        KeyBinding(
            keys: [.escape], action: .back, label: "Esc",
            summary: "node off, then zoom off", hint: nil, hintPriority: 9),
        KeyBinding(
            keys: chars("?"), action: .help, label: "?",
            summary: "this help", hint: "? help", hintPriority: 0),
        KeyBinding(
            keys: chars("q") + [.control("c")], action: .quit, label: "q Ctrl-C",
            summary: "quit", hint: "q quit", hintPriority: 0),
    ]

    /// The action of a key, or nil when it does nothing.
    static func action(for key: Key) -> KeyAction? {
        if case .character(let character) = key, let digit = character.wholeNumberValue,
            (1...9).contains(digit), character.isASCII
        {
            return .selectPanel(digit - 1)
        }
        return bindings.first { $0.keys.contains(key) }?.action
    }
}
