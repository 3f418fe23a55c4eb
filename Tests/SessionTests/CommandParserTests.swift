import Architecture
import SimKernel
import XCTest

@testable import Session

final class CommandParserTests: XCTestCase {
    private func parsed(_ text: String, file: StaticString = #filePath, line: UInt = #line)
        -> SessionCommand?
    {
        switch CommandParser.parse(text) {
        case .success(let command): return command
        case .failure(let error):
            XCTFail("'\(text)' refused: \(error.message)", file: file, line: line)
            return nil
        }
    }

    private func refusal(_ text: String, file: StaticString = #filePath, line: UInt = #line)
        -> CommandSyntaxError?
    {
        switch CommandParser.parse(text) {
        case .success(let command):
            XCTFail("'\(text)' accepted as \(command)", file: file, line: line)
            return nil
        case .failure(let error): return error
        }
    }

    /// Every form of the grammar and the command it must give.
    private static let forms: [(String, SessionCommand)] = [
        ("load rate 5000", .engine(.setRate(5000))),
        ("load rate +25%", .engine(.adjustRate(percent: 25))),
        ("load rate -20%", .engine(.adjustRate(percent: -20))),
        ("load spike x5 for 30s", .engine(.spike(factor: 5, duration: 30_000_000))),
        ("load hotkey 0.4", .engine(.hotKey(fraction: 0.4))),
        ("load hotkey 40%", .engine(.hotKey(fraction: 0.4))),
        ("load hotkey off", .engine(.hotKey(fraction: 0))),
        ("fail db.shard-2 kill", .engine(.fail(target: "db.shard-2", fault: .kill))),
        ("fail db down", .engine(.fail(target: "db", fault: .kill))),
        (
            "fail cache.node-1 slow 200ms",
            .engine(.fail(target: "cache.node-1", fault: .slow(extra: 200_000)))
        ),
        ("fail db flaky 20%", .engine(.fail(target: "db", fault: .flaky(errorRatio: 0.2)))),
        ("fail db partition", .engine(.fail(target: "db", fault: .partition))),
        ("recover db.shard-2", .engine(.recover(target: "db.shard-2"))),
        ("recover all", .engine(.recoverAll)),
        (
            "set db.replication leaderless r=2 w=2",
            .engine(
                .set(
                    component: "db", setting: "replication", value: "leaderless",
                    options: [
                        CommandOption(name: "r", value: "2"),
                        CommandOption(name: "w", value: "2"),
                    ]))
        ),
        (
            "set lb.algorithm least-connections",
            .engine(
                .set(
                    component: "lb", setting: "algorithm", value: "least-connections",
                    options: []))
        ),
        ("cycle lb", .engine(.cycle(component: "lb", setting: "", step: 1))),
        ("cycle lb back", .engine(.cycle(component: "lb", setting: "", step: -1))),
        (
            "cycle db replication back",
            .engine(.cycle(component: "db", setting: "replication", step: -1))
        ),
        (
            "cycle db.replication",
            .engine(
                .cycle(
                    component: "db", setting: "replication",
                    step: 1))
        ),
        ("scale backend +2", .engine(.scale(component: "backend", delta: 2))),
        ("scale backend -1", .engine(.scale(component: "backend", delta: -1))),
        ("speed 10", .speed(10)),
        ("speed x2.5", .speed(2.5)),
        ("speed faster", .speedStep(1)),
        ("speed slower", .speedStep(-1)),
        ("pause", .pause),
        ("resume", .resume),
        ("mark \"the stampede starts here\"", .mark("the stampede starts here")),
        ("mark the stampede starts here", .mark("the stampede starts here")),
        ("  LOAD   Rate\t5000  ", .engine(.setRate(5000))),
    ]

    func testEveryFormParsesToItsCommand() {
        for (text, expected) in Self.forms {
            XCTAssertEqual(parsed(text), expected, text)
        }
    }

    func testCanonicalTextParsesBackToTheSameCommand() {
        let commands: [SessionCommand] = [
            .engine(.setRate(1234.5)), .engine(.adjustRate(percent: -12.5)),
            .engine(.spike(factor: 2.25, duration: 1_500)),
            .engine(.spike(factor: 3, duration: 90_000_000)),
            .engine(.hotKey(fraction: 0.125)), .engine(.hotKey(fraction: 0)),
            .engine(.fail(target: "db", fault: .flaky(errorRatio: 0.07))),
            .engine(.fail(target: "db", fault: .flaky(errorRatio: 1.0 / 3.0))),
            .engine(.fail(target: "cache.node-1", fault: .slow(extra: 1_234))),
            .engine(.cycle(component: "db", setting: "back", step: 1)),
            .engine(.scale(component: "backend", delta: 3)),
            .speed(0.5), .speedStep(-1), .mark("say \"hi\" now"),
        ]
        for command in commands {
            XCTAssertEqual(parsed(command.text), command, command.text)
        }
    }

    func testRefusalsSayWhatWasExpectedAtWhichWord() {
        XCTAssertEqual(
            refusal("fail db explode")?.message,
            "word 3 'explode': expected kill, down, slow, flaky or partition")
        XCTAssertEqual(
            refusal("fail db")?.message,
            "word 3: expected kill, down, slow, flaky or partition after 'db'")
        XCTAssertEqual(refusal("fail db")?.wordNumber, 3)
        XCTAssertEqual(refusal("fail db explode")?.offset, 8)
        XCTAssertEqual(
            refusal("pause now")?.message, "word 2 'now': unexpected; 'pause' is already complete")
        XCTAssertTrue(refusal("")?.message.hasPrefix("word 1: expected a command") ?? false)
        XCTAssertTrue(refusal("explode db")?.message.hasPrefix("word 1 'explode'") ?? false)
        XCTAssertEqual(
            refusal("load spike 5 for 30s")?.message, "word 3 '5': expected a factor such as x5")
        XCTAssertEqual(
            refusal("scale backend 2")?.message,
            "word 3 '2': expected a signed change such as +2 or -1")
        XCTAssertEqual(
            refusal("mark \"unfinished")?.message,
            "word 2 '\"unfinished': expected a closing quote at the end of the mark")
        XCTAssertEqual(
            refusal("mark \"done\" extra")?.message,
            "word 2 '\"done\"': expected nothing after the closing quote of the mark")
        XCTAssertEqual(
            refusal("set db leaderless")?.message,
            "word 2 'db': expected COMPONENT.SETTING, such as lb.algorithm")
    }

    func testOddInputsAreRefusedWithoutTrapping() {
        let odd = [
            "load rate nan", "load rate inf", "load rate -inf", "load rate 1e400",
            "load rate 0x10", "load rate 5,000", "load rate", "load rate +%", "load rate 25%",
            "load spike x5 for -3s", "load spike xnan for 3s", "load spike x5 for 1e30s",
            "load hotkey 1.5", "load hotkey 150%", "fail db flaky 101%", "fail db slow",
            "scale backend +99999999999999999999999", "scale backend +0", "speed 0",
            "speed -1", "speed 1e9", "fail db.. kill", "fail .db kill", "fail 数据库 kill",
            "set db.replication", "set db.a.b x", "set db.x y r=", "set db.x y =2",
            "cycle", "recover", "mark", "mark \"", "\u{0}", "🙂", "load 🙂 rate",
            String(repeating: "load rate 5 ", count: 1_000),
        ]
        for text in odd {
            XCTAssertNotNil(refusal(text), text)
        }
    }

    /// Random word salad from the language's own words: whatever parses must render to a
    /// text that parses back to the same command, and nothing traps.
    func testRandomInputsNeverTrapAndRoundTrip() {
        let words = [
            "load", "rate", "spike", "hotkey", "fail", "recover", "set", "cycle", "scale",
            "speed", "pause", "resume", "mark", "all", "off", "back", "for", "kill", "slow",
            "flaky", "partition", "db", "db.shard-2", "lb.algorithm", "r=2", "x5", "30s",
            "200ms", "-1", "+2", "20%", "+25%", "0.4", "5000", "1e3", "\"", "nan", "ü", "",
        ]
        var random = RandomStream(seed: 2024, stream: "parser-fuzz")
        var accepted = 0
        for _ in 0..<3_000 {
            let count = random.nextInt(below: 6)
            let text = (0..<count).map { _ in words[random.nextInt(below: words.count)] }
                .joined(separator: " ")
            guard case .success(let command) = CommandParser.parse(text) else { continue }
            accepted += 1
            XCTAssertEqual(parsed(command.text), command, "\(text) -> \(command.text)")
        }
        XCTAssertGreaterThan(accepted, 20, "the salad should contain some valid commands")
    }

    func testCompletionOffersTheWordsThatFit() {
        let names = ["db", "db.shard-1", "db.shard-2", "cache", "lb.algorithm"]
        XCTAssertEqual(CommandParser.completions(for: "fa", vocabulary: names), ["fail"])
        XCTAssertEqual(
            CommandParser.completions(for: "fail db.s", vocabulary: names),
            ["fail db.shard-1", "fail db.shard-2"])
        XCTAssertEqual(
            CommandParser.completions(for: "fail db ", vocabulary: names),
            [
                "fail db down", "fail db flaky", "fail db kill", "fail db partition",
                "fail db slow",
            ])
        XCTAssertEqual(
            CommandParser.completions(for: "recover a", vocabulary: names), ["recover all"])
        XCTAssertEqual(
            CommandParser.completions(for: "SPEED f", vocabulary: []),
            ["SPEED faster"])
        XCTAssertEqual(
            CommandParser.completions(for: "", vocabulary: names),
            CommandParser.verbs.sorted())
        XCTAssertEqual(CommandParser.completions(for: "mark he", vocabulary: ["hello"]), [])
        XCTAssertEqual(
            CommandParser.completions(for: "load spike x5 f", vocabulary: []),
            ["load spike x5 for"])
    }

    func testGrammarListsEveryVerb() {
        for verb in CommandParser.verbs {
            XCTAssertTrue(
                CommandParser.grammar.contains { $0.hasPrefix(verb) || $0.contains("| \(verb)") },
                verb)
        }
    }
}
