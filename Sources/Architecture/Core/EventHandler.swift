import SimKernel

/// What every component is underneath: something the simulation hands events to.
///
/// A class as well as the `ComponentModel` protocol so that the simulation can dispatch
/// through an unretained reference (`Unmanaged`): a component read out of an array as an
/// existential costs a retain and a release around every event it handles, which was a
/// tenth of the engine's time.
public class EventHandler {
    init() {}

    /// Handles one event addressed to this component; every component overrides it.
    public func handle(_ event: Event, in simulation: Simulation) {
        preconditionFailure("\(type(of: self)) handles no events")
    }
}
