import Architecture
import XCTest

@testable import Session

/// Valid JSON5 with a field at fault: the error names the field and its place.
final class LayoutFieldTests: XCTestCase {
    private func parseError(_ text: String, file: StaticString = #filePath, line: UInt = #line)
        -> LayoutError?
    {
        Fixture.error(
            { () throws(LayoutError) in
                try LayoutLoader.parse(text: text, path: "l.json5")
            }, file: file, line: line)
    }

    private func checkError(_ text: String, file: StaticString = #filePath, line: UInt = #line)
        -> LayoutError?
    {
        Fixture.error(
            { () throws(LayoutError) in
                let layout = try LayoutLoader.parse(text: text, path: "l.json5")
                try LayoutLoader.check(layout, seed: 1)
            }, file: file, line: line)
    }

    func testWrongTypeInWorkloadPointsAtTheValue() {
        let text = """
            {
              name: "x", components: [],
              workload: { readRatio: 0.5,
                          rate: "fast" },
            }
            """
        let error = parseError(text)
        XCTAssertEqual(error?.description, "l.json5:4:21: workload.rate: expected a number")
    }

    func testUnknownFieldsAreRefusedAtTheirName() {
        let workload = parseError("{ name: \"x\", components: [],\n  workload: { raet: 5 } }")
        XCTAssertEqual(workload?.field, "workload.raet")
        XCTAssertEqual(workload?.line, 2)
        XCTAssertEqual(workload?.column, 15)
        XCTAssertTrue(workload?.message.hasPrefix("unknown field 'raet'; known: rate") ?? false)
        let top = parseError("{ name: \"x\", components: [], colour: \"red\" }")
        XCTAssertEqual(top?.field, "colour")
        XCTAssertEqual(top?.column, 30)
        let component = parseError(
            "{ name: \"x\", components: [ { name: \"a\", kind: \"b\", "
                + "parms: {} } ] }")
        XCTAssertEqual(component?.field, "components[0].parms")
    }

    func testMissingFieldPointsAtTheEnclosingObject() {
        let error = parseError("{ name: \"x\",\n  components: [ { kind: \"backend\" } ] }")
        XCTAssertEqual(error?.field, "components[0].name")
        XCTAssertEqual(error?.message, "missing field 'name'")
        XCTAssertEqual(error?.line, 2)
        XCTAssertEqual(error?.column, 17)
    }

    func testParamsMustBeAnObject() {
        let error = parseError(
            "{ name: \"x\", components: [ { name: \"a\", kind: \"b\", params: [1] } ] }")
        XCTAssertEqual(error?.field, "components[0].params")
        XCTAssertEqual(error?.column, 60)
    }

    func testNegativeSeedAndFractionalKeysAreRefused() {
        let seed = parseError("{ name: \"x\", components: [], seed: -1 }")
        XCTAssertEqual(
            seed?.description,
            "l.json5:1:36: seed: expected a whole number, not negative")
        let keys = parseError("{ name: \"x\", components: [], workload: { keys: 2.5 } }")
        XCTAssertEqual(keys?.field, "workload.keys")
        XCTAssertEqual(keys?.column, 48)
        XCTAssertEqual(
            try LayoutLoader.parse(
                text: "{ name: \"x\", components: [], seed: 18446744073709551615 }",
                path: "l.json5"
            ).seed, UInt64.max)
    }

    func testNumbersFoundationCannotHoldAreLocated() {
        let rate = parseError("{ name: \"x\", components: [], workload: { rate: 1e999 } }")
        XCTAssertEqual(
            rate?.description, "l.json5:1:48: workload.rate: cannot read this value as a number")
        let param = parseError(
            "{ name: \"x\", components: [ { name: \"a\", kind: \"b\", params: { x: 1e999 } } ] }")
        XCTAssertEqual(param?.field, "components[0].params.x")
    }

    func testScreenNamesMustExist() {
        let text = """
            {
              name: "x",
              components: [ { name: "backend", kind: "backend" } ],
              screen: { rows: [ ["client", "backend"],
                                ["cache"] ] },
            }
            """
        let error = parseError(text)
        XCTAssertEqual(
            error?.description, "l.json5:5:22: screen.rows[1][0]: no component is named 'cache'")
    }

    func testEmptyNameTwiceGivenConnectionsAndRangesReadAsWritten() throws {
        let name = parseError("{ name: \" \", components: [] }")
        XCTAssertEqual(name?.field, "name")
        XCTAssertEqual(name?.column, 9)
        try Fixture.requireKind("backend")
        let twice = checkError(
            """
            { name: "x", components: [ { name: "b", kind: "backend" } ],
              connections: [ { from: "client", to: "b" },
                             { from: "client", to: "b" } ] }
            """)
        XCTAssertEqual(twice?.field, "connections[1]")
        XCTAssertEqual(twice?.message, "client → b is given twice")
        let range = checkError(
            """
            { name: "x",
              components: [ { name: "b", kind: "backend", params: { workers: 0 } } ],
              connections: [ { from: "client", to: "b" } ] }
            """)
        XCTAssertEqual(range?.field, "components[0].params.workers")
        XCTAssertEqual(range?.message, "0 is out of range 1 to 1024")
    }

    func testUnknownKindIsLocatedAtTheKind() {
        let text = """
            {
              name: "x",
              components: [
                { name: "a", kind: "teleporter" },
              ],
              connections: [ { from: "client", to: "a" } ],
            }
            """
        let error = checkError(text)
        XCTAssertEqual(error?.field, "components[0].kind")
        XCTAssertEqual(error?.line, 4)
        XCTAssertEqual(error?.column, 24)
        XCTAssertTrue(error?.message.hasPrefix("unknown kind 'teleporter'") ?? false)
    }

    func testUnknownConnectionEndIsLocatedAtTheConnection() throws {
        try Fixture.requireKind("backend")
        let text = """
            {
              name: "x",
              components: [ { name: "backend", kind: "backend" } ],
              connections: [
                { from: "client", to: "backend" },
                { from: "backend", to: "nowhere" },
              ],
            }
            """
        let error = checkError(text)
        XCTAssertEqual(
            error?.description,
            "l.json5:6:5: connections[1]: no component is named 'nowhere'")
    }

    func testBadParameterFromTheEngineIsLocatedAtItsValue() throws {
        try Fixture.requireKind("backend")
        let text = """
            {
              name: "x",
              components: [
                { name: "backend", kind: "backend",
                  params: { workers: 4,
                            speeds: [1, 0.5, 900] } },
              ],
              connections: [ { from: "client", to: "backend" } ],
            }
            """
        let error = checkError(text)
        XCTAssertEqual(error?.field, "components[0].params.speeds[2]")
        XCTAssertEqual(error?.line, 6)
        XCTAssertEqual(error?.column, 34)
    }

    func testBlueprintLayoutLoadsAndChecks() throws {
        let layout = try Fixture.blueprint()
        XCTAssertEqual(layout.name, "blueprint")
        XCTAssertEqual(layout.seed, 42)
        XCTAssertEqual(layout.screen.rows.first?.first, "client")
        XCTAssertEqual(layout.architecture.components.first?.path, "components[0]")
        XCTAssertEqual(
            layout.architecture.connections.last?.path,
            "connections[\(layout.architecture.connections.count - 1)]")
        XCTAssertNoThrow(try LayoutLoader.check(layout, seed: layout.seed ?? 1))
    }

    func testMissingFileIsAnError() {
        let error = Fixture.error({ () throws(LayoutError) in
            try LayoutLoader.load(path: "/nonexistent/blueprint.json5")
        })
        XCTAssertEqual(error?.field, "file")
    }
}
