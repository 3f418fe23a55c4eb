import Architecture
import Dashboard
import TerminalUI

/// Sends keys to the dashboard and collects what it asks for, like the run loop does.
extension AppState {
    @discardableResult
    mutating func press(_ keys: Key...) -> [AppEffect] {
        keys.flatMap { Dashboard.update(&self, .key($0)) }
    }

    /// Types text one character at a time.
    @discardableResult
    mutating func type(_ text: String) -> [AppEffect] {
        text.flatMap { Dashboard.update(&self, .key(.character($0))) }
    }

    mutating func send(_ message: AppMessage) {
        _ = Dashboard.update(&self, message)
    }

    /// Selects the panel of a component by its name.
    mutating func selectPanel(named name: String) {
        guard let index = panelNames.firstIndex(of: name) else { return }
        press(.character(Character(String(index + 1))))
    }

    /// The screen at the state's own size.
    var screen: String {
        SyntheticSimulation.render(self, width: width, height: height)
    }
}
