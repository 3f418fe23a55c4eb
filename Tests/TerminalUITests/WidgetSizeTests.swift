import XCTest

@testable import TerminalUI

/// Every widget at every awkward size, inside and hanging off the buffer: none may trap,
/// and none may draw outside the rectangle it was given.
final class WidgetSizeTests: XCTestCase {
    typealias Draw = (Rect, inout CellBuffer) -> Void

    let widgets: [(name: String, draw: Draw)] = [
        (
            "box",
            { rect, buffer in
                Box(title: TextLine("a long title"), glyphs: .double).draw(in: rect, into: &buffer)
            }
        ),
        (
            "sparkline",
            { rect, buffer in
                Sparkline(values: [1, 5, 2, 8, .nan, 0, 3])
                    .draw(in: rect, capabilities: .full, into: &buffer)
            }
        ),
        (
            "gauge",
            { rect, buffer in
                Gauge(ratio: 0.63).draw(in: rect, capabilities: .full, into: &buffer)
            }
        ),
        (
            "table",
            { rect, buffer in
                Table(
                    columns: [
                        TableColumn("name", width: 4, flexible: true),
                        TableColumn("n", width: 3, alignment: .right),
                        TableColumn("bar", width: 4),
                    ],
                    rows: [[.text("alpha"), .text("12"), .gauge(0.5, .plain)]],
                    selectedRow: 0
                ).draw(in: rect, capabilities: .plain, into: &buffer)
            }
        ),
        (
            "log list",
            { rect, buffer in
                LogList(plain: ["one", "two", "three wide 表"]).draw(in: rect, into: &buffer)
            }
        ),
        (
            "text line",
            { rect, buffer in
                TextLine("centred 表 text").draw(in: rect, alignment: .center, into: &buffer)
            }
        ),
    ]

    func testNoWidgetTrapsOrSpillsAtAwkwardSizes() {
        for widget in widgets {
            for size in awkwardSizes {
                for origin in [(0, 0), (1, 1), (-2, -1), (size.width, size.height)] {
                    var buffer = CellBuffer(width: size.width + 2, height: size.height + 2)
                    let rect = Rect(
                        x: origin.0, y: origin.1, width: size.width, height: size.height)
                    widget.draw(rect, &buffer)
                    assertNothingOutside(rect, buffer, "\(widget.name) at \(rect)")
                }
            }
        }
    }

    func testWidgetsDrawIntoEmptyBuffers() {
        for widget in widgets {
            var buffer = CellBuffer(width: 0, height: 0)
            widget.draw(Rect(x: 0, y: 0, width: 5, height: 5), &buffer)
            XCTAssertEqual(buffer.text(), "", widget.name)
        }
    }

    private func assertNothingOutside(_ rect: Rect, _ buffer: CellBuffer, _ message: String) {
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let inside = x >= rect.x && x < rect.maxX && y >= rect.y && y < rect.maxY
                if !inside {
                    XCTAssertEqual(buffer[x, y], .blank, "\(message): cell \(x),\(y)")
                }
            }
        }
    }
}
