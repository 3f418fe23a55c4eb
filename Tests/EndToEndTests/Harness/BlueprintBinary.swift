import Foundation
import XCTest

/// Finds the `blueprint` executable the end-to-end tests drive.
///
/// `swift test` builds every product beside the test runner, so the binary is looked for
/// next to it; `BLUEPRINT_BIN` overrides that, for a release build or an installed copy.
enum BlueprintBinary {
    static let name = "blueprint"
    static let overrideVariable = "BLUEPRINT_BIN"

    /// The package's root folder, so the program finds `layouts/` the way a user would.
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath)  // <root>/Tests/EndToEndTests/Harness/this file
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The binary to run; skips the test when none has been built.
    static func locate() throws -> URL {
        if let path = ProcessInfo.processInfo.environment[overrideVariable], !path.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw HarnessError(description: "\(overrideVariable)=\(path) is not executable")
            }
            return URL(fileURLWithPath: path)
        }
        let directories = candidateDirectories()
        for directory in directories {
            let candidate = directory.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        let searched = directories.map(\.path).joined(separator: ", ")
        throw XCTSkip(
            "no built \(name) in \(searched); run `swift build` or set \(overrideVariable)")
    }

    /// Where the build products are: beside the test runner (Linux runs the .xctest file
    /// itself) or beside the .xctest bundle (macOS), without duplicates.
    static func candidateDirectories() -> [URL] {
        var directories: [URL] = []
        if let runner = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        {
            directories.append(URL(fileURLWithPath: runner).deletingLastPathComponent())
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            directories.append(bundle.bundleURL.deletingLastPathComponent())
        }
        directories.append(Bundle.main.bundleURL)
        var seen: Set<String> = []
        return directories.filter { seen.insert($0.standardizedFileURL.path).inserted }
    }
}
