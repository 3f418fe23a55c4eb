import CNcursesw
import CursesShim
import Glibc
import TerminalUI

extension CursesTerminal {
    /// How long curses waits after ESC for the rest of an escape sequence; the default
    /// second makes the Escape key feel broken.
    static let escapeDelayMillis: Int32 = 25

    /// Starts curses on the controlling terminal, having refused unusable terminal types
    /// before anything is written, so a bad `TERM` costs the user nothing but a message.
    public static func start() throws(TerminalError) -> CursesTerminal {
        let term = try terminalType()
        setlocale(LC_ALL, "")
        let unicode = String(cString: nl_langinfo(nl_item(CODESET))) == "UTF-8"

        let descriptor = try openControllingTerminal()
        let files: (output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>)
        do {
            try checkTerminalType(term, descriptor: descriptor)
            files = try openFiles(on: descriptor)
        } catch {
            close(descriptor)
            throw error
        }

        guard blueprint_save_terminal(descriptor) == 0,
            let screen = newterm(term, files.output, files.input),
            let rawWindow = blueprint_standard_window()
        else {
            let reason = errorText(errno)
            blueprint_restore_terminal()
            fclose(files.output)
            fclose(files.input)
            throw .startFailed(reason: "curses could not open TERM=\(term) (\(reason))")
        }
        let window = rawWindow.assumingMemoryBound(to: WINDOW.self)
        configureInput(window)
        let colorPairs = startColors()

        let capabilities = Capabilities(unicode: unicode, color: colorPairs.isEnabled)
        let terminal = CursesTerminal(
            screen: screen, window: window, ttyDescriptor: descriptor, files: files,
            capabilities: capabilities, colorPairs: colorPairs)
        blueprint_prepare_reset_sequence()
        guard blueprint_install_signal_handlers() == 0 else {
            let reason = errorText(errno)
            terminal.stop()
            throw .startFailed(reason: "cannot install signal handlers (\(reason))")
        }
        return terminal
    }

    /// Checks, without drawing anything, that `start` would find a usable terminal, so a
    /// caller can refuse early, before it creates files for a session that cannot run.
    public static func checkAvailable() throws(TerminalError) {
        let term = try terminalType()
        let descriptor = try openControllingTerminal()
        defer { close(descriptor) }
        try checkTerminalType(term, descriptor: descriptor)
    }

    private static func terminalType() throws(TerminalError) -> String {
        guard let value = getenv("TERM"), value.pointee != 0 else {
            throw .terminalTypeMissing
        }
        let term = String(cString: value)
        guard term != "dumb" else { throw .terminalTooLimited(term: term) }
        return term
    }

    private static func openControllingTerminal() throws(TerminalError) -> Int32 {
        let descriptor = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw .notATerminal(reason: "cannot open /dev/tty: \(errorText(errno))")
        }
        guard isatty(descriptor) == 1 else {
            close(descriptor)
            throw .notATerminal(reason: "/dev/tty is not a terminal")
        }
        return descriptor
    }

    private static func checkTerminalType(_ term: String, descriptor: Int32)
        throws(TerminalError)
    {
        switch Int(blueprint_probe_terminal(term, descriptor)) {
        case BLUEPRINT_TERMINAL_USABLE:
            return
        case BLUEPRINT_TERMINAL_CANNOT_ADDRESS_CURSOR:
            throw .terminalTooLimited(term: term)
        default:
            throw .unknownTerminalType(term: term)
        }
    }

    /// Separate streams for output and input, over one descriptor each, so closing both
    /// never closes a descriptor twice.
    private static func openFiles(on descriptor: Int32) throws(TerminalError) -> (
        output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>
    ) {
        let inputDescriptor = fcntl(descriptor, F_DUPFD_CLOEXEC, 0)
        guard inputDescriptor >= 0 else {
            throw .startFailed(reason: "cannot duplicate the terminal: \(errorText(errno))")
        }
        guard let input = fdopen(inputDescriptor, "r") else {
            close(inputDescriptor)
            throw .startFailed(reason: "cannot read the terminal: \(errorText(errno))")
        }
        guard let output = fdopen(descriptor, "w") else {
            fclose(input)
            throw .startFailed(reason: "cannot write the terminal: \(errorText(errno))")
        }
        return (output, input)
    }

    /// Raw keys: Ctrl-C, Ctrl-Z and Ctrl-S reach the program as keys, not signals.
    private static func configureInput(_ window: UnsafeMutablePointer<WINDOW>) {
        raw()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(escapeDelayMillis)
        curs_set(0)
    }

    private static func startColors() -> ColorPairs {
        let noColor = getenv("NO_COLOR").map { String(cString: $0) } ?? ""
        guard has_colors(), noColor.isEmpty, start_color() == OK else { return .disabled }
        let defaultColors = use_default_colors() == OK
        return ColorPairs(
            pairCountMax: Int(blueprint_color_pair_count()), defaultColors: defaultColors)
    }
}
