import CNcursesw
import CursesShim
import Glibc
import TerminalUI

extension CursesTerminal {
    /// The longest single wait; a longer request is cut so the caller stays responsive.
    static let inputTimeoutMillisMax = 60_000

    /// Waits up to `timeoutMillis` for one key, so the run loop can poll input and still
    /// keep its frame rate; reports a lost terminal as `.closed` instead of spinning.
    public func nextInput(timeoutMillis: Int) -> TerminalInput {
        guard !isStopped else { return .closed }
        let timeout = min(max(0, timeoutMillis), Self.inputTimeoutMillisMax)
        if timeout != inputTimeoutMillis {
            wtimeout(window, Int32(timeout))
            inputTimeoutMillis = timeout
        }

        var code: wint_t = 0
        errno = 0
        let status = wget_wch(window, &code)
        let readError = errno
        switch status {
        case KEY_CODE_YES:
            guard let key = Self.key(forKeyCode: Int32(bitPattern: code)) else { return .timeout }
            if key == .resize { needsFullRepaint = true }
            return .key(key)
        case OK:
            guard let key = Self.key(forCharacter: UInt32(code)) else { return .timeout }
            return .key(key)
        default:
            // ERR is also a plain timeout or a signal; only a dead terminal ends the loop.
            if readError == EIO || blueprint_terminal_lost(ttyDescriptor) != 0 {
                return .closed
            }
            return .timeout
        }
    }

    /// The key for a curses function-key code, or nil for keys the dashboard has no name for.
    static func key(forKeyCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_ENTER: return .enter
        case KEY_RESIZE: return .resize
        case (KEY_F0 + 1)...(KEY_F0 + 63): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }

    /// The key for a character read in raw mode, where control chords arrive as C0 codes.
    static func key(forCharacter value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(value) + 0x60)))
        case 0..<0x20, 0x80..<0xA0: return nil
        default: return Unicode.Scalar(value).map { .character(Character($0)) }
        }
    }
}
