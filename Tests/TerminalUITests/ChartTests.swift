import XCTest

@testable import TerminalUI

final class ChartTests: XCTestCase {
    func testSparklineScalesFromZeroWithNewestAtTheRight() {
        let text = rendered(width: 8, height: 1) { buffer in
            Sparkline(values: [0, 1, 2, 3, 4, 5, 6, 7, 8])
                .draw(in: buffer.bounds, capabilities: .full, into: &buffer)
        }
        XCTAssertEqual(text, "▁▂▃▄▅▆▇█")
    }

    func testSparklineWithFewValuesHugsTheRightEdge() {
        let text = rendered(width: 6, height: 1) { buffer in
            Sparkline(values: [4, 8], maximum: 8)
                .draw(in: buffer.bounds, capabilities: .full, into: &buffer)
        }
        XCTAssertEqual(text, "    ▄█")
    }

    func testSparklineAsciiFallbackAndNonFiniteValues() {
        let text = rendered(width: 5, height: 1) { buffer in
            Sparkline(values: [0, .nan, 4, 6, 8])
                .draw(in: buffer.bounds, capabilities: .plain, into: &buffer)
        }
        XCTAssertEqual(text, "_ .-#")
    }

    func testTallSparklineStacksBlocks() {
        let text = rendered(width: 2, height: 2) { buffer in
            Sparkline(values: [4, 8])
                .draw(in: buffer.bounds, capabilities: .full, into: &buffer)
        }
        XCTAssertEqual(text, " █\n██")
    }

    func testGaugeFillsInEighthsOrAsciiHalves() {
        let rect = Rect(x: 0, y: 0, width: 10, height: 1)
        let unicode = rendered(width: 10, height: 1) { buffer in
            Gauge(ratio: 0.55).draw(in: rect, capabilities: .full, into: &buffer)
        }
        XCTAssertEqual(unicode, "█████▌░░░░")
        let ascii = rendered(width: 10, height: 1) { buffer in
            Gauge(ratio: 0.55).draw(in: rect, capabilities: .plain, into: &buffer)
        }
        XCTAssertEqual(ascii, "######....")
    }

    func testGaugeClampsOutOfRangeRatios() {
        let rect = Rect(x: 0, y: 0, width: 4, height: 1)
        for (ratio, expected) in [(-1.0, "...."), (7.0, "####"), (Double.nan, "....")] {
            let text = rendered(width: 4, height: 1) { buffer in
                Gauge(ratio: ratio).draw(in: rect, capabilities: .plain, into: &buffer)
            }
            XCTAssertEqual(text, expected, "\(ratio)")
        }
    }
}
