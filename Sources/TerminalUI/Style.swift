/// The eight basic terminal colours, plus the terminal's own default.
public enum Color: UInt8, Sendable, Equatable, CaseIterable {
    case standard, black, red, green, yellow, blue, magenta, cyan, white
}

/// How a cell is drawn: colours and attributes, never escape codes.
public struct Style: Sendable, Equatable, Hashable {
    public var foreground: Color
    public var background: Color
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(
        foreground: Color = .standard, background: Color = .standard, bold: Bool = false,
        dim: Bool = false, reverse: Bool = false, underline: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let dim = Style(dim: true)
    public static let reverse = Style(reverse: true)

    public func with(foreground: Color) -> Style {
        var copy = self
        copy.foreground = foreground
        return copy
    }
}

/// What the terminal can show; views pick glyphs and colours from it.
public struct Capabilities: Sendable, Equatable {
    /// Unicode box drawing and block elements are safe to print.
    public var unicode: Bool
    /// Colour may be used (false under `NO_COLOR` or on a monochrome terminal).
    public var color: Bool

    public init(unicode: Bool, color: Bool) {
        self.unicode = unicode
        self.color = color
    }

    public static let full = Capabilities(unicode: true, color: true)
    public static let plain = Capabilities(unicode: false, color: false)
}
