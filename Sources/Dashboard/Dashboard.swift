import Architecture
import TerminalUI

/// The dashboard: one state value, a pure update step and a view.
///
/// The program feeds it messages (keys, frames, resizes, command outcomes) and carries out
/// the effects it returns; the dashboard itself never touches the simulation or the
/// terminal, so every behaviour can be tested by sending messages and reading the buffer.
public enum Dashboard {
    /// Below this size the dashboard shows only a message saying so (and keeps working).
    public static let minimumSize: (width: Int, height: Int) = (80, 24)

    /// Answers a message with the new state and the effects the program must carry out.
    public static func update(_ state: inout AppState, _ message: AppMessage) -> [AppEffect] {
        switch message {
        case .key(let key):
            // While the screen is too small to show anything but the size message, a key
            // must not change what the user cannot see: only quitting works.
            if isTooSmall(state) {
                // `q` quits as the message says, even with the hidden command line open.
                return key == .character("q") || key == .control("c") ? [.quit] : []
            }
            return handle(key: key, &state)
        case .frame(let snapshot, let status):
            state.snapshot = snapshot
            state.status = status
            state.revalidateSelection()
        case .resize(let width, let height):
            state.width = max(0, width)
            state.height = max(0, height)
        case .outcome(let command, let message, let isError):
            state.note = outcomeNote(command: command, message: message, isError: isError)
        case .vocabulary(let words):
            state.vocabulary = Array(words.prefix(vocabularyLimit))
        }
        return []
    }

    static func isTooSmall(_ state: AppState) -> Bool {
        state.width < minimumSize.width || state.height < minimumSize.height
    }

    /// The most words kept for completion, so a huge vocabulary cannot grow without bound.
    static let vocabularyLimit = 2_000

    private static func outcomeNote(command: String, message: String, isError: Bool) -> Note {
        let detail = message.isEmpty ? command : "\(command): \(message)"
        return Note(isError ? .error : .success, detail)
    }

    /// Draws the whole screen for `state` into `buffer`, at the buffer's size.
    public static func render(_ state: AppState, into buffer: inout CellBuffer) {
        buffer.fill(buffer.bounds)
        Screen.render(state, into: &buffer)
    }

    /// Where the terminal cursor belongs: on the open command line, nil otherwise.
    public static func cursor(_ state: AppState) -> (x: Int, y: Int)? {
        guard let editor = state.commandLine else { return nil }
        let layout = ScreenLayout(state: state)
        guard layout.mode != .tooSmall, !state.isHelpVisible else { return nil }
        let row = layout.message
        guard row.width > 1, row.height > 0 else { return nil }
        let visible = editor.visible(columns: row.width - 1)
        return (row.x + 1 + visible.cursorColumn, row.y)
    }
}
