import XCTest

@testable import TerminalUI

final class TableTests: XCTestCase {
    let columns = [
        TableColumn("node", width: 4, flexible: true),
        TableColumn("req/s", width: 5, alignment: .right),
        TableColumn("util", width: 4),
    ]

    func testColumnsAlignAndTheFlexibleColumnTakesTheSlack() {
        let table = Table(
            columns: columns,
            rows: [
                [.text("shard-0"), .text("820"), .gauge(0.5, .plain)], [.text("s1"), .text("3")],
            ])
        let text = rendered(width: 20, height: 3) { buffer in
            table.draw(in: buffer.bounds, capabilities: .plain, into: &buffer)
        }
        XCTAssertEqual(
            text,
            """
            node      req/s util
            shard-0     820 ##..
            s1            3
            """)
    }

    func testColumnsThatDoNotFitAreDroppedFromTheRight() {
        let table = Table(columns: columns, rows: [[.text("a"), .text("1"), .text("x")]])
        XCTAssertEqual(table.columnWidths(totalWidth: 10), [4, 5, 0])
        XCTAssertEqual(table.columnWidths(totalWidth: 3), [0, 0, 0])
        let text = rendered(width: 10, height: 2) { buffer in
            table.draw(in: buffer.bounds, capabilities: .plain, into: &buffer)
        }
        XCTAssertEqual(text, "node req/s\na        1")
    }

    func testSelectedRowIsReversedAcrossTheWholeWidth() {
        let table = Table(
            columns: columns, rows: [[.text("a")], [.text("b")]], showsHeader: false,
            selectedRow: 1)
        var buffer = CellBuffer(width: 16, height: 2)
        table.draw(in: buffer.bounds, capabilities: .plain, into: &buffer)
        XCTAssertFalse(buffer[0, 0].style.reverse)
        XCTAssertTrue(buffer[0, 1].style.reverse)
        XCTAssertTrue(buffer[15, 1].style.reverse)
    }

    func testRowsPastTheBottomAreClipped() {
        let table = Table(columns: columns, rows: (0..<9).map { [.text("n\($0)")] })
        let text = rendered(width: 8, height: 3) { buffer in
            table.draw(in: buffer.bounds, capabilities: .plain, into: &buffer)
        }
        XCTAssertEqual(text, "node\nn0\nn1")
    }
}
