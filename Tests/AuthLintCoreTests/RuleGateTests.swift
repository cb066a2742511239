import XCTest

@testable import Engine
@testable import Model
@testable import Prefilter
@testable import Rules

/// `wantsFile` gates decline a file before it is lexed; they must never decline one the rule's
/// `find` would report in (the findings-identical checks on the corpus are the other half).
final class RuleGateTests: XCTestCase, GateTesting {
    func testSinkGateWordsCoverEverySink() throws {
        let rule = try builtinRule("hardcoded-secret-at-sink")
        let keywords = Set(rule.keywords.map { Array($0.lowercased().utf8) })
        for word in HardcodedSecretAtSinkRule.sinkKeywords {
            XCTAssertTrue(keywords.contains(word), "\(String(decoding: word, as: UTF8.self)) is not a keyword: no hit")
        }
        let words =
            HardcodedSecretAtSinkRule.sinkKeywords.map { String(decoding: $0, as: UTF8.self) }
            + HardcodedSecretAtSinkRule.sinkWordsWithoutKeyword
        for sink in HardcodedSecretAtSinkRule.sinks {
            XCTAssertTrue(
                words.contains { sink.callee.contains($0) },
                "the gate would decline every file calling \(sink.callee)")
        }
    }

    func testSinkGateDeclinesFilesNamingNoSink() throws {
        let rule = try builtinRule("hardcoded-secret-at-sink")
        let gate = HardcodedSecretAtSinkRule()
        let declined = [
            ("form.py", "password = input('Password: ')\nprint(len(password))\n"),
            ("cookie.js", "document.cookie = 'theme=dark';\n"),
        ]
        for (path, text) in declined {
            XCTAssertFalse(gate.wantsFile(context(path, text, for: rule), rule), path)
        }
        let wanted = [
            ("db.py", "db.Connect(host='h', password='Pr0d-Secret')\n"),
            ("app.js", "app.use(cookieParser('keyboard cat'));\n"),
            ("token.js", "const t = JWT.sign(payload, 'shhhhh');\n"),
            ("pool.js", "mysql.createPool({ password: 'hunter22' });\n"),
        ]
        for (path, text) in wanted {
            let context = context(path, text, for: rule)
            XCTAssertTrue(gate.wantsFile(context, rule), path)
            XCTAssertFalse(gate.check(context, rule).isEmpty, "\(path): the gate let in a file the rule reports in")
        }
    }

    /// Every fire example of every gated structural rule passes its gate.
    func testGatesLetInEveryFireExample() throws {
        for rule in try RuleLoader.builtinRules() {
            guard let structural = RuleImplementations.builtin.fileRules[rule.id] else { continue }
            for (n, example) in rule.fireExamples.enumerated() {
                let path = example.file
                XCTAssertTrue(
                    structural.wantsFile(context(path, example.code, for: rule), rule),
                    "\(rule.id) fire example \(n + 1) (\(path)) is declined before lexing")
            }
        }
    }
}
