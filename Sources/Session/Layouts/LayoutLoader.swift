import Architecture
import Foundation
import SimKernel

/// Reads layout files and refuses a bad one with the file, line, column and field at fault,
/// before anything else (a terminal, a log) is touched.
public enum LayoutLoader {
    /// The largest layout file read; a layout is a page of text, far below this.
    public static let sizeLimitBytes = 4 << 20

    /// Reads and parses the layout at `path`. Engine parameters are checked by `check`.
    public static func load(path: String) throws(LayoutError) -> Layout {
        let text = try readText(path: path)
        return try parse(text: text, path: path)
    }

    /// Parses a layout's text; `path` names it in errors and in the result.
    public static func parse(text: String, path: String) throws(LayoutError) -> Layout {
        try LayoutErrors.scan(text: text, path: path)
        let document: LayoutDocument
        do {
            let decoder = JSONDecoder()
            decoder.allowsJSON5 = true
            document = try decoder.decode(LayoutDocument.self, from: Data(text.utf8))
        } catch {
            throw LayoutErrors.located(error, text: text, path: path)
        }
        let components = document.components.enumerated().map { position, component in
            ComponentSpec(
                name: component.name, kind: component.kind, params: component.params,
                path: "components[\(position)]")
        }
        let connections = document.connections.enumerated().map { position, connection in
            ConnectionSpec(
                from: connection.from, to: connection.to, path: "connections[\(position)]")
        }
        guard !document.name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw LayoutErrors.at(
                "name", text: text, path: path,
                message: "a layout needs a name, such as \"cache-lab\"")
        }
        let names = ["client"] + components.map(\.name)
        let screen = ScreenSpec(rows: document.screen?.rows ?? defaultRows(names))
        try checkScreen(screen, names: names, text: text, path: path)
        return Layout(
            name: document.name, title: document.title ?? document.name,
            description: document.description ?? "", seed: document.seed,
            architecture: ArchitectureSpec(
                workload: document.workload, components: components, connections: connections),
            screen: screen, sourcePath: path, sourceText: text)
    }

    /// Builds a simulation from the layout, so every component parameter is checked by the
    /// kind that reads it; a bad one is reported at its place in the layout's text.
    public static func check(_ layout: Layout, seed: UInt64) throws(LayoutError) {
        do {
            _ = try Simulation(spec: layout.architecture, seed: seed)
        } catch {
            throw LayoutErrors.located(error, in: layout)
        }
    }

    /// Without a `screen`, the panels go four to a row in the order of the components.
    static func defaultRows(_ names: [String]) -> [[String]] {
        stride(from: 0, to: names.count, by: 4).map {
            Array(names[$0..<min($0 + 4, names.count)])
        }
    }

    private static func checkScreen(
        _ screen: ScreenSpec, names: [String], text: String,
        path: String
    ) throws(LayoutError) {
        var shown: [String] = []
        for (rowNumber, row) in screen.rows.enumerated() {
            let rowPath = "screen.rows[\(rowNumber)]"
            guard !row.isEmpty else {
                throw LayoutErrors.at(
                    rowPath, text: text, path: path,
                    message: "a row needs at least one component")
            }
            for (column, name) in row.enumerated() {
                let message: String
                if !names.contains(name) {
                    message = "no component is named '\(name)'"
                } else if shown.contains(name) {
                    message = "'\(name)' is already shown"
                } else {
                    shown.append(name)
                    continue
                }
                throw LayoutErrors.at(
                    "\(rowPath)[\(column)]", text: text, path: path, message: message)
            }
        }
    }

    private static func readText(path: String) throws(LayoutError) -> String {
        func failure(_ message: String) -> LayoutError {
            LayoutError(file: path, line: 1, column: 1, field: "file", message: message)
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let size = attributes?[.size] as? NSNumber else {
            throw failure("cannot read the file (missing or not readable)")
        }
        guard size.intValue <= sizeLimitBytes else {
            throw failure("the file is larger than \(sizeLimitBytes) bytes")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw failure("cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let position = LayoutErrors.firstInvalidUTF8(data)
            throw LayoutError(
                file: path, line: position.line, column: position.column, field: "file",
                message: "the file is not valid UTF-8 here")
        }
        return text
    }
}
