import XCTest

@testable import CLI
@testable import Config
@testable import Discovery
@testable import Engine
@testable import Facts
@testable import LSP
@testable import Lexing
@testable import Model
@testable import Prefilter
@testable import Reporting
@testable import Rules
@testable import Session
@testable import Support
@testable import Suppression

/// Precedence, per-role severity and message templates are rule-file data: bad values are
/// load errors naming the file and position, and the engine applies good ones.
final class RuleFileFieldsTests: XCTestCase {
    private func ruleFile(_ extra: String, id: String = "x-rule", category: String = "hardcoded-credential") -> [UInt8]
    {
        Array(
            #"{"id": "\#(id)", "category": "\#(category)", "severity": "error", "engine": "pattern", "summary": "s", "description": "d", "fix": "f", "keywords": ["xk_"], "pattern": "XK_[0-9]{8}"\#(extra)}"#
                .utf8)
    }

    private func assertLoadError(
        _ extra: String, category: String = "hardcoded-credential", mentions word: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertThrowsError(
            try RuleLoader.parse(bytes: ruleFile(extra, category: category), source: "x-rule.json"), extra,
            file: file, line: line
        ) { error in
            let text = "\(error)"
            XCTAssertTrue(text.hasPrefix("x-rule.json:1:"), text, file: file, line: line)
            XCTAssertTrue(text.contains(word), text, file: file, line: line)
        }
    }

    func testPrecedenceIsValidated() throws {
        XCTAssertEqual(
            try RuleLoader.parse(bytes: ruleFile(#", "precedence": "shape""#), source: "x-rule.json").precedence, .shape
        )
        XCTAssertEqual(try RuleLoader.parse(bytes: ruleFile(""), source: "x-rule.json").precedence, .provider)
        assertLoadError(#", "precedence": "highest""#, mentions: "precedence")
        assertLoadError(#", "precedence": 1"#, mentions: "precedence")
        assertLoadError(#", "precedence": "shape""#, category: "insecure-transport", mentions: "hardcoded-credential")
    }

    func testSeverityInIsValidated() throws {
        let rule = try RuleLoader.parse(bytes: ruleFile(#", "severityIn": {"test": "note"}"#), source: "x-rule.json")
        XCTAssertEqual(rule.severityIn, [.test: .note])
        assertLoadError(#", "severityIn": {"docs": "note"}"#, mentions: "docs")
        assertLoadError(#", "severityIn": {"test": "low"}"#, mentions: "severityIn.test")
        assertLoadError(#", "severityIn": "warning""#, mentions: "severityIn")
    }

    /// The engine caps severity in test files; other files keep the rule's severity.
    func testSeverityInCapsFindingsInTestFiles() throws {
        let rule = try RuleLoader.parse(bytes: ruleFile(#", "severityIn": {"test": "warning"}"#), source: "x-rule.json")
        let engine = try ScanEngine(rules: [rule], settings: ScanSettings())
        let code = Array("v = XK_73914682\n".utf8)
        XCTAssertEqual(
            engine.scan(file: SourceFile(path: "src/app.py", bytes: code)).findings.map(\.severity), [.error])
        XCTAssertEqual(
            engine.scan(file: SourceFile(path: "tests/test_app.py", bytes: code)).findings.map(\.severity), [.warning])
    }

    /// A provider format outranks a generic rule on the same value, whatever the rule ids.
    func testPrecedenceComesFromRuleFiles() throws {
        let generic = try RuleLoader.parse(
            bytes: ruleFile(#", "precedence": "generic""#, id: "a-guess"), source: "a-guess.json")
        let provider = try RuleLoader.parse(bytes: ruleFile("", id: "b-format"), source: "b-format.json")
        let engine = try ScanEngine(rules: [generic, provider], settings: ScanSettings())
        let found = engine.scan(file: SourceFile(path: "a.py", bytes: Array("v = XK_73914682\n".utf8))).findings
        XCTAssertEqual(found.map(\.rule), ["b-format"])
    }

    func testBuiltinMessagesMatchWhatTheirRulesFill() throws {
        XCTAssertNoThrow(try RuleImplementations.builtin.checkMessages(of: RuleLoader.builtinRules()))
    }

    func testMessageTemplatesAreValidated() throws {
        let structural =
            #"{"id": "x-rule", "category": "mixed-auth-headers", "severity": "error", "engine": "structural", "summary": "s", "description": "d", "fix": "f", "messages": {"twice": "{header is set twice"}}"#
        XCTAssertThrowsError(try RuleLoader.parse(bytes: Array(structural.utf8), source: "x-rule.json")) { error in
            XCTAssertTrue("\(error)".hasPrefix("x-rule.json:1:"), "\(error)")
            XCTAssertTrue("\(error)".contains("twice"), "\(error)")
        }
        assertLoadError(#", "messages": {"a": "text"}"#, mentions: "structural and project rules")

        // Against the code: a variant or placeholder the rule does not know, or one it needs missing.
        var rule = try XCTUnwrap(RuleLoader.builtinRules().first { $0.id == "duplicate-auth-header" })
        XCTAssertEqual(
            rule.message("twice", ["header": "X-API-Key"]),
            "X-API-Key is set twice for one request with different values: keep one")
        let good = rule.messages
        rule.messages["twice"] = MessageTemplate("{heder} is set twice", line: 7, column: 14)
        XCTAssertThrowsError(try RuleImplementations.builtin.checkMessages(of: [rule])) { error in
            XCTAssertTrue(
                "\(error)".hasSuffix(
                    "rules/duplicate-auth-header.json:7:14: unknown placeholder {heder} in message 'twice' (known: header)"
                ), "\(error)")
        }
        rule.messages = good
        rule.messages["thrice"] = MessageTemplate("three times", line: 9, column: 3)
        XCTAssertThrowsError(try RuleImplementations.builtin.checkMessages(of: [rule])) { error in
            XCTAssertTrue("\(error)".contains(":9:3: unknown message 'thrice'"), "\(error)")
        }
        rule.messages = good
        rule.messages["firstSet"] = nil
        XCTAssertThrowsError(try RuleImplementations.builtin.checkMessages(of: [rule])) { error in
            XCTAssertTrue("\(error)".contains("needs 'firstSet'"), "\(error)")
        }
    }

    func testTemplateRendering() throws {
        let template = try XCTUnwrap(MessageTemplate("{a} and {b}, {a} again", line: 1, column: 1))
        XCTAssertEqual(template.placeholders, ["a", "b"])
        XCTAssertEqual(template.render(["a": "x", "b": "{y}"]), "x and {y}, x again")
        XCTAssertNil(MessageTemplate("open { brace", line: 1, column: 1))
        XCTAssertNil(MessageTemplate("{}", line: 1, column: 1))
    }
}
