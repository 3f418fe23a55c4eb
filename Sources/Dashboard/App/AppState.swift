import Architecture
import TerminalUI

/// A line for the message row: the answer to a command, or a hint from the dashboard.
public struct Note: Sendable, Equatable {
    /// Info is dim, success has a tick, an error is marked `ERROR` in reverse video.
    public enum Kind: Sendable, Equatable { case info, success, error }

    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}

/// The whole dashboard as one value: what it was told, what is selected, what is open.
///
/// Only `Dashboard.update` changes it, so a test can drive the dashboard with messages
/// and read the result without a terminal.
public struct AppState: Sendable {
    public let config: DashboardConfig
    let theme: Theme
    /// The newest picture of the simulation; nil until the first frame.
    public internal(set) var snapshot: SimSnapshot?
    public internal(set) var status: RunStatus?
    public internal(set) var width = 0
    public internal(set) var height = 0
    /// Index into `panelNames`.
    public internal(set) var selectedPanel = 0
    /// The selected node of the selected panel (`db.shard-2`), nil for the whole component.
    public internal(set) var selectedNode: String?
    public internal(set) var isZoomed = false
    public internal(set) var isHelpVisible = false
    /// The open command line, nil when closed.
    public internal(set) var commandLine: CommandLineEditor?
    var history = CommandHistory()
    public internal(set) var note: Note?
    /// Completion candidates to list under the command line after an ambiguous Tab.
    public internal(set) var candidates: [String] = []
    public internal(set) var vocabulary: [String] = []
    /// Whether the hot key was last turned on, for when the snapshot does not say.
    var hotKeyAssumedOn = false

    public init(config: DashboardConfig) {
        self.config = config
        theme = Theme(capabilities: config.capabilities)
    }

    /// The panel rows: the layout's, or every component three to a row when it has none.
    public var panelRows: [[String]] {
        let rows = config.rows.filter { !$0.isEmpty }
        if !rows.isEmpty { return rows }
        let names = snapshot?.components.map(\.name) ?? []
        return stride(from: 0, to: names.count, by: 3).map {
            Array(names[$0..<min(names.count, $0 + 3)])
        }
    }

    /// Every panel's component name, in reading order (digit keys count in this order).
    public var panelNames: [String] { panelRows.flatMap { $0 } }

    /// The component of the selected panel, if the simulation has it.
    public var selectedComponent: ComponentSnapshot? {
        let names = panelNames
        guard selectedPanel >= 0, selectedPanel < names.count else { return nil }
        return snapshot?.component(names[selectedPanel])
    }

    /// What fault keys act on: the selected node, or else the selected component.
    public var target: String? {
        if let selectedNode { return selectedNode }
        let names = panelNames
        guard selectedPanel >= 0, selectedPanel < names.count else { return nil }
        return names[selectedPanel]
    }
}
