import TerminalUI

extension Dashboard {
    /// Edits the open command line; Enter submits, Esc cancels.
    static func handleCommandLine(key: Key, _ state: inout AppState) -> [AppEffect] {
        guard var editor = state.commandLine else { return [] }
        var candidates: [String] = []
        switch key {
        case .enter: return submitCommandLine(editor, &state)
        case .escape:
            closeCommandLine(&state)
            return []
        case .backspace where editor.characters.isEmpty:
            closeCommandLine(&state)
            return []
        case .character(let character): editor.insert(character)
        case .left: editor.moveLeft()
        case .right: editor.moveRight()
        case .home, .control("a"): editor.moveHome()
        case .end, .control("e"): editor.moveEnd()
        case .backspace, .control("h"): editor.backspace()
        case .delete, .control("d"): editor.deleteForward()
        case .control("w"): editor.deleteWordBackward()
        case .control("u"): editor.deleteToStart()
        case .up:
            if let older = state.history.older(current: editor.text) { editor.replace(with: older) }
        case .down:
            if let newer = state.history.newer() { editor.replace(with: newer) }
        case .tab: candidates = Completion.complete(&editor, names: completionNames(state))
        default: break
        }
        state.commandLine = editor
        state.candidates = candidates
        return []
    }

    private static func submitCommandLine(_ editor: CommandLineEditor, _ state: inout AppState)
        -> [AppEffect]
    {
        var command = editor.text.trimmingCharacters(in: " ")
        closeCommandLine(&state)
        guard !command.isEmpty else { return [] }
        if command.filter({ $0 == "\"" }).count % 2 == 1 { command += "\"" }
        state.history.record(command)
        return submit(command, &state)
    }

    private static func closeCommandLine(_ state: inout AppState) {
        state.commandLine = nil
        state.candidates = []
        state.history.resetWalk()
    }

    /// What Tab may complete to: the program's vocabulary, plus the names on screen and the
    /// settings in force, so completion helps even before a vocabulary arrives. The
    /// vocabulary's settings are told apart from its other words with the names on screen.
    static func completionNames(_ state: AppState) -> CompletionNames {
        var names = CompletionNames(vocabulary: state.vocabulary)
        var components = Set<String>()
        var nodes = Set<String>()
        for component in state.snapshot?.components ?? [] {
            components.insert(component.name)
            nodes.formUnion(component.nodes.map(\.name))
            // The clients are the load, not a target: no fault or scale applies to them.
            guard component.kind != "clients" else { continue }
            names.targets.append(component.name)
            names.targets += component.nodes.map(\.name)
            names.settings += component.strategies.map { "\(component.name).\($0.name)" }
        }
        if components.isEmpty {
            components = Set(state.vocabulary.filter { !$0.contains(".") })
        }
        names.settings += state.vocabulary.filter {
            Completion.isSetting($0, components: components, nodes: nodes)
        }
        return names
    }
}

extension String {
    /// The string without `character` at either end.
    func trimmingCharacters(in character: Character) -> String {
        var text = Substring(self)
        while text.first == character { text.removeFirst() }
        while text.last == character { text.removeLast() }
        return String(text)
    }
}
