import Dashboard
import Foundation
import Session
import SimKernel
import TerminalUI

extension EngineModels {
    /// Runs a layout as the interactive run loop does when the engine cannot keep up:
    /// engine slices that fill all but the drawing allowance of a stretched frame, then a
    /// snapshot, a dashboard update and a full render into a 160×50 cell buffer. Only the
    /// copy to a real terminal is missing, which takes well under a millisecond a frame.
    static func layoutWithDashboard(
        _ layout: Layout, rate: Double, duration: SimTime, seed: UInt64
    ) throws -> (outcome: Outcome, frames: Int) {
        let session = try LiveSession(layout: layout, seed: seed, log: nil)
        _ = session.submit("load rate \(Int(rate))")
        var state = AppState(
            config: DashboardConfig(
                title: layout.title, rows: layout.screen.rows, capabilities: .full, seed: seed,
                recordingPath: nil))
        _ = Dashboard.update(&state, .resize(width: 160, height: 50))
        let clock = ContinuousClock()
        let budget = Duration.milliseconds(Driver.behindFrameMillis) - Driver.drawingAllowance
        var frames = 0
        while session.now < duration {
            let frameStart = clock.now
            var reached = false
            while !reached && clock.now - frameStart < budget {
                reached = session.advance(to: duration, eventBudget: Driver.eventsPerSlice)
            }
            let status = RunStatus(
                simTime: session.now, speed: 100_000, effectiveSpeed: 0, paused: false,
                recording: nil)
            _ = Dashboard.update(&state, .frame(session.simulation.snapshot(), status))
            var buffer = CellBuffer(width: 160, height: 50)
            Dashboard.render(state, into: &buffer)
            frames += 1
        }
        return (outcome(session.simulation, client: "client"), frames)
    }
}

extension Bench {
    /// The default layout with the dashboard drawing, against the same run headless.
    static func blueprintWithDashboard(scale: Double) throws -> BenchResult {
        let layout = try Paths.loadLayout(nil)
        // Five simulated minutes: a few seconds of wall time, some forty frames.
        let duration = SimTime(Double(300 * Micros.perSecond) * scale)
        let rate = 10_000.0
        let (headless, headlessSeconds) = try timed {
            try EngineModels.layout(layout, rate: rate, duration: duration, seed: 42)
        }
        let (drawn, seconds) = try timed {
            try EngineModels.layoutWithDashboard(layout, rate: rate, duration: duration, seed: 42)
        }
        let ratio =
            (Double(drawn.outcome.requests) / seconds)
            / (Double(headless.requests) / headlessSeconds)
        return BenchResult(
            seconds: seconds, events: drawn.outcome.events, units: drawn.outcome.requests,
            unit: "requests",
            notes: [
                ("frames", "\(drawn.frames)"),
                ("headless_seconds", formatFixed(headlessSeconds, decimals: 4)),
                ("ratio_to_headless", formatFixed(ratio, decimals: 3)),
            ])
    }
}
