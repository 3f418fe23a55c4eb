import CNcursesw
import TerminalUI

/// Curses colour pairs, made on first use because some terminals (tmux's "screen") offer
/// only 64 pairs, fewer than the 81 foreground and background combinations.
struct ColorPairs {
    private static let colorCount = Color.allCases.count

    /// Whether colours are drawn at all; attributes work either way.
    let isEnabled: Bool
    private let pairCountMax: Int
    private let defaultColors: Bool
    /// The pair number given to each (foreground, background) combination; 0 = none yet.
    private var pairByCombination: [Int16]
    private var nextPair = 1

    static let disabled = ColorPairs(isEnabled: false, pairCountMax: 0, defaultColors: false)

    init(pairCountMax: Int, defaultColors: Bool) {
        self.init(isEnabled: true, pairCountMax: pairCountMax, defaultColors: defaultColors)
    }

    private init(isEnabled: Bool, pairCountMax: Int, defaultColors: Bool) {
        self.isEnabled = isEnabled
        // Pair numbers must fit the Int16 that setcchar takes.
        self.pairCountMax = min(max(0, pairCountMax), Int(Int16.max))
        self.defaultColors = defaultColors
        pairByCombination = [Int16](repeating: 0, count: Self.colorCount * Self.colorCount)
    }

    /// The pair to draw a style's colours with, made now if it is new; pair 0 (the
    /// terminal's own colours) when colours are off or the terminal has no pairs left.
    mutating func pair(foreground: Color, background: Color) -> Int16 {
        guard isEnabled, foreground != .standard || background != .standard else { return 0 }
        let index = Int(foreground.rawValue) * Self.colorCount + Int(background.rawValue)
        if pairByCombination[index] != 0 { return pairByCombination[index] }

        guard nextPair < pairCountMax else {
            // Out of pairs: keep the foreground, which carries most of the meaning.
            guard background != .standard else { return 0 }
            return pair(foreground: foreground, background: .standard)
        }
        let pairNumber = Int16(nextPair)
        guard
            init_pair(
                pairNumber, curses(foreground, isForeground: true),
                curses(background, isForeground: false)) == OK
        else { return 0 }
        nextPair += 1
        pairByCombination[index] = pairNumber
        return pairNumber
    }

    /// The curses colour number; -1 is the terminal's default when it allows that.
    private func curses(_ color: Color, isForeground: Bool) -> Int16 {
        switch color {
        case .standard:
            if defaultColors { return -1 }
            return Int16(isForeground ? COLOR_WHITE : COLOR_BLACK)
        case .black: return Int16(COLOR_BLACK)
        case .red: return Int16(COLOR_RED)
        case .green: return Int16(COLOR_GREEN)
        case .yellow: return Int16(COLOR_YELLOW)
        case .blue: return Int16(COLOR_BLUE)
        case .magenta: return Int16(COLOR_MAGENTA)
        case .cyan: return Int16(COLOR_CYAN)
        case .white: return Int16(COLOR_WHITE)
        }
    }
}
