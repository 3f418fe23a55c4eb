import Architecture
import SimKernel

/// An architecture and its screen, read from a layout file (`layouts/*.json5`).
///
/// The source text is kept whole: a session log embeds it, so a replay rebuilds exactly the
/// architecture that ran even if the file changed since.
public struct Layout: Sendable {
    /// A short identifier, such as `blueprint` or `web-basics`.
    public var name: String
    /// The heading shown on screen.
    public var title: String
    public var description: String
    /// The seed to use when the command line gives none.
    public var seed: UInt64?
    public var architecture: ArchitectureSpec
    public var screen: ScreenSpec
    /// The file the layout was read from, as given.
    public var sourcePath: String
    /// The whole text of that file.
    public var sourceText: String

    public init(
        name: String, title: String, description: String, seed: UInt64?,
        architecture: ArchitectureSpec, screen: ScreenSpec, sourcePath: String,
        sourceText: String
    ) {
        self.name = name
        self.title = title
        self.description = description
        self.seed = seed
        self.architecture = architecture
        self.screen = screen
        self.sourcePath = sourcePath
        self.sourceText = sourceText
    }
}

/// Where the panels go: rows of component names, top to bottom, left to right.
public struct ScreenSpec: Sendable, Equatable {
    public var rows: [[String]]

    public init(rows: [[String]]) {
        self.rows = rows
    }
}

/// A layout or scenario that could not be accepted, with the place at fault.
///
/// Printed as `FILE:LINE:COLUMN: FIELD: MESSAGE`, the form editors and terminals turn into
/// a link. Lines and columns count from 1; a column counts Unicode scalars.
public struct LayoutError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// The dotted path of the field at fault (`components[2].params.ttl`), or what was
    /// being read when there is no field (`syntax`, `file`, `command`).
    public var field: String
    public var message: String

    public init(file: String, line: Int, column: Int, field: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): \(field): \(message)" }
}
