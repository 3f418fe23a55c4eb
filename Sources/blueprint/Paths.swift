import Foundation
import Session

/// Where Blueprint finds layouts and keeps session logs and diagnostics.
enum Paths {
    static let defaultLayoutName = "layouts/blueprint.json5"

    /// The per-user state directory: `$XDG_STATE_HOME/blueprint`, else
    /// `~/.local/state/blueprint`.
    static var stateDirectory: String {
        let environment = ProcessInfo.processInfo.environment
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/blueprint"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSTemporaryDirectory()
        return home + "/.local/state/blueprint"
    }

    static var sessionsDirectory: String { stateDirectory + "/sessions" }

    /// Where stderr goes while curses owns the screen.
    static var diagnosticsFile: String { stateDirectory + "/blueprint.log" }

    /// A new session log's path: the start time, the layout and the seed in the name, with
    /// a counter when another session started in the same second.
    static func newSessionLog(layout: String, seed: UInt64) -> String {
        let stamp = Date().ISO8601Format().replacingOccurrences(of: ":", with: "-")
        // The name comes from the layout file: only its plain characters reach the path.
        let plain = String(
            layout.unicodeScalars.prefix(64).map {
                $0.properties.isAlphabetic && $0.isASCII || ("0"..."9").contains($0)
                    || $0 == "_" ? Character($0) : "-"
            })
        let base = "\(sessionsDirectory)/\(stamp)-\(plain)-seed\(seed)"
        var path = base + ".jsonl"
        var counter = 2
        while FileManager.default.fileExists(atPath: path) && counter < 1_000 {
            path = "\(base)-\(counter).jsonl"
            counter += 1
        }
        return path
    }

    /// The layout to use: the one given, else `layouts/blueprint.json5` in the working
    /// directory or beside the executable (up to four folders up, which covers `.build`);
    /// nil when there is none to be found.
    static func layout(_ given: String?) -> String? {
        if let given { return given }
        let manager = FileManager.default
        if manager.fileExists(atPath: defaultLayoutName) { return defaultLayoutName }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = folder.appendingPathComponent(defaultLayoutName).path
            if manager.fileExists(atPath: candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    /// Loads the layout given, or the default one, saying where it was looked for when
    /// there is none.
    static func loadLayout(_ given: String?) throws(LayoutError) -> Layout {
        guard let path = layout(given) else {
            throw LayoutError(
                file: defaultLayoutName, line: 1, column: 1, field: "file",
                message: "the default layout is neither in the working directory nor beside "
                    + "the program; run blueprint from its project folder or pass --layout FILE")
        }
        return try LayoutLoader.load(path: path)
    }
}
