import CursesTerminal
import Dashboard
import Foundation
import Session
import SimKernel
import TerminalUI

/// The run loop: input with a timeout of at most one frame, commands through the session,
/// the engine advanced by wall time × speed within a time budget per frame, and a render
/// only when something changed.
final class Driver {
    private let session: LiveSession
    private let recording: String?
    private var replay: ReplayFeed?
    private var pacer: Pacer
    private var state: AppState
    private let clock = ContinuousClock()
    private var lastTick: ContinuousClock.Instant
    private var needsRender = true
    private var replayReported = false
    /// The current frame length: longer while the engine is behind.
    private var frameMillis = Driver.frameMillis

    /// Frames are 50 ms apart while the engine keeps up. When it cannot, frames stretch to
    /// 100 ms and the engine takes all but the few milliseconds that input and drawing need,
    /// so the dashboard costs the simulation little. A paused dashboard sleeps in input.
    static let frameMillis = 50
    static let behindFrameMillis = 100
    static let pausedWaitMillis = 250
    static let drawingAllowance = Duration.milliseconds(6)
    static let eventsPerSlice = 20_000

    init(session: LiveSession, recording: String?, speed: Double, replay: ReplayFeed?) {
        self.session = session
        self.recording = recording
        self.replay = replay
        pacer = Pacer(speed: speed)
        state = AppState(
            config: DashboardConfig(
                title: session.layout.title, rows: session.layout.screen.rows,
                capabilities: .plain, seed: session.seed, recordingPath: recording,
                isReplay: replay != nil))
        lastTick = clock.now
    }

    /// Runs until quit, a signal or a lost terminal; always gives the terminal back.
    func run() -> Int32 {
        let savedError = StandardError.redirect(to: Paths.diagnosticsFile)
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal.start()
        } catch {
            StandardError.restore(savedError)
            FileStream.standardError.write("blueprint: \(error)\n")
            try? session.finish(reason: "no terminal")
            return 1
        }
        var config = state.config
        config.capabilities = terminal.capabilities
        state = AppState(config: config)
        _ = Dashboard.update(&state, .vocabulary(session.completionVocabulary))
        let (width, height) = terminal.size
        _ = Dashboard.update(&state, .resize(width: width, height: height))
        let ending = loop(terminal)
        try? session.finish(reason: ending.reason)
        terminal.stop()
        StandardError.restore(savedError)
        if let problem = session.logError {
            FileStream.standardError.write("blueprint: the session log stopped: \(problem)\n")
        }
        return ending.status
    }

    private struct Ending {
        var reason: String
        var status: Int32
    }

    private func loop(_ terminal: CursesTerminal) -> Ending {
        var frameStart = clock.now
        while true {
            if let signal = CursesTerminal.pendingSignal() {
                return Ending(reason: "signal \(signal)", status: 128 + signal)
            }
            switch terminal.nextInput(timeoutMillis: inputWait(since: frameStart)) {
            case .closed: return Ending(reason: "terminal lost", status: 1)
            case .timeout: break
            case .key(let key):
                if key == .resize {
                    let (width, height) = terminal.size
                    _ = Dashboard.update(&state, .resize(width: width, height: height))
                }
                if perform(Dashboard.update(&state, .key(key))) {
                    return Ending(reason: "quit", status: 0)
                }
                needsRender = true
            }
            frameStart = clock.now
            advanceEngine()
            if needsRender { render(terminal) }
        }
    }

    /// Waits for input only for what is left of the frame, so a busy engine gets the time
    /// and an idle or paused one sleeps.
    private func inputWait(since frameStart: ContinuousClock.Instant) -> Int {
        if pacer.paused { return Driver.pausedWaitMillis }
        let spent = clock.now - frameStart
        let left = Duration.milliseconds(frameMillis) - spent
        return max(
            0,
            Int(
                left.components.seconds * 1_000 + left.components.attoseconds
                    / 1_000_000_000_000_000))
    }

    /// Runs the effects of a key; returns true on quit.
    private func perform(_ effects: [AppEffect]) -> Bool {
        for effect in effects {
            switch effect {
            case .quit: return true
            case .submit(let text): submit(text)
            }
        }
        return false
    }

    private func submit(_ text: String) {
        if replay != nil, let refusal = replayRefusal(text) {
            _ = Dashboard.update(&state, .outcome(command: text, message: refusal, isError: true))
            return
        }
        switch session.submit(text) {
        case .refused(let message):
            _ = Dashboard.update(&state, .outcome(command: text, message: message, isError: true))
        case .applied(let command, let message):
            let shown = steer(command) ?? message
            _ = Dashboard.update(&state, .outcome(command: text, message: shown, isError: false))
            if case .engine = command {
                _ = Dashboard.update(&state, .vocabulary(session.completionVocabulary))
            }
        }
    }

    /// A replay plays the log's commands; only pacing may change while it runs.
    private func replayRefusal(_ text: String) -> String? {
        switch CommandParser.parse(text) {
        case .success(.resume) where replay?.isFinished == true:
            // Past its end the log says nothing: the figures would be no replay's.
            return "the replay has reached the end of its log; q quits"
        case .success(.speed), .success(.speedStep), .success(.pause), .success(.resume):
            return nil
        case .success: return "a replay plays the log's commands; this one would change it"
        case .failure(let error): return error.message
        }
    }

    /// Speed and pause belong to the driver, not the engine. Returns what a speed change
    /// did, which only the driver knows: the speed it set.
    @discardableResult
    private func steer(_ command: SessionCommand) -> String? {
        switch command {
        case .speed(let value):
            pacer.set(value)
        case .speedStep(let direction):
            let before = pacer.speed
            pacer.step(direction)
            if pacer.speed == before {
                let end = direction > 0 ? "fastest" : "slowest"
                return "speed \(MetricFormat.speed(pacer.speed)) is the \(end) step; "
                    + "type speed N for another"
            }
        case .pause: pacer.paused = true
        case .resume:
            pacer.paused = false
            lastTick = clock.now
            return nil
        case .engine, .mark: return nil
        }
        return command.isSpeed ? "speed " + MetricFormat.speed(pacer.speed) : nil
    }

    private func advanceEngine() {
        let tick = clock.now
        let wallSeconds = seconds(tick - lastTick)
        lastTick = tick
        guard !pacer.paused else { return }
        let start = session.now
        let target = pacer.target(from: start, wallSeconds: wallSeconds)
        let budget = Duration.milliseconds(frameMillis) - Driver.drawingAllowance
        var reached = false
        while !reached && clock.now - tick < budget {
            if replay != nil {
                reached = replay!.play(
                    into: session, until: target, eventBudget: Driver.eventsPerSlice)
            } else {
                reached = session.advance(to: target, eventBudget: Driver.eventsPerSlice)
            }
        }
        frameMillis = reached ? Driver.frameMillis : Driver.behindFrameMillis
        pacer.record(simMicros: session.now - start, wallSeconds: wallSeconds)
        needsRender = true
        followReplay()
        reportReplayEnd()
    }

    /// A replay shows each logged command as it plays and follows its speed changes.
    private func followReplay() {
        guard replay != nil else { return }
        for outcome in replay!.takeOutcomes() {
            guard case .applied(let command, let message) = outcome else { continue }
            let shown = command.isSpeed ? steer(command) ?? message : message
            _ = Dashboard.update(
                &state, .outcome(command: command.text, message: shown, isError: false))
        }
    }

    private func reportReplayEnd() {
        guard let feed = replay, feed.isFinished, !replayReported else { return }
        replayReported = true
        pacer.paused = true
        let message =
            feed.firstDivergence.map { "replay diverged: \($0)" }
            ?? "replay finished: \(feed.snapshotsChecked) snapshots matched"
        _ = Dashboard.update(
            &state,
            .outcome(command: "replay", message: message, isError: feed.firstDivergence != nil))
    }

    private func render(_ terminal: CursesTerminal) {
        needsRender = false
        let status = RunStatus(
            simTime: session.now, speed: pacer.speed, effectiveSpeed: pacer.effectiveSpeed,
            paused: pacer.paused, recording: recording)
        _ = Dashboard.update(&state, .frame(session.simulation.snapshot(), status))
        let (width, height) = terminal.size
        var buffer = CellBuffer(width: width, height: height)
        Dashboard.render(state, into: &buffer)
        terminal.draw(buffer, cursor: Dashboard.cursor(state))
    }

    private func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}

/// Sends stderr to a file while curses owns the screen, so a fatal error's message is kept
/// rather than painted over and lost; restores it afterwards.
enum StandardError {
    static func redirect(to path: String) -> Int32 {
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let saved = dup(2)
        let file = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        if file >= 0 {
            dup2(file, 2)
            close(file)
        }
        return saved
    }

    static func restore(_ saved: Int32) {
        guard saved >= 0 else { return }
        dup2(saved, 2)
        close(saved)
    }
}

extension SessionCommand {
    /// A change of pace: the driver applies it, the engine never sees it.
    fileprivate var isSpeed: Bool {
        switch self {
        case .speed, .speedStep: return true
        default: return false
        }
    }
}
