import Foundation
import XCTest

/// Compares a rendered screen with the text stored under `Snapshots/`.
///
/// `BLUEPRINT_RECORD_SNAPSHOTS=1 swift test` writes the screens instead of comparing
/// them; review every re-recorded file before committing it. A mismatch fails with a
/// line diff, so the changed rows can be read straight from the test log.
enum ScreenSnapshot {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots")

    static var isRecording: Bool {
        ProcessInfo.processInfo.environment["BLUEPRINT_RECORD_SNAPSHOTS"] == "1"
    }

    /// The most differing lines a failure lists.
    static let diffLinesMax = 40

    static func assertMatches(
        _ actual: String, named name: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let url = directory.appendingPathComponent(name + ".txt")
        if isRecording {
            do {
                try FileManager.default.createDirectory(
                    at: directory, withIntermediateDirectories: true)
                try (actual + "\n").write(to: url, atomically: true, encoding: .utf8)
            } catch {
                XCTFail("could not record \(url.path): \(error)", file: file, line: line)
            }
            return
        }
        guard let stored = try? String(contentsOf: url, encoding: .utf8) else {
            XCTFail(
                "no snapshot \(url.path); record it with BLUEPRINT_RECORD_SNAPSHOTS=1",
                file: file, line: line)
            return
        }
        let expected = stored.hasSuffix("\n") ? String(stored.dropLast()) : stored
        guard expected != actual else { return }
        XCTFail("screen \(name) differs:\n" + diff(expected, actual), file: file, line: line)
    }

    /// The rows that differ, each as `-` (stored) and `+` (rendered) with its row number.
    static func diff(_ expected: String, _ actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var report: [String] = []
        var differing = 0
        for row in 0..<max(old.count, new.count) {
            let before = row < old.count ? String(old[row]) : "<no row>"
            let after = row < new.count ? String(new[row]) : "<no row>"
            guard before != after else { continue }
            differing += 1
            if differing <= diffLinesMax {
                report.append("row \(row):\n- \(before)\n+ \(after)")
            }
        }
        if differing > diffLinesMax { report.append("... and \(differing - diffLinesMax) more") }
        return report.joined(separator: "\n")
    }
}
