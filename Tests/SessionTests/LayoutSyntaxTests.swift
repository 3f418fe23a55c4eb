import XCTest

@testable import Session

/// Syntax errors: Foundation says only that the text is not JSON5, so the loader finds the
/// line and column itself. Every expected position here was counted by hand.
final class LayoutSyntaxTests: XCTestCase {
    private func syntaxError(_ text: String, file: StaticString = #filePath, line: UInt = #line)
        -> LayoutError?
    {
        Fixture.error(
            { () throws(LayoutError) in
                try LayoutLoader.parse(text: text, path: "bad.json5")
            }, file: file, line: line)
    }

    func testMissingCommaBetweenArrayItems() {
        let text = """
            {
              name: "x",
              components: [
                { name: "a", kind: "backend" }
                { name: "b", kind: "backend" },
              ],
            }
            """
        let error = syntaxError(text)
        XCTAssertEqual(error?.line, 5)
        XCTAssertEqual(error?.column, 5)
        XCTAssertEqual(error?.field, "components")
        XCTAssertEqual(
            error?.description, "bad.json5:5:5: components: unexpected '{'; expected ',' or ']'")
    }

    func testErrorInsideACommentHeavyFile() {
        let text = """
            // header comment with { braces } and "quotes"
            /* a block
               comment: { not: json, */
            {
              // name: broken, as a comment
              name: "x", /* inline */ title: 'single \\' quote',
              components: [],  // trailing comma next
              workload: { rate: 10 @ },
            }
            """
        let error = syntaxError(text)
        XCTAssertEqual(error?.line, 8)
        XCTAssertEqual(error?.column, 24)
        XCTAssertEqual(error?.field, "workload")
        XCTAssertEqual(error?.message, "unexpected '@'; expected ',' or '}'")
    }

    func testAFieldGivenTwiceIsRefusedAtTheSecond() {
        let text = """
            {
              name: "x",
              workload: { rate: 500,
                          'rate': 900 },
            }
            """
        let error = syntaxError(text)
        XCTAssertEqual(
            error?.description,
            "bad.json5:4:15: workload.rate: the field 'rate' is given twice "
                + "(first at line 3, column 15); keep one")
        // The same name in two different objects is not a repeat.
        XCTAssertNoThrow(try JSON5Scanner.parse("{ a: { rate: 1 }, b: { rate: 2 } }"))
    }

    func testUnterminatedStringPointsAtItsOpeningQuote() {
        let text = "{\n  name: \"x,\n  components: [],\n}"
        let error = syntaxError(text)
        XCTAssertEqual(error?.line, 2)
        XCTAssertEqual(error?.column, 9)
        XCTAssertEqual(error?.field, "name")
    }

    func testUnclosedBlockCommentPointsAtItsStart() {
        let text = "{ name: \"x\",\n   /* never closed\n components: [] }"
        let error = syntaxError(text)
        XCTAssertEqual(error?.line, 2)
        XCTAssertEqual(error?.column, 4)
        XCTAssertEqual(error?.message, "this comment is never closed")
    }

    func testBareWordValueNeedsQuotes() {
        let error = syntaxError("{\n\tname: blueprint,\n}")
        XCTAssertEqual(error?.line, 2)
        XCTAssertEqual(error?.column, 8)
        XCTAssertEqual(error?.message, "unexpected word 'blueprint'; a text value needs quotes")
    }

    func testEmptyAndTruncatedFiles() {
        let empty = syntaxError("  // nothing but a comment\n")
        XCTAssertEqual(empty?.line, 1)
        XCTAssertEqual(empty?.column, 1)
        let truncated = syntaxError("{\n  name: \"x\",\n  components: [\n")
        XCTAssertEqual(truncated?.line, 4)
        XCTAssertEqual(truncated?.column, 1)
        XCTAssertEqual(truncated?.field, "components")
    }

    func testUnicodeColumnsCountScalars() {
        let error = syntaxError("{ title: \"caf\u{E9} \u{2615}\", name: \"x\" ! }")
        XCTAssertEqual(error?.line, 1)
        XCTAssertEqual(error?.column, 30)
        XCTAssertEqual(error?.message, "unexpected '!'; expected ',' or '}'")
    }

    func testScannerAcceptsTheJSON5ThatFoundationAccepts() throws {
        let text = """
            // every JSON5 feature the layouts may use
            { unquoted: 1, 'single': 'it\\'s', "double": "a\\u0041\\x42",
              hex: 0x1F, leading: .5, trailing: 5., plus: +1, inf: -Infinity, nan: NaN,
              list: [1, 2, 3,], nested: { deep: [ { x: null, y: true, z: false }, ], },
              continued: "one \\
            two", }
            """
        XCTAssertNoThrow(try JSON5Scanner.parse(text))
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        XCTAssertNoThrow(try decoder.decode(ParamValueProbe.self, from: Data(text.utf8)))
    }

    func testLocatorFindsValuesKeysAndEnclosingObjects() {
        let text = """
            {
              components: [
                { name: "a" },
                { "name": "b", params: { ttl: "5s", speeds: [1, 2] } },
              ],
            }
            """
        let locator = JSON5Locator(text: text)
        XCTAssertEqual(
            locator.locate("components[1].params.ttl"), TextPosition(line: 4, column: 35))
        XCTAssertEqual(
            locator.locate("components[1].params.speeds[1]"),
            TextPosition(line: 4, column: 53))
        XCTAssertEqual(
            locator.locate("components[1].name", atKey: true),
            TextPosition(line: 4, column: 7))
        XCTAssertEqual(
            locator.locate("components[1].params.missing"),
            TextPosition(line: 4, column: 28))
        XCTAssertEqual(locator.locate("components[7]"), TextPosition(line: 2, column: 15))
        XCTAssertEqual(locator.locate(""), TextPosition(line: 1, column: 1))
    }
}

/// Any JSON5 document, decoded through Foundation to compare with our scanner.
private struct ParamValueProbe: Decodable {
    init(from decoder: any Decoder) throws {
        _ = try decoder.container(keyedBy: FieldKey.self)
    }
}
