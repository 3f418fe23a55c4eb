import TerminalUI

/// Why the terminal could not be used, worded for the person who ran the program.
public enum TerminalError: Error, CustomStringConvertible {
    /// There is no controlling terminal to draw on (a pipe, a cron job, a CI runner).
    case notATerminal(reason: String)
    /// `TERM` is unset or empty, so nothing says how to drive the screen.
    case terminalTypeMissing
    /// The terminal type exists but cannot move the cursor, as with `TERM=dumb`.
    case terminalTooLimited(term: String)
    /// The terminfo database has no entry for `TERM` (or there is no database).
    case unknownTerminalType(term: String)
    /// Curses refused to start even though the checks before it passed.
    case startFailed(reason: String)
    /// Standard error could not be sent to the log file.
    case cannotRedirectStandardError(path: String, reason: String)

    public var description: String {
        switch self {
        case .notATerminal(let reason):
            return "this program needs an interactive terminal (\(reason))"
        case .terminalTypeMissing:
            return
                "TERM is not set; set it to your terminal's type, for example TERM=xterm-256color"
        case .terminalTooLimited(let term):
            return "TERM=\(term) cannot move the cursor; use a full-screen terminal type"
                + " such as xterm-256color"
        case .unknownTerminalType(let term):
            return "TERM=\(term) is not in the terminfo database; try TERM=xterm-256color"
        case .startFailed(let reason):
            return "could not start the terminal: \(reason)"
        case .cannotRedirectStandardError(let path, let reason):
            return "cannot send standard error to \(path): \(reason)"
        }
    }
}

/// What one wait for input produced.
public enum TerminalInput: Equatable, Sendable {
    case key(Key)
    /// Nothing arrived in time (or only a key the dashboard has no name for).
    case timeout
    /// The terminal is gone (end of input, I/O error or hang-up): the loop should exit.
    case closed
}
