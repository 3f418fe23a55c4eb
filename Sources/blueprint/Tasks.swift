import Foundation
import Session
import SimKernel

enum Version {
    static let program = "blueprint 0.1.0"
}

/// The jobs that need no terminal: checking a layout, a headless run, a headless replay.
enum Tasks {
    static func check(path: String) -> Int32 {
        do {
            let layout = try LayoutLoader.load(path: path)
            try LayoutLoader.check(layout, seed: layout.seed ?? 1)
            let count = layout.architecture.components.count
            print("\(path): ok (\(layout.name): \(count) components)")
            return 0
        } catch {
            FileStream.standardError.write("\(error)\n")
            return 2
        }
    }

    static func headless(_ options: HeadlessOptions) -> Int32 {
        let layout: Layout
        let commands: [TimedCommand]
        let scenario: Scenario?
        do {
            layout = try Paths.loadLayout(options.layoutPath)
            commands =
                try options.commands.map { text throws(LayoutError) in
                    try CommandList.parse(text)
                } ?? []
            scenario = try options.scriptPath.map { path throws(LayoutError) in
                try Scenario.load(path: path)
            }
        } catch {
            FileStream.standardError.write("\(error)\n")
            return 2
        }
        let seed = options.seed ?? layout.seed ?? 1
        let run = HeadlessRun(
            layout: layout, seed: seed, duration: options.duration,
            commands: commands, scenario: scenario, logPath: options.recordPath)
        do {
            if let refusal = try run.firstRefusal() {
                FileStream.standardError.write(refusal + "\n")
                return 2
            }
            let result = try run.run()
            print(result.summaryTable())
            if let path = options.recordPath { print("session log: \(path)") }
            return result.refusals.isEmpty ? 0 : 2
        } catch {
            FileStream.standardError.write("\(error)\n")
            return 2
        }
    }

    static func replayHeadless(path: String) -> Int32 {
        do {
            let report = try Replayer.replayHeadless(path: path)
            print(report.description)
            return report.matched ? 0 : 1
        } catch {
            FileStream.standardError.write("\(error)\n")
            return 2
        }
    }
}

/// Unbuffered writes to a standard stream, for messages that must not wait for a flush.
struct FileStream {
    let descriptor: Int32
    static let standardError = FileStream(descriptor: 2)

    func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes {
                Foundation.write(descriptor, $0.baseAddress! + offset, $0.count - offset)
            }
            if written <= 0 { return }
            offset += written
        }
        bytes.removeAll()
    }
}
