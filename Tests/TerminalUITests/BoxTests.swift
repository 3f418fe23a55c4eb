import XCTest

@testable import TerminalUI

final class BoxTests: XCTestCase {
    func testUnicodeBoxWithTitleReturnsItsInterior() {
        var inside = Rect(x: 0, y: 0, width: 0, height: 0)
        let text = rendered(width: 12, height: 4) { buffer in
            inside = Box(title: TextLine("db"), glyphs: .light)
                .draw(in: buffer.bounds, into: &buffer)
        }
        XCTAssertEqual(
            text,
            """
            ┌ db ──────┐
            │          │
            │          │
            └──────────┘
            """)
        XCTAssertEqual(inside, Rect(x: 1, y: 1, width: 10, height: 2))
    }

    func testHighlightedBoxDiffersInShapeInUnicodeAndAscii() {
        let rect = Rect(x: 0, y: 0, width: 6, height: 3)
        let fancy = rendered(width: 6, height: 3) { buffer in
            Box(glyphs: .choose(highlighted: true, capabilities: .full))
                .draw(in: rect, into: &buffer)
        }
        XCTAssertEqual(fancy, "╔════╗\n║    ║\n╚════╝")
        let plain = rendered(width: 6, height: 3) { buffer in
            Box(glyphs: .choose(highlighted: false, capabilities: .plain))
                .draw(in: rect, into: &buffer)
        }
        XCTAssertEqual(plain, "+----+\n|    |\n+----+")
        let plainSelected = rendered(width: 6, height: 3) { buffer in
            Box(glyphs: .choose(highlighted: true, capabilities: .plain))
                .draw(in: rect, into: &buffer)
        }
        XCTAssertEqual(plainSelected, "#====#\n#    #\n#====#")
    }

    func testLongTitleIsCutInsideTheCorners() {
        let text = rendered(width: 9, height: 2) { buffer in
            Box(title: TextLine("a very long title"), glyphs: .ascii)
                .draw(in: buffer.bounds, into: &buffer)
        }
        XCTAssertEqual(text, "+ a very+\n+-------+")
    }

    func testTinyBoxesHaveNoInterior() {
        for size in [(1, 1), (2, 1), (1, 3), (2, 2)] {
            var buffer = CellBuffer(width: 3, height: 3)
            let inside = Box(glyphs: .light)
                .draw(in: Rect(x: 0, y: 0, width: size.0, height: size.1), into: &buffer)
            XCTAssertTrue(inside.isEmpty, "\(size)")
        }
    }
}
