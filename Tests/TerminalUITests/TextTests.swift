import XCTest

@testable import TerminalUI

final class TextTests: XCTestCase {
    func testLogListShowsTheNewestLinesAtTheBottom() {
        let text = rendered(width: 6, height: 2) { buffer in
            LogList(plain: ["first", "second", "third line"])
                .draw(in: buffer.bounds, into: &buffer)
        }
        XCTAssertEqual(text, "second\nthird")
    }

    func testLogListWithFewLinesStartsAtTheTop() {
        let text = rendered(width: 6, height: 3) { buffer in
            LogList(plain: ["only"]).draw(in: buffer.bounds, into: &buffer)
        }
        XCTAssertEqual(text, "only\n\n")
    }

    func testTextLineKeepsSpanStylesAndAligns() {
        var buffer = CellBuffer(width: 9, height: 1)
        let line = TextLine([Span("ab", style: .bold), Span("cd", style: .reverse)])
        line.draw(in: Rect(x: 0, y: 0, width: 9, height: 1), alignment: .right, into: &buffer)
        XCTAssertEqual(buffer.text(), "     abcd")
        XCTAssertTrue(buffer[5, 0].style.bold)
        XCTAssertTrue(buffer[7, 0].style.reverse)
        var centred = CellBuffer(width: 8, height: 1)
        line.draw(in: Rect(x: 0, y: 0, width: 8, height: 1), alignment: .center, into: &centred)
        XCTAssertEqual(centred.text(), "  abcd")
    }

    func testTextLineCutsWideCharactersWhole() {
        let text = rendered(width: 4, height: 1) { buffer in
            TextLine("a表表").draw(in: buffer.bounds, into: &buffer)
        }
        XCTAssertEqual(text, "a表")
    }

    func testEmojiTakeTwoColumnsAndCellsKeepOnlyWhatTerminalsAgreeOn() {
        XCTAssertEqual(columnWidth(of: "🚀"), 2, "U+1F680, outside the table's ranges")
        XCTAssertEqual(columnWidth(of: "⌚"), 2)
        XCTAssertEqual(columnWidth(of: "🇫"), 1, "a regional indicator alone")
        XCTAssertEqual(columnWidth(of: "⚠️"), 1, "text presentation once its selector goes")
        XCTAssertEqual(cellForm(of: "⚠️"), "⚠")
        XCTAssertEqual(cellForm(of: "👍🏽"), "👍", "the skin-tone modifier is dropped")
        XCTAssertEqual(cellForm(of: "👨‍👩‍👧"), "👨", "joined: the first emoji")
        XCTAssertEqual(cellForm(of: "e\u{301}"), "e\u{301}", "combining marks stay")
        // A row of rockets fills exactly the columns it is given, never more.
        let text = rendered(width: 7, height: 2) { buffer in
            TextLine("🚀🚀🚀🚀").draw(in: buffer.bounds, into: &buffer)
            TextLine("x👍🏽y⚠️z").draw(in: buffer.bounds.row(1), into: &buffer)
        }
        XCTAssertEqual(text, "🚀🚀🚀\nx👍y⚠z")
    }

    func testWordCutDropsWholeWords() {
        XCTAssertEqual(truncateWords("lag 6.0ms r/w", toColumns: 13), "lag 6.0ms r/w")
        XCTAssertEqual(truncateWords("lag 6.0ms r/w", toColumns: 12), "lag 6.0ms")
        XCTAssertEqual(truncateWords("lag 6.0ms", toColumns: 8), "lag")
        XCTAssertEqual(truncateWords("lag 6.0ms", toColumns: 9), "lag 6.0ms")
        XCTAssertEqual(truncateWords("1000000", toColumns: 4), "")
        XCTAssertEqual(truncateWords("hot key, leader", toColumns: 12), "hot key")
    }

    func testPriorityLineDropsTheLeastImportantItemsFirst() {
        let line = PriorityLine([
            .init([Span("clock")], priority: 0),
            .init([Span("seed 42")], priority: 4),
            .init([Span("speed 10x")], priority: 1),
        ])
        XCTAssertEqual(line.fitted(toColumns: 40).plainText, "clock  seed 42  speed 10x")
        XCTAssertEqual(line.fitted(toColumns: 20).plainText, "clock  speed 10x")
        XCTAssertEqual(line.fitted(toColumns: 6).plainText, "clock")
        XCTAssertEqual(line.fitted(toColumns: 2).plainText, "")
    }

    func testRectSplitsShareEveryLine() {
        let rect = Rect(x: 3, y: 1, width: 11, height: 10)
        let rows = rect.rows(3)
        XCTAssertEqual(rows.map(\.height), [4, 3, 3])
        XCTAssertEqual(rows.map(\.y), [1, 5, 8])
        XCTAssertEqual(rect.columns(4).map(\.width), [3, 3, 3, 2])
        XCTAssertEqual(rect.columns(0), [])
        XCTAssertEqual(rect.centered(width: 5, height: 20), Rect(x: 6, y: 1, width: 5, height: 10))
        XCTAssertEqual(rect.bottom(2), Rect(x: 3, y: 9, width: 11, height: 2))
        XCTAssertEqual(rect.droppingTop(99).height, 0)
    }
}
