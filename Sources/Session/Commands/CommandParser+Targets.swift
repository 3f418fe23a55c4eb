import Architecture
import SimKernel

/// The commands that address a component or node by name: fail, recover, set, cycle, scale.
extension CommandParser {
    static let faultWords = "kill, down, slow, flaky or partition"
    /// The longest name a command may carry; the engine's names are far shorter.
    static let nameLengthLimit = 64

    static func parseFail(_ words: inout WordCursor) throws(CommandSyntaxError)
        -> EngineCommand
    {
        let target = try targetName(&words)
        let fault = try words.next(expecting: faultWords)
        switch fault.lowered {
        case "kill", "down":
            return .fail(target: target, fault: .kill)
        case "slow":
            return .fail(target: target, fault: .slow(extra: try duration(&words)))
        case "flaky":
            let expected = "an error share such as 20% or 0.2"
            let share = try words.next(expecting: expected)
            guard let ratio = NumberWord.share(share.text) else {
                throw words.wrong(share, expected: expected)
            }
            return .fail(target: target, fault: .flaky(errorRatio: ratio))
        case "partition":
            return .fail(target: target, fault: .partition)
        default:
            throw words.wrong(fault, expected: faultWords)
        }
    }

    static func parseRecover(_ words: inout WordCursor) throws(CommandSyntaxError)
        -> EngineCommand
    {
        if words.skip("all") { return .recoverAll }
        return .recover(target: try targetName(&words))
    }

    static func parseSet(_ words: inout WordCursor) throws(CommandSyntaxError)
        -> EngineCommand
    {
        let expected = "COMPONENT.SETTING, such as lb.algorithm"
        let word = try words.next(expecting: expected)
        let parts = word.text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, isName(parts[0]), isName(parts[1]) else {
            throw words.wrong(word, expected: expected)
        }
        let valueWord = try words.next(expecting: "a value for \(word.text)")
        guard !valueWord.text.contains("="), valueWord.text.count <= nameLengthLimit else {
            throw words.wrong(valueWord, expected: "a value for \(word.text)")
        }
        var options: [CommandOption] = []
        while let optionWord = words.peek() {
            let pieces = optionWord.text.split(
                separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pieces.count == 2, isName(pieces[0]), isValue(pieces[1]) else {
                throw words.wrong(optionWord, expected: "an option name=value, such as r=2")
            }
            options.append(CommandOption(name: String(pieces[0]), value: String(pieces[1])))
            _ = try words.next(expecting: "an option")
        }
        return .set(
            component: String(parts[0]), setting: String(parts[1]), value: valueWord.text,
            options: options)
    }

    static func parseCycle(_ words: inout WordCursor) throws(CommandSyntaxError)
        -> EngineCommand
    {
        let expected = "a component, such as lb or db.replication"
        let word = try words.next(expecting: expected)
        let parts = word.text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy(isName) else {
            throw words.wrong(word, expected: expected)
        }
        var setting = parts.count == 2 ? String(parts[1]) : ""
        if setting.isEmpty, let next = words.peek(), next.lowered != "back" {
            guard isName(Substring(next.text)) else {
                throw words.wrong(next, expected: "a setting name or back")
            }
            setting = next.text
            _ = try words.next(expecting: "a setting")
        }
        let step = words.skip("back") ? -1 : 1
        return .cycle(component: String(parts[0]), setting: setting, step: step)
    }

    static func parseScale(_ words: inout WordCursor) throws(CommandSyntaxError)
        -> EngineCommand
    {
        let component = try words.next(expecting: "a component, such as backend")
        guard isName(Substring(component.text)) else {
            throw words.wrong(component, expected: "a component, such as backend")
        }
        let expected = "a signed change such as +2 or -1"
        let change = try words.next(expecting: expected)
        guard let sign = change.text.first, sign == "+" || sign == "-",
            let delta = NumberWord.integer(change.text), delta != 0
        else {
            throw words.wrong(change, expected: expected)
        }
        return .scale(component: component.text, delta: delta)
    }

    /// A component or node name: `db`, `db.shard-2`, `cache.node-1`.
    static func targetName(_ words: inout WordCursor) throws(CommandSyntaxError) -> String {
        let expected = "a component or node, such as db or db.shard-2"
        let word = try words.next(expecting: expected)
        let parts = word.text.split(separator: ".", omittingEmptySubsequences: false)
        guard word.text.count <= nameLengthLimit, parts.allSatisfy(isName) else {
            throw words.wrong(word, expected: expected)
        }
        return word.text
    }

    /// Letters, digits, `-` and `_`, as the engine names things.
    static func isName(_ text: Substring) -> Bool {
        !text.isEmpty && text.count <= nameLengthLimit
            && text.unicodeScalars.allSatisfy {
                ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9")
                    || $0 == "-" || $0 == "_"
            }
    }

    private static func isValue(_ text: Substring) -> Bool {
        !text.isEmpty && text.count <= nameLengthLimit && !text.contains("=")
    }
}
