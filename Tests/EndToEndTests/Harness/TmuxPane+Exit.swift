import Foundation

extension TmuxPane {
    /// The program's process id, for sending it signals.
    func programPID(deadline: Duration = .seconds(5)) throws -> pid_t {
        let panePID = try format("#{pane_pid}")
        guard let pid = pid_t(panePID) else {
            throw HarnessError(description: "no pane pid: \(panePID)")
        }
        guard afterExit == .reportInShell else { return pid }
        // The report shell's only child is the program (env has exec'd it by now).
        let childrenPath = "/proc/\(pid)/task/\(pid)/children"
        return try pollUntil(deadline: deadline, describe: "no child of report shell \(pid)") {
            let children = (try? String(contentsOfFile: childrenPath, encoding: .utf8)) ?? ""
            return children.split(separator: " ").first.flatMap { pid_t($0) }
        }
    }

    /// Sends a signal to the program, as `kill` from another terminal would.
    func signalProgram(_ signalNumber: Int32) throws {
        let pid = try programPID()
        guard Foundation.kill(pid, signalNumber) == 0 else {
            throw HarnessError(description: "kill(\(pid), \(signalNumber)) failed: \(errno)")
        }
    }

    /// Waits for the program to end and says how it ended.
    func waitForExit(deadline: Duration = .seconds(10)) throws -> ExitStatus {
        switch afterExit {
        case .remainDead:
            return try pollUntil(deadline: deadline, describe: "\(target) still running") {
                try deadPaneStatus()
            }
        case .reportInShell:
            return try pollUntil(deadline: deadline, describe: "\(target) printed no report") {
                try shellReport()?.status
            }
        }
    }

    /// The terminal modes after the program ended; only `.reportInShell` can see them.
    func modesAfterExit() throws -> TerminalModes? {
        try shellReport()?.modes
    }

    private func deadPaneStatus() throws -> ExitStatus? {
        let fields = try format("#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}:#{pane_pid}")
            .split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 4, fields[0] == "1" else { return nil }
        if let code = Int32(fields[1]) { return .exited(code) }
        if let signalNumber = Int32(fields[2]) { return .signaled(signalNumber) }
        // tmux sometimes marks the pane dead but never reaps the child; the kernel still
        // keeps the zombie's wait status.
        return pid_t(fields[3]).flatMap(Self.zombieStatus)
    }

    /// The wait status of an unreaped child, from the last field of /proc/<pid>/stat.
    private static func zombieStatus(_ pid: pid_t) -> ExitStatus? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let commandEnd = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: commandEnd)...].split(separator: " ")
        guard fields.first == "Z", let last = fields.last,
            let waitStatus = Int32(last.trimmingCharacters(in: .whitespacesAndNewlines))
        else { return nil }
        let signalNumber = waitStatus & 0x7F
        return signalNumber == 0 ? .exited((waitStatus >> 8) & 0xFF) : .signaled(signalNumber)
    }

    /// The `[exit N] modes` line of the report shell, once it has been printed.
    private func shellReport() throws -> (status: ExitStatus, modes: TerminalModes)? {
        // Found anywhere in a line: a program that leaves output processing off makes the
        // report's newline a bare line feed, so the report starts mid-row.
        let screen = try capture(history: true)
        guard let row = screen.split(separator: "\n").last(where: { $0.contains("[exit ") }),
            let start = row.range(of: "[exit ")?.upperBound,
            let close = row[start...].firstIndex(of: "]"),
            let code = Int32(row[start..<close])
        else { return nil }
        let line = row[start...]
        let flags = Set(line[line.index(after: close)...].split(separator: " ").map(String.init))
        let modes = TerminalModes(
            canonical: flags.contains("icanon"), echo: flags.contains("echo"),
            signals: flags.contains("isig"), outputProcessing: flags.contains("opost"))
        // A shell reports death by signal N as 128 + N.
        let status: ExitStatus = code > 128 ? .signaled(code - 128) : .exited(code)
        return (status, modes)
    }
}
