import TerminalUI

/// Draws into a fresh buffer and returns its text, as the tests compare it.
func rendered(width: Int, height: Int, _ draw: (inout CellBuffer) -> Void) -> String {
    var buffer = CellBuffer(width: width, height: height)
    draw(&buffer)
    return buffer.text()
}

/// The sizes every widget is tried at: empty, a single cell, slivers and odd sizes.
let awkwardSizes: [(width: Int, height: Int)] = [
    (0, 0), (1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (3, 3), (4, 1), (5, 2), (7, 3),
    (13, 5), (40, 12),
]
