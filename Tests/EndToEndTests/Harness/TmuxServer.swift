import Foundation
import XCTest

/// A private tmux server for one test case: its own socket, so tests never touch a user's
/// tmux and can run side by side; kill it in `tearDown`.
final class TmuxServer {
    /// How long one tmux command may take before the harness gives up on it.
    static let commandTimeout: Duration = .seconds(5)

    let socketName: String
    private let tmux: URL
    private let configURL: URL
    private var sessionCount = 0

    /// Starts nothing yet; skips the test when tmux is not installed.
    init() throws {
        guard let tmux = CommandRunner.findOnPath("tmux") else {
            throw XCTSkip("tmux is not installed; end-to-end tests need it")
        }
        self.tmux = tmux
        socketName = "bp-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        configURL = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(socketName).conf")
        // No status line, so the pane is exactly the size asked for; dead panes stay so
        // their exit status and screen can be read.
        let config = """
            set -g remain-on-exit on
            set -g status off
            set -g history-limit 2000

            """
        try config.write(to: configURL, atomically: true, encoding: .utf8)
    }

    deinit { kill() }

    /// Runs one tmux command against this server and returns its standard output.
    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil  // Allowed to run from inside a user's tmux.
        let result = try CommandRunner.run(
            tmux, ["-L", socketName, "-f", configURL.path] + arguments,
            environment: environment, timeout: Self.commandTimeout)
        guard result.status == 0 else {
            let command = arguments.joined(separator: " ")
            throw HarnessError(
                description: "tmux \(command) failed (\(result.status)): \(result.errorOutput)")
        }
        return result.output
    }

    /// Starts `command` as the only process of a new detached session of the given size.
    ///
    /// With `.remainDead` the program is the pane's command, so its exit status comes from
    /// tmux; with `.reportInShell` a small shell stays behind to report the status and the
    /// terminal modes, because tmux hides the cursor of a dead pane.
    func launch(
        _ command: [String], width: Int = 80, height: Int = 24,
        environment: [String: String] = [:], directory: URL? = nil,
        afterExit: TmuxPane.AfterExit = .remainDead
    ) throws -> TmuxPane {
        precondition(!command.isEmpty, "launch needs a program to run")
        precondition(width > 0 && height > 0, "a pane needs at least one cell")
        sessionCount += 1
        let session = "case\(sessionCount)"

        // `env` sets the variables (tmux's -e cannot override TERM) and then execs the
        // program, so the pane's first process is the program itself.
        var fullEnvironment = ["SWIFT_BACKTRACE": "interactive=no"]
        fullEnvironment.merge(environment) { _, given in given }
        let assignments = fullEnvironment.keys.sorted().map { "\($0)=\(fullEnvironment[$0]!)" }
        let words = ["env"] + assignments + command
        let shellCommand: String
        switch afterExit {
        case .remainDead:
            shellCommand = "exec " + words.map(shellQuoted).joined(separator: " ")
        case .reportInShell:
            shellCommand =
                "exec sh -c \(shellQuoted(TmuxPane.reportScript)) sh "
                + words.map(shellQuoted).joined(separator: " ")
        }

        var arguments = ["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)"]
        if let directory { arguments += ["-c", directory.path] }
        try run(arguments + [shellCommand])
        return TmuxPane(server: self, target: session, afterExit: afterExit)
    }

    /// Ends the server and every program it runs; safe to call more than once.
    func kill() {
        _ = try? run(["kill-server"])
        try? FileManager.default.removeItem(at: configURL)
    }
}
