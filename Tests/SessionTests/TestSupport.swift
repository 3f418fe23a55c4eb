import Architecture
import Foundation
import XCTest

@testable import Session

struct FixtureError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Shared fixtures: small layouts, the blueprint layout, scratch directories.
enum Fixture {
    /// The repository's `layouts/` folder, found from this file's place in the tree.
    static var layoutsDirectory: String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("layouts").path
    }

    static var blueprintPath: String { layoutsDirectory + "/blueprint.json5" }

    /// The smallest runnable architecture: the clients calling one backend.
    static let backendLayoutText = """
        {
          name: "tiny",
          seed: 7,
          workload: { rate: 800 },
          components: [
            { name: "backend", kind: "backend", params: { speeds: [1, 0.5], workers: 4 } },
          ],
          connections: [ { from: "client", to: "backend" } ],
        }
        """

    /// Fails the test when the engine does not offer a kind it needs.
    static func requireKind(_ name: String) throws {
        if ComponentCatalog.kind(named: name) == nil {
            throw FixtureError(message: "the engine has no '\(name)' kind")
        }
    }

    static func backendLayout() throws -> Layout {
        try requireKind("backend")
        return try LayoutLoader.parse(text: backendLayoutText, path: "tiny.json5")
    }

    /// The blueprint layout, when it exists and every kind it names is in the engine.
    static func blueprint() throws -> Layout {
        guard FileManager.default.fileExists(atPath: blueprintPath) else {
            throw FixtureError(message: "layouts/blueprint.json5 is missing")
        }
        let layout = try LayoutLoader.load(path: blueprintPath)
        for component in layout.architecture.components {
            try requireKind(component.kind)
        }
        return layout
    }

    /// A fresh, empty directory for one test's files.
    static func scratchDirectory(_ name: String) throws -> String {
        let path =
            NSTemporaryDirectory() + "blueprint-session-tests-"
            + "\(ProcessInfo.processInfo.processIdentifier)/\(name)"
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(
            atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The error a throwing call threw, or a test failure when it did not throw.
    static func error<Failure: Error, Value>(
        _ body: () throws(Failure) -> Value, file: StaticString = #filePath, line: UInt = #line
    ) -> Failure? {
        do {
            _ = try body()
            XCTFail("expected an error", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }
}
