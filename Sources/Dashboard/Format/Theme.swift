import Architecture
import TerminalUI

/// The styles and glyphs of the dashboard for one terminal.
///
/// Everything that carries meaning has a shape as well as a colour: health has a letter
/// and a symbol, the selected panel a double border, the selected node a marker and
/// reverse video. Without colour (`NO_COLOR`) the shapes remain and the colours go.
public struct Theme: Sendable {
    public let capabilities: Capabilities

    public init(capabilities: Capabilities) {
        self.capabilities = capabilities
    }

    var unicode: Bool { capabilities.unicode }

    /// A style with `color` as its foreground when colour is allowed.
    func colored(_ color: Color, _ base: Style = .plain) -> Style {
        capabilities.color ? base.with(foreground: color) : base
    }

    /// The symbol that goes with a health letter.
    public func symbol(for health: Health) -> Character {
        switch health {
        case .up: return unicode ? "●" : "+"
        case .slow: return unicode ? "◐" : "~"
        case .flaky: return unicode ? "◆" : "!"
        case .partitioned: return unicode ? "○" : "/"
        case .down: return unicode ? "×" : "x"
        case .degraded: return unicode ? "◑" : "%"
        }
    }

    /// The letter and symbol of a health, such as `D×`: two columns, readable in mono.
    public func mark(for health: Health) -> String {
        String(health.letter) + String(symbol(for: health))
    }

    /// The colour of a health (none without colour): red for down, yellow for slow.
    public func style(for health: Health) -> Style {
        switch health {
        case .up: return colored(.green)
        case .slow: return colored(.yellow, .bold)
        case .flaky: return colored(.magenta, .bold)
        case .partitioned: return colored(.cyan, .bold)
        case .down: return colored(.red, .bold)
        case .degraded: return colored(.yellow, .bold)
        }
    }

    var border: Style { .plain }
    var selectedBorder: Style { colored(.cyan, .bold) }
    var title: Style { .bold }
    var label: Style { .dim }
    var value: Style { .plain }
    var error: Style { colored(.red, .bold) }
    var warning: Style { colored(.yellow, .bold) }
    var good: Style { colored(.green) }
    var bar: Style { colored(.blue) }
    var selectedRow: Style { .reverse }
    var statusBar: Style { .reverse }
    var key: Style { .bold }
    var spark: Style { colored(.cyan) }

    /// The marker in front of the selected panel's title and the selected node.
    var pointer: String { unicode ? "▶" : ">" }
    /// The separator between the parts of a title or a row of figures.
    var dot: String { unicode ? "·" : "-" }
    var rule: Character { unicode ? "─" : "-" }

    /// A style that turns a rate red when it is not zero: errors must catch the eye.
    func alarm(_ value: Double) -> Style {
        value > 0 ? error : value.isFinite ? .plain : .dim
    }

    /// A style for a utilisation: calm, busy or saturated.
    func load(_ utilisation: Double) -> Style {
        if utilisation >= 0.95 { return error }
        if utilisation >= 0.8 { return warning }
        return bar
    }
}
