extension Style {
    /// The same style in bold, or not.
    public func with(bold: Bool) -> Style {
        var copy = self
        copy.bold = bold
        return copy
    }

    /// The same style in reverse video, or not.
    public func with(reverse: Bool) -> Style {
        var copy = self
        copy.reverse = reverse
        return copy
    }
}
