import CursesTerminal
import Dashboard
import Foundation
import Session
import SimKernel
import TerminalUI

/// The interactive program: start-up checks, then the run loop, then a clean exit.
enum Interactive {
    static func run(_ options: InteractiveOptions) -> Int32 {
        let layout: Layout
        let log: SessionLogWriter?
        let session: LiveSession
        let seed: UInt64
        do {
            layout = try Paths.loadLayout(options.layoutPath)
            seed = options.seed ?? layout.seed ?? 1
            try LayoutLoader.check(layout, seed: seed)
            do {
                try CursesTerminal.checkAvailable()
            } catch {
                FileStream.standardError.write("blueprint: \(error)\n")
                return 1
            }
            let path =
                options.recording
                ? options.recordPath ?? Paths.newSessionLog(layout: layout.name, seed: seed) : nil
            log = try path.map { path throws(SessionLogError) in
                try SessionLogWriter(path: path, program: Version.program)
            }
            session = try LiveSession(layout: layout, seed: seed, log: log)
        } catch {
            FileStream.standardError.write("\(error)\n")
            return 2
        }
        let driver = Driver(
            session: session, recording: log?.path, speed: options.speed, replay: nil)
        let status = driver.run()
        if let path = log?.path { print("session log: \(path)") }
        return status
    }

    static func replay(path: String) -> Int32 {
        let session: LiveSession
        let feed: ReplayFeed
        do {
            let log = try SessionLogReader.read(path: path)
            if log.tornTail {
                FileStream.standardError.write(
                    "\(path): the last line was cut short; replaying up to the last whole line\n")
            }
            session = try Replayer.session(for: log)
            feed = ReplayFeed(records: log.records)
        } catch {
            FileStream.standardError.write("\(error)\n")
            return 2
        }
        let driver = Driver(session: session, recording: nil, speed: 1, replay: feed)
        return driver.run()
    }
}
