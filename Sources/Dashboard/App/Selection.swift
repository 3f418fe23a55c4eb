/// A direction of an arrow key.
enum Direction: Equatable {
    case left, right, up, down
}

extension AppState {
    /// Panel indices row by row as they appear on screen, so arrows move to what is seen:
    /// the layout's rows in the grid, the list's rows in the compact form.
    var navigationRows: [[Int]] {
        let count = panelNames.count
        if ScreenLayout(state: self).mode == .compact {
            let list = CompactList(count: count, width: width)
            return (0..<list.rowsPerColumn).map { row in
                (0..<list.columns).compactMap { list.index(row: row, column: $0, count: count) }
            }
        }
        var first = 0
        return panelRows.map { row in
            defer { first += row.count }
            return Array(first..<(first + row.count))
        }
    }

    /// Moves the selection one panel in a direction; stays put at an edge.
    ///
    /// In the compact list the right column may be a row shorter; Right from below its end
    /// goes to its last row, the nearest one, rather than nowhere.
    mutating func move(_ direction: Direction) {
        let rows = navigationRows
        guard let rowIndex = rows.firstIndex(where: { $0.contains(selectedPanel) }),
            let column = rows[rowIndex].firstIndex(of: selectedPanel)
        else { return selectPanel(0) }
        let row = rows[rowIndex]
        switch direction {
        case .left where column > 0: selectPanel(row[column - 1])
        case .right where column + 1 < row.count: selectPanel(row[column + 1])
        case .right where ScreenLayout(state: self).mode == .compact:
            let shorter = rows[..<rowIndex].last { $0.count > column + 1 }
            if let shorter { selectPanel(shorter[column + 1]) }
        case .up where rowIndex > 0:
            selectPanel(nearest(in: rows[rowIndex - 1], to: column, of: row.count))
        case .down where rowIndex + 1 < rows.count:
            selectPanel(nearest(in: rows[rowIndex + 1], to: column, of: row.count))
        default: break
        }
    }

    /// The panel of `target` whose centre is closest to column `column` of `count`.
    private func nearest(in target: [Int], to column: Int, of count: Int) -> Int {
        let centre = (Double(column) + 0.5) / Double(count)
        var best = 0
        var bestDistance = Double.infinity
        for index in target.indices {
            let distance = abs((Double(index) + 0.5) / Double(target.count) - centre)
            if distance < bestDistance {
                best = index
                bestDistance = distance
            }
        }
        return target[best]
    }

    /// Selects a panel by index; a new panel starts with the whole component selected.
    mutating func selectPanel(_ index: Int) {
        let count = panelNames.count
        guard count > 0, index >= 0, index < count else { return }
        if index != selectedPanel { selectedNode = nil }
        selectedPanel = index
    }

    /// Selects the next (or previous) panel in reading order, wrapping around.
    mutating func stepPanel(by delta: Int) {
        let count = panelNames.count
        guard count > 0 else { return }
        selectPanel(((selectedPanel + delta) % count + count) % count)
    }

    /// Steps through the selected panel's nodes; past either end is the whole component.
    mutating func stepNode(by delta: Int) {
        let names = selectedComponent?.nodes.map(\.name) ?? []
        guard !names.isEmpty else {
            note = Note(.info, "\(target ?? "this panel") has no nodes to select")
            return
        }
        let current = selectedNode.flatMap { names.firstIndex(of: $0) } ?? names.count
        let slots = names.count + 1
        let next = ((current + delta) % slots + slots) % slots
        selectedNode = next == names.count ? nil : names[next]
    }

    /// Keeps the selection valid after the panels or nodes changed.
    mutating func revalidateSelection() {
        let count = panelNames.count
        if selectedPanel >= count { selectedPanel = max(0, count - 1) }
        if let selectedNode, let component = selectedComponent,
            !component.nodes.contains(where: { $0.name == selectedNode })
        {
            self.selectedNode = nil
        }
    }
}
