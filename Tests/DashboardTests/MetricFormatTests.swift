import Architecture
import XCTest

@testable import Dashboard

final class MetricFormatTests: XCTestCase {
    func testEachUnitReadsAsPeopleWriteIt() {
        let cases: [(Double, MetricUnit, String)] = [
            (12_345, .perSecond, "12.3k/s"), (850, .perSecond, "850/s"),
            (2.5, .perSecond, "2.5/s"), (0, .perSecond, "0/s"),
            (123_456, .perSecond, "123k/s"), (999.6, .perSecond, "1.0k/s"),
            (850, .micros, "850us"), (12_340, .micros, "12.3ms"), (212_000, .micros, "212ms"),
            (1_234_000, .micros, "1.2s"), (125_000_000, .micros, "2m05s"),
            (0.812, .ratio, "81.2%"), (1, .ratio, "100%"), (0, .ratio, "0.0%"),
            (1_250_000, .bytes, "1.3MB"), (512, .bytes, "512B"), (2_000, .bytes, "2.0KB"),
            (12_345, .count, "12.3k"), (3_000_000, .count, "3.0M"), (7, .count, "7"),
            (-1_500, .count, "-1.5k"), (3.25, .plain, "3.25"), (3, .plain, "3"),
            (.nan, .count, "-"), (.infinity, .micros, "-"), (-5, .micros, "0us"),
        ]
        for (value, unit, expected) in cases {
            XCTAssertEqual(MetricFormat.compact(value, unit: unit), expected, "\(value) \(unit)")
        }
    }

    func testFixedWidthAlignsRight() {
        XCTAssertEqual(MetricFormat.fixed(12_345, unit: .perSecond, columns: 9), "  12.3k/s")
        XCTAssertEqual(MetricFormat.fixed(0.5, unit: .ratio, columns: 3), "50.")
    }

    func testCompactValuesStayNarrow() {
        var value = 0.37
        while value < 1e18 {
            for unit: MetricUnit in [.count, .perSecond, .micros, .ratio, .bytes, .plain] {
                let text = MetricFormat.compact(value, unit: unit)
                XCTAssertLessThanOrEqual(text.count, MetricFormat.compactWidthMax, text)
            }
            value *= 3.7
        }
    }

    func testSpeeds() {
        XCTAssertEqual(MetricFormat.speed(1), "1x")
        XCTAssertEqual(MetricFormat.speed(0.25), "0.25x")
        XCTAssertEqual(MetricFormat.speed(8.44), "8.4x")
        XCTAssertEqual(MetricFormat.speed(100), "100x")
    }
}
