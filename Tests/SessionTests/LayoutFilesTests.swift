import Architecture
import Foundation
import SimKernel
import XCTest

@testable import Session

/// Every layout shipped in `layouts/` loads, passes the checks and runs with traffic
/// reaching every component it names.
final class LayoutFilesTests: XCTestCase {
    func testEveryShippedLayoutChecksAndRuns() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixture.layoutsDirectory)
            .filter { $0.hasSuffix(".json5") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 5)
        for name in names {
            let layout = try LayoutLoader.load(path: Fixture.layoutsDirectory + "/" + name)
            try LayoutLoader.check(layout, seed: layout.seed ?? 1)
            let result = try HeadlessRun(
                layout: layout, seed: layout.seed ?? 1, duration: 5 * Micros.perSecond
            ).run()
            for component in result.snapshot.components where component.kind != "workers" {
                XCTAssertGreaterThan(
                    component.value("total") ?? 0, 0, "\(name): \(component.name) saw no traffic")
            }
            let panels = layout.screen.rows.flatMap { $0 }
            XCTAssertEqual(
                Set(panels), Set(result.snapshot.components.map(\.name)),
                "\(name): every component has a panel")
        }
    }
}
