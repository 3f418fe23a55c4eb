/// A key press or terminal happening, as the dashboard sees it, independent of curses.
public enum Key: Sendable, Equatable, Hashable {
    case character(Character)
    /// A control chord, such as Ctrl-L; the letter is lowercase.
    case control(Character)
    case up, down, left, right
    case tab, backTab, enter, escape, backspace, delete
    case home, end, pageUp, pageDown
    case function(Int)
    /// The terminal changed size; the new size comes with the next frame.
    case resize
}
