import Foundation

/// One program running in its own tmux session: what a test drives and inspects.
final class TmuxPane {
    /// What stays in the pane when the program ends.
    enum AfterExit {
        /// The dead pane stays: the program is the pane's process and tmux reports its exit.
        case remainDead
        /// A shell stays and prints `[exit N]` and the terminal modes, so the cursor flag and
        /// raw mode can still be checked after the program has gone.
        case reportInShell
    }

    /// How the program ended.
    enum ExitStatus: Equatable, CustomStringConvertible {
        case exited(Int32)
        case signaled(Int32)

        var description: String {
            switch self {
            case .exited(let code): return "exit status \(code)"
            case .signaled(let signalNumber): return "signal \(signalNumber)"
            }
        }
    }

    /// The terminal state tmux keeps for the pane.
    struct TerminalState: Equatable {
        var alternateScreen: Bool
        /// Nil for a dead pane: tmux hides the cursor of every dead pane, so it says nothing.
        var cursorVisible: Bool?
        var mouseReporting: Bool
    }

    /// The terminal modes the report shell found after the program ended (`stty` flags).
    struct TerminalModes: Equatable {
        var canonical: Bool
        var echo: Bool
        var signals: Bool
        var outputProcessing: Bool

        static let cooked = TerminalModes(
            canonical: true, echo: true, signals: true, outputProcessing: true)
    }

    /// Runs the program, then reports its status and the terminal modes, and stays.
    static let reportScript = """
        "$@"; code=$?
        modes=$(stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo|isig|opost)$' | tr '\\n' ' ')
        printf '\\n[exit %d] %s\\n' "$code" "$modes"
        exec sleep 86400
        """

    let target: String
    let afterExit: AfterExit
    private let server: TmuxServer

    init(server: TmuxServer, target: String, afterExit: AfterExit) {
        self.server = server
        self.target = target
        self.afterExit = afterExit
    }

    /// The visible screen as text, one row a line; with `history`, the scrolled-off lines
    /// too (tmux scrolls the top row away when it marks a pane dead).
    func capture(history: Bool = false, colors: Bool = false) throws -> String {
        var arguments = ["capture-pane", "-p", "-t", target]
        if history { arguments += ["-S", "-"] }
        if colors { arguments.append("-e") }
        return try server.run(arguments)
    }

    /// Sends key names as tmux spells them: "q", "Enter", "C-c", "Escape", "Up", "F5".
    func sendKeys(_ keys: String...) throws {
        try server.run(["send-keys", "-t", target] + keys)
    }

    /// Types text literally, character by character.
    func type(_ text: String) throws {
        try server.run(["send-keys", "-l", "-t", target, text])
    }

    /// Resizes the window, which the program receives as a real SIGWINCH.
    func resize(width: Int, height: Int) throws {
        try server.run(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
    }

    func size() throws -> (width: Int, height: Int) {
        let fields = try format("#{pane_width} #{pane_height}").split(separator: " ")
        return (Int(fields.first ?? "") ?? 0, Int(fields.last ?? "") ?? 0)
    }

    func terminalState() throws -> TerminalState {
        let fields = try format("#{alternate_on} #{cursor_flag} #{mouse_any_flag} #{pane_dead}")
            .split(separator: " ").map { $0 == "1" }
        guard fields.count == 4 else { throw HarnessError(description: "bad state \(fields)") }
        return TerminalState(
            alternateScreen: fields[0], cursorVisible: fields[3] ? nil : fields[1],
            mouseReporting: fields[2])
    }

    /// Waits until the screen shows `text`, and returns that screen.
    @discardableResult
    func waitFor(text: String, deadline: Duration = .seconds(10)) throws -> String {
        var screen = ""
        return try pollUntil(deadline: deadline, describe: "no \"\(text)\" on:\n\(screen)") {
            screen = try capture(history: true)
            return screen.contains(text) ? screen : nil
        }
    }

    /// Waits until `condition` holds for the terminal state (such as the alternate screen
    /// being entered, which tells that the program has drawn its first frame).
    @discardableResult
    func waitForState(
        deadline: Duration = .seconds(10), _ condition: (TerminalState) -> Bool
    ) throws -> TerminalState {
        try waitFor(deadline: deadline) { () -> TerminalState? in
            let state = try terminalState()
            return condition(state) ? state : nil
        }
    }

    /// Waits until `probe` returns a value, for conditions the other waits do not cover.
    func waitFor<Value>(deadline: Duration = .seconds(10), _ probe: () throws -> Value?)
        throws -> Value
    {
        try pollUntil(deadline: deadline, describe: "\(target): condition never held", probe)
    }

    /// Runs a tmux format against this pane, such as "#{pane_width}".
    func format(_ text: String) throws -> String {
        try server.run(["display-message", "-p", "-t", target, text])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
