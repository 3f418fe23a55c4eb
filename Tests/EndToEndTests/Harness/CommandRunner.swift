import Foundation

/// Something the harness could not do, with what it saw, so a failing test explains itself.
struct HarnessError: Error, CustomStringConvertible {
    let description: String
}

/// Runs a short command to completion with a hard timeout.
///
/// It spawns with posix_spawn and reaps with waitpid rather than Foundation's Process,
/// whose termination handler never fired for `tmux new-session` here (the forked tmux
/// server keeps the descriptor Process watches). Output goes to temporary files rather
/// than pipes, so a chatty command can never block on a full pipe.
enum CommandRunner {
    struct Result {
        let status: Int32
        let output: String
        let errorOutput: String
    }

    static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String],
        timeout: Duration
    ) throws -> Result {
        let directory = FileManager.default.temporaryDirectory
        let outputPath = directory.appendingPathComponent("e2e-out-\(UUID().uuidString)").path
        let errorPath = directory.appendingPathComponent("e2e-err-\(UUID().uuidString)").path
        defer {
            try? FileManager.default.removeItem(atPath: outputPath)
            try? FileManager.default.removeItem(atPath: errorPath)
        }

        let pid = try spawn(
            executable.path, arguments, environment: environment,
            outputPath: outputPath, errorPath: errorPath)
        let command = ([executable.path] + arguments).joined(separator: " ")
        var waitStatus: Int32 = 0
        do {
            _ = try pollUntil(deadline: timeout, describe: "timed out: \(command)") {
                () -> Bool? in
                waitpid(pid, &waitStatus, WNOHANG) == pid ? true : nil
            }
        } catch {
            kill(pid, SIGKILL)
            waitpid(pid, &waitStatus, 0)
            throw error
        }
        let exited = waitStatus & 0x7F == 0
        return Result(
            status: exited ? (waitStatus >> 8) & 0xFF : 128 + (waitStatus & 0x7F),
            output: (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "",
            errorOutput: (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "")
    }

    private static func spawn(
        _ path: String, _ arguments: [String], environment: [String: String],
        outputPath: String, errorPath: String
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(
            &actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(
            &actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let argv = ([path] + arguments).map { strdup($0) }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") }
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, nil, argv + [nil], envp + [nil])
        guard result == 0 else {
            throw HarnessError(description: "cannot start \(path): error \(result)")
        }
        return pid
    }

    /// The first executable called `name` on PATH, as a shell would find it.
    static func findOnPath(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}

/// Quotes a word for /bin/sh, so any argument survives tmux's shell-command string.
func shellQuoted(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

/// Repeats `probe` until it returns a value or the deadline passes.
///
/// A short sleep between polls is the one place sleeping is allowed: it paces the polling,
/// it never stands in for the condition being waited for.
func pollUntil<Value>(
    deadline: Duration, describe: @autoclosure () -> String, _ probe: () throws -> Value?
) throws -> Value {
    let clock = ContinuousClock()
    let end = clock.now + deadline
    let pollIntervalMicros: useconds_t = 20_000
    while true {
        if let value = try probe() { return value }
        if clock.now >= end {
            throw HarnessError(description: "gave up after \(deadline): \(describe())")
        }
        usleep(pollIntervalMicros)
    }
}
