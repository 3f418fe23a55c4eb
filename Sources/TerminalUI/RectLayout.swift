extension Rect {
    /// Splits the rectangle into `count` rows of equal height; the first rows take one
    /// extra line each when the height does not divide evenly.
    public func rows(_ count: Int) -> [Rect] {
        guard count > 0 else { return [] }
        return shares(of: height, count: count).map { share in
            Rect(x: x, y: y + share.offset, width: width, height: share.size)
        }
    }

    /// Splits the rectangle into `count` columns of equal width, the same way.
    public func columns(_ count: Int) -> [Rect] {
        guard count > 0 else { return [] }
        return shares(of: width, count: count).map { share in
            Rect(x: x + share.offset, y: y, width: share.size, height: height)
        }
    }

    /// The top `lines` rows of the rectangle (at most all of it).
    public func top(_ lines: Int) -> Rect {
        Rect(x: x, y: y, width: width, height: min(height, max(0, lines)))
    }

    /// The bottom `lines` rows of the rectangle (at most all of it).
    public func bottom(_ lines: Int) -> Rect {
        let taken = min(height, max(0, lines))
        return Rect(x: x, y: maxY - taken, width: width, height: taken)
    }

    /// What is left after removing the top `lines` rows.
    public func droppingTop(_ lines: Int) -> Rect {
        let taken = min(height, max(0, lines))
        return Rect(x: x, y: y + taken, width: width, height: height - taken)
    }

    /// What is left after removing the bottom `lines` rows.
    public func droppingBottom(_ lines: Int) -> Rect {
        let taken = min(height, max(0, lines))
        return Rect(x: x, y: y, width: width, height: height - taken)
    }

    /// A rectangle of at most the given size, centred in this one.
    public func centered(width wanted: Int, height wantedHeight: Int) -> Rect {
        let usedWidth = min(width, max(0, wanted))
        let usedHeight = min(height, max(0, wantedHeight))
        return Rect(
            x: x + (width - usedWidth) / 2, y: y + (height - usedHeight) / 2,
            width: usedWidth, height: usedHeight)
    }

    /// The rectangle narrowed by `margin` columns on the left and right.
    public func inset(horizontally margin: Int) -> Rect {
        Rect(x: x + margin, y: y, width: width - 2 * margin, height: height)
    }

    /// What is left after removing the leftmost `columns` columns.
    public func droppingLeft(_ columns: Int) -> Rect {
        let taken = min(width, max(0, columns))
        return Rect(x: x + taken, y: y, width: width - taken, height: height)
    }

    /// What is left after removing the rightmost `columns` columns.
    public func droppingRight(_ columns: Int) -> Rect {
        Rect(x: x, y: y, width: width - min(width, max(0, columns)), height: height)
    }

    /// One row of the rectangle, `offset` rows from the top (empty outside it).
    public func row(_ offset: Int) -> Rect {
        guard offset >= 0, offset < height else { return Rect(x: x, y: y, width: 0, height: 0) }
        return Rect(x: x, y: y + offset, width: width, height: 1)
    }
}

private func shares(of total: Int, count: Int) -> [(offset: Int, size: Int)] {
    let base = total / count
    let extra = total % count
    var offset = 0
    var result: [(offset: Int, size: Int)] = []
    for index in 0..<count {
        let size = base + (index < extra ? 1 : 0)
        result.append((offset, size))
        offset += size
    }
    return result
}
