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
        let commands: [(at: SimTime, text: String)]
        let scenario: Scenario?
        do {
            layout = try LayoutLoader.load(path: Paths.layout(options.layoutPath))
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
        if let refusal = dryRun(layout: layout, seed: seed, commands: commands, scenario: scenario)
        {
            FileStream.standardError.write(refusal + "\n")
            return 2
        }
        let run = HeadlessRun(
            layout: layout, seed: seed, duration: options.duration,
            commands: commands, scenario: scenario, logPath: options.recordPath)
        do {
            let result = try run.run()
            print(result.summaryTable())
            if let path = options.recordPath { print("session log: \(path)") }
            return result.refusals.isEmpty ? 0 : 2
        } catch {
            FileStream.standardError.write("\(error)\n")
            return 2
        }
    }

    /// Applies every command once to a fresh simulation, in order and without running it,
    /// so a misspelt name or setting is refused before a long run rather than after it.
    /// Returns the first refusal, saying where the command came from.
    static func dryRun(
        layout: Layout, seed: UInt64, commands: [(at: SimTime, text: String)],
        scenario: Scenario?
    ) -> String? {
        guard let session = try? LiveSession(layout: layout, seed: seed, log: nil) else {
            return nil
        }
        var sources = commands.enumerated().map { position, command in
            (command.at, command.text, "--commands: command \(position + 1) at")
        }
        if let scenario {
            sources += scenario.steps.map { step in
                let place = step.line.map { "\(scenario.path):\($0): command at" }
                return (step.at, step.text, place ?? "\(scenario.path): step at")
            }
        }
        let ordered = sources.enumerated().sorted {
            ($0.element.0, $0.offset) < ($1.element.0, $1.offset)
        }
        for (at, text, source) in ordered.map(\.element) {
            if case .refused(let message) = session.submit(text) {
                return "\(source) \(formatDuration(at)) '\(text)': \(message)"
            }
        }
        return nil
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
