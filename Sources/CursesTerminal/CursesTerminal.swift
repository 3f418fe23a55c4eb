import CNcursesw
import CursesShim
import Glibc
import TerminalUI

/// The program's one connection to a real terminal, through curses.
///
/// Everything that touches the screen, the keyboard or the terminal's modes goes through
/// here, so the rest of the program can be tested on in-memory cell buffers. Start it
/// with `start()`, and always `stop()` it: the C shim also restores the terminal on
/// signals and crashes, but only a normal stop frees curses.
public final class CursesTerminal {
    /// What views may use; decided once at start from the locale, the terminal and NO_COLOR.
    public let capabilities: Capabilities

    let window: UnsafeMutablePointer<WINDOW>
    let ttyDescriptor: Int32
    private let screen: OpaquePointer
    private let outputFile: UnsafeMutablePointer<FILE>
    private let inputFile: UnsafeMutablePointer<FILE>
    private(set) var isStopped = false

    // Drawing state: the last frame shown, so the next one sends only what changed.
    var previousFrame: CellBuffer?
    var previousScreenSize = (width: 0, height: 0)
    var needsFullRepaint = true
    var isCursorVisible = false
    var colorPairs: ColorPairs
    var inputTimeoutMillis = -1

    init(
        screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, ttyDescriptor: Int32,
        files: (output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>),
        capabilities: Capabilities, colorPairs: ColorPairs
    ) {
        self.screen = screen
        self.window = window
        self.ttyDescriptor = ttyDescriptor
        self.outputFile = files.output
        self.inputFile = files.input
        self.capabilities = capabilities
        self.colorPairs = colorPairs
    }

    deinit { stop() }

    /// The terminal's size in cells; the one place the program asks, so views get it as data.
    public var size: (width: Int, height: Int) {
        guard !isStopped else { return (0, 0) }
        return (max(0, Int(getmaxx(window))), max(0, Int(getmaxy(window))))
    }

    /// Ends curses and gives the terminal back as it was; safe to call more than once.
    public func stop() {
        guard !isStopped else { return }
        isStopped = true
        // A blank screen with the cursor home before leaving it: tmux, when the window grew
        // while the dashboard was up, carries rows above the cursor of the alternate screen
        // back onto the shell's screen.
        werase(window)
        wmove(window, 0, 0)
        wrefresh(window)
        curs_set(1)
        endwin()
        blueprint_restore_terminal()
        blueprint_remove_signal_handlers()
        delscreen(screen)
        fclose(outputFile)
        fclose(inputFile)
        previousFrame = nil
    }

    /// The SIGINT, SIGTERM or SIGHUP received since the last call, if any, so the run loop
    /// can end cleanly instead of dying mid-frame.
    public static func pendingSignal() -> Int32? {
        let signalNumber = blueprint_take_pending_signal()
        return signalNumber == 0 ? nil : signalNumber
    }

    /// Appends standard error to a file, because messages written there while the
    /// alternate screen is up vanish with it.
    public static func redirectStandardError(toFile path: String) throws(TerminalError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .cannotRedirectStandardError(path: path, reason: errorText(errno))
        }
        defer { close(descriptor) }
        guard dup2(descriptor, STDERR_FILENO) >= 0 else {
            throw .cannotRedirectStandardError(path: path, reason: errorText(errno))
        }
    }

    static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
