import Architecture
import TerminalUI
import XCTest

@testable import Dashboard

final class CommandLineTests: XCTestCase {
    var state = SyntheticSimulation.state(width: 80, height: 24)

    func testTypedCommandIsSubmittedAndRemembered() {
        state.press(.character(":"))
        XCTAssertNotNil(state.commandLine)
        state.type("load rate 5000")
        XCTAssertEqual(state.press(.enter), [.submit("load rate 5000")])
        XCTAssertNil(state.commandLine)
        XCTAssertEqual(state.history.entries, ["load rate 5000"])
    }

    func testEditingKeysMoveAndDelete() {
        state.press(.character(":"))
        state.type("speed 10")
        state.press(.home, .delete, .character("S"), .end, .backspace, .character("5"))
        XCTAssertEqual(state.commandLine?.text, "Speed 15")
        state.press(.left, .left, .left, .backspace)
        XCTAssertEqual(state.commandLine?.text, "Spee 15")
        XCTAssertEqual(state.commandLine?.cursor, 4)
        state.press(.right, .right, .right, .right, .right)
        XCTAssertEqual(state.commandLine?.cursor, 7)
        state.press(.control("w"))
        XCTAssertEqual(state.commandLine?.text, "Spee ")
        state.press(.control("u"))
        XCTAssertEqual(state.commandLine?.text, "")
    }

    func testCursorSitsOnTheCommandLineRow() {
        XCTAssertNil(Dashboard.cursor(state))
        state.press(.character(":"))
        state.type("pause")
        XCTAssertEqual(Dashboard.cursor(state)?.x, 6)
        XCTAssertEqual(Dashboard.cursor(state)?.y, 22)
        state.press(.left, .left)
        XCTAssertEqual(Dashboard.cursor(state)?.x, 4)
        XCTAssertTrue(state.screen.split(separator: "\n")[22].hasPrefix(":pause"))
    }

    func testLongLinesScrollToKeepTheCursorOnScreen() {
        state.press(.character(":"))
        state.type("mark \"" + String(repeating: "abcdefghij", count: 12))
        let cursor = Dashboard.cursor(state)
        XCTAssertEqual(cursor?.x, 79)
        let row = String(state.screen.split(separator: "\n")[22])
        XCTAssertTrue(row.hasPrefix(":"))
        XCTAssertTrue(row.hasSuffix("hij"), row)
    }

    func testEscapeCancelsAndEmptyEnterSendsNothing() {
        state.press(.character(":"))
        state.type("recover all")
        XCTAssertEqual(state.press(.escape), [])
        XCTAssertNil(state.commandLine)
        state.press(.character(":"))
        XCTAssertEqual(state.press(.enter), [])
        XCTAssertNil(state.commandLine)
        state.press(.character(":"), .backspace)
        XCTAssertNil(state.commandLine, "backspace on an empty line closes it")
        XCTAssertTrue(state.history.entries.isEmpty)
    }

    func testHistoryWalksBackAndForthAndKeepsTheDraft() {
        for command in ["load rate 100", "pause"] {
            state.press(.character(":"))
            state.type(command)
            state.press(.enter)
        }
        state.press(.character(":"))
        state.type("rec")
        state.press(.up)
        XCTAssertEqual(state.commandLine?.text, "pause")
        state.press(.up, .up)
        XCTAssertEqual(state.commandLine?.text, "load rate 100")
        state.press(.down)
        XCTAssertEqual(state.commandLine?.text, "pause")
        state.press(.down)
        XCTAssertEqual(state.commandLine?.text, "rec")
    }

    func testHistoryIsBounded() {
        for number in 0..<(CommandHistory.capacity + 10) {
            state.press(.character(":"))
            state.type("load rate \(number)")
            state.press(.enter)
        }
        XCTAssertEqual(state.history.entries.count, CommandHistory.capacity)
        XCTAssertEqual(state.history.entries.first, "load rate 10")
    }

    func testTabCompletesVerbsTargetsAndFixedWords() {
        state.press(.character(":"))
        state.type("fa")
        state.press(.tab)
        XCTAssertEqual(state.commandLine?.text, "fail ")
        state.type("cache.n")
        state.press(.tab)
        XCTAssertEqual(state.commandLine?.text, "fail cache.node-")
        state.press(.tab)
        XCTAssertEqual(state.candidates, ["cache.node-1", "cache.node-2", "cache.node-3"])
        XCTAssertTrue(state.screen.contains("complete: cache.node-1  cache.node-2"))
        state.type("2 p")
        state.press(.tab)
        XCTAssertEqual(state.commandLine?.text, "fail cache.node-2 partition ")
        XCTAssertEqual(state.candidates, [])
    }

    func testTabCompletesSettingsAndTheProgramsVocabulary() {
        state.send(.vocabulary(["least-connections", "round-robin", "lb.algorithm"]))
        state.press(.character(":"))
        state.type("set lb.al")
        state.press(.tab)
        XCTAssertEqual(state.commandLine?.text, "set lb.algorithm ")
        state.press(.tab)
        XCTAssertEqual(state.candidates, ["least-connections", "round-robin"])
        state.type("le")
        state.press(.tab)
        XCTAssertEqual(state.commandLine?.text, "set lb.algorithm least-connections ")
        XCTAssertEqual(state.press(.enter), [.submit("set lb.algorithm least-connections")])
    }

    /// A vocabulary as the program builds it: components, nodes, settings and values.
    static let vocabulary = [
        "backend", "backend.node-1", "backend.node-2", "cache", "cache.eviction",
        "cache.node-1", "cache.node-2", "cache.write", "dns", "dns.root", "dns.ttl", "lb",
        "lb.algorithm", "least-connections", "lfu", "lru", "round-robin",
    ]

    /// A fault or a scale names a component or node: no setting, value or the clients.
    func testTargetVerbsOfferOnlyTargetsAndCycleOffersTheComponentsStrategies() {
        state.send(.vocabulary(Self.vocabulary))
        state.press(.character(":"))
        state.type("fail ")
        state.press(.tab)
        XCTAssertFalse(state.candidates.isEmpty)
        for word in state.candidates {
            XCTAssertFalse(
                ["cache.eviction", "lb.algorithm", "lru", "client"].contains(word), word)
        }
        XCTAssertTrue(state.candidates.contains("cache.node-1"))
        state.press(.escape, .character(":"))
        state.type("fail db ")
        state.press(.tab)
        XCTAssertEqual(state.candidates, ["down", "flaky", "kill", "partition", "slow"])
        state.press(.escape, .character(":"))
        state.type("cycle cache ")
        state.press(.tab)
        XCTAssertEqual(state.candidates, ["back", "eviction", "write"])
        for (typed, unwanted) in [
            ("scale ", "cache.node-1"), ("cycle ", "cache.node-1"), ("load rate ", "cache"),
            ("fail db slow ", "lru"),
        ] {
            state.press(.escape, .character(":"))
            state.type(typed)
            state.press(.tab)
            XCTAssertFalse(state.candidates.contains(unwanted), "\(typed): \(state.candidates)")
        }
    }

    func testSetOffersOnlySettings() {
        state.send(.vocabulary(Self.vocabulary))
        state.press(.character(":"))
        state.type("set ")
        state.press(.tab)
        XCTAssertEqual(
            state.candidates,
            [
                "backend.concurrency", "cache.eviction", "cache.write", "db.hashing",
                "db.quorum", "db.replication", "db.sharding", "dns.geo", "dns.ttl",
                "gateway.auth", "gateway.rate-limit", "lb.algorithm", "lb.heartbeat",
                "mq.mode", "mq.when-full", "workers.compression", "workers.retries",
            ],
            "the vocabulary's settings and those on screen; no components, nodes or values")
    }

    func testSettingsAreToldApartWithoutAFrame() {
        var state = AppState(config: SyntheticSimulation.config())
        state.send(.resize(width: 80, height: 24))
        state.send(.vocabulary(Self.vocabulary))
        state.press(.character(":"))
        state.type("set ")
        state.press(.tab)
        XCTAssertEqual(
            state.candidates,
            ["cache.eviction", "cache.write", "dns.root", "dns.ttl", "lb.algorithm"],
            "numbered nodes are known by their suffix; dns.root only by a frame")
    }

    func testSetCompletesAComponentUpToTheDot() {
        state.send(.vocabulary(Self.vocabulary))
        state.press(.character(":"))
        state.type("set ca")
        state.press(.tab)
        XCTAssertEqual(state.commandLine?.text, "set cache.")
        state.type("ev")
        state.press(.tab)
        XCTAssertEqual(state.commandLine?.text, "set cache.eviction ")
        state.press(.tab)
        XCTAssertEqual(state.candidates, ["least-connections", "lfu", "lru", "round-robin"])
    }

    func testCompletionInTheMiddleOfTheLineAddsNoSpace() {
        state.press(.character(":"))
        state.type("recov all")
        state.press(.left, .left, .left, .left, .tab)
        XCTAssertEqual(state.commandLine?.text, "recover all")
    }
}
