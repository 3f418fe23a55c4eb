/// The commands typed on the command line, newest last, walked with up and down.
///
/// Bounded by `capacity`: the oldest command is forgotten when a new one would exceed it.
struct CommandHistory: Sendable, Equatable {
    static let capacity = 50

    private(set) var entries: [String] = []
    /// The entry being shown while walking; nil when editing a fresh line.
    private(set) var position: Int?
    /// What was typed before walking started, restored when walking past the newest.
    private var draft = ""

    /// Remembers a submitted command, skipping an immediate repeat.
    mutating func record(_ command: String) {
        position = nil
        guard !command.isEmpty, entries.last != command else { return }
        entries.append(command)
        if entries.count > Self.capacity { entries.removeFirst(entries.count - Self.capacity) }
    }

    /// Forgets where the walk was, when the line closes.
    mutating func resetWalk() {
        position = nil
        draft = ""
    }

    /// The older entry, or nil at the oldest (or with no history).
    mutating func older(current: String) -> String? {
        guard !entries.isEmpty else { return nil }
        guard let position else {
            draft = current
            self.position = entries.count - 1
            return entries[entries.count - 1]
        }
        guard position > 0 else { return nil }
        self.position = position - 1
        return entries[position - 1]
    }

    /// The newer entry, or the draft after the newest; nil when not walking.
    mutating func newer() -> String? {
        guard let position else { return nil }
        if position + 1 < entries.count {
            self.position = position + 1
            return entries[position + 1]
        }
        self.position = nil
        return draft
    }
}
