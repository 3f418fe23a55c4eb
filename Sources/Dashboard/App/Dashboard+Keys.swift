import TerminalUI

extension Dashboard {
    /// Answers a key. Ctrl-C quits from anywhere; help swallows the key that closes it;
    /// an open command line takes every other key.
    static func handle(key: Key, _ state: inout AppState) -> [AppEffect] {
        if key == .control("c") { return [.quit] }
        if key == .resize { return [] }
        if state.isHelpVisible {
            state.isHelpVisible = false
            return []
        }
        if state.commandLine != nil { return handleCommandLine(key: key, &state) }
        guard let action = KeyMap.action(for: key) else { return [] }
        return perform(action, &state)
    }

    /// Carries out a key's action: UI actions change the state, the rest become commands.
    static func perform(_ action: KeyAction, _ state: inout AppState) -> [AppEffect] {
        switch action {
        case .move(let direction): state.move(direction)
        case .stepPanel(let delta): state.stepPanel(by: delta)
        case .selectPanel(let index): state.selectPanel(index)
        case .stepNode(let delta): state.stepNode(by: delta)
        case .help: state.isHelpVisible = true
        case .zoom: state.isZoomed.toggle()
        case .back: goBack(&state)
        case .commandLine: openCommandLine(with: "", &state)
        case .mark: openCommandLine(with: "mark \"", &state)
        case .quit: return [.quit]
        default: return commandEffects(action, &state)
        }
        return []
    }

    /// The actions that change the simulation, each as its command text.
    private static func commandEffects(_ action: KeyAction, _ state: inout AppState)
        -> [AppEffect]
    {
        let component =
            state.panelNames.indices.contains(state.selectedPanel)
            ? state.panelNames[state.selectedPanel] : nil
        let command: String?
        switch action {
        case .loadUp: command = "load rate +25%"
        case .loadDown: command = "load rate -20%"
        case .spike: command = "load spike x5 for 30s"
        case .hotKey: command = toggleHotKey(&state)
        case .fault(let fault): command = state.target.map { "fail \($0) \(fault)" }
        case .recover: command = state.target.map { "recover \($0)" }
        case .recoverAll: command = "recover all"
        case .cycle(let forward):
            command = component.map { "cycle \($0)" + (forward ? "" : " back") }
        case .scale(let delta):
            command = component.map { "scale \($0) " + (delta > 0 ? "+\(delta)" : "\(delta)") }
        case .pauseResume: command = state.status?.paused == true ? "resume" : "pause"
        case .slower: command = "speed slower"
        case .faster: command = "speed faster"
        default: command = nil
        }
        guard let command else {
            state.note = Note(.error, "select a panel first")
            return []
        }
        return submit(command, &state)
    }

    /// Says what was sent; the caller's outcome message replaces it.
    static func submit(_ command: String, _ state: inout AppState) -> [AppEffect] {
        state.note = Note(.info, "sent: \(command)")
        return [.submit(command)]
    }

    /// The hot key goes off when the simulation says it is on, and on otherwise.
    private static func toggleHotKey(_ state: inout AppState) -> String {
        let reported = state.snapshot?.components.lazy.compactMap { $0.value("hotKey") }.first
        let isOn = reported.map { $0 > 0 } ?? state.hotKeyAssumedOn
        state.hotKeyAssumedOn = !isOn
        return isOn ? "load hotkey off" : "load hotkey 0.4"
    }

    /// Esc steps back: first from a node to its component, then out of zoom.
    private static func goBack(_ state: inout AppState) {
        if state.selectedNode != nil {
            state.selectedNode = nil
        } else if state.isZoomed {
            state.isZoomed = false
        } else {
            state.note = nil
        }
    }

    static func openCommandLine(with text: String, _ state: inout AppState) {
        state.commandLine = CommandLineEditor(text: text)
        state.candidates = []
        state.history.resetWalk()
    }
}
