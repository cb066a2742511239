import Foundation
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

/// The redaction invariant, checked from outside the scanner: every fire example of every rule
/// goes through every output format (and the LSP's diagnostics and code actions), and no
/// credential literal of the example may show in full. The literals are found here by shape,
/// independently of the scanner's own secret ranges (which would make the test circular).
final class RedactionInvariantTests: XCTestCase {
    /// Any run of this many characters of a literal showing counts as a leak: redaction keeps 4.
    static let leakWindow = 12

    func testNoFireExampleLeaksACredentialLiteralInAnyFormat() throws {
        let rules = try RuleLoader.builtinRules()
        let scanner = try TestSupport.builtinScanner()
        var leaks: [String] = []
        for rule in rules {
            for example in rule.fireExamples {
                let result = scanner.scan(file: SourceFile(path: example.file, bytes: Array(example.code.utf8)))
                // The catalog entries of the rules that fired (as the CLI's SARIF carries them);
                // what a format prints for them and the findings' places, without the findings'
                // own texts, is documentation, not a leak.
                let fired = Set((result.findings + result.unusedSuppressions).map(\.rule))
                let catalog = rules.filter { fired.contains($0.id) }
                let outputs = Self.renderEverywhere(result, rules: catalog, example: example)
                let documentation = Self.renderEverywhere(
                    TestSupport.withoutFindingTexts(result), rules: catalog, example: example)
                for literal in CredentialLiterals.of(example.code, fileName: example.file) {
                    for ((format, text), (_, docs)) in zip(outputs, documentation) {
                        if let shown = Self.leakedPart(of: literal, in: text), !docs.contains(shown) {
                            if leaks.last?.hasPrefix("\(rule.id) [\(example.file)]") == true { continue }
                            leaks.append("\(rule.id) [\(example.file)] \(format) shows '\(shown)' of '\(literal)'")
                        }
                    }
                }
            }
        }
        XCTAssertTrue(leaks.isEmpty, "credential literals shown unredacted:\n" + leaks.joined(separator: "\n"))
    }

    /// The credential-carrying shapes the five leaking rules reported in full, whatever the rule.
    func testEveryRuleMasksTheCredentialsOnItsLine() throws {
        let scanner = try TestSupport.builtinScanner()
        let cases: [(file: String, code: String, secret: String)] = [
            (
                "client.swift",
                "let url = URL(string: \"http://api.reeflow.com/v1?api_key=Zq8wX2rT5yU7iO9p\")!\nURLSession.shared.dataTask(with: url)",
                "Zq8wX2rT5yU7iO9p"
            ),
            (
                "hook.py",
                "requests.post(\"http://hooks.example-chat.io/webhooks/T0A1B2C3D/B4E5F6G7H/Xk9Lm2Nq8Rs4Tv6W\", json=body)",
                "Xk9Lm2Nq8Rs4Tv6W"
            ),
            (
                "fetch.js", "fetch('http://ghp9Zq8wX2rT5yU7iO9pA1s2@git.internal.corp/repo.git')",
                "ghp9Zq8wX2rT5yU7iO9pA1s2"
            ),
            (
                "go.go",
                "req, _ := http.NewRequest(\"GET\", \"http://api.reeflow.com/v1\", nil)\nreq.Header.Set(\"Authorization\", \"Bearer Zq8wX2rT5yU7iO9pWq\")\nreq.Header.Set(\"X-API-Key\", \"Lk3Jh5Gf7Ds9Aa1Ss2\")",
                "Lk3Jh5Gf7Ds9Aa1Ss2"
            ),
        ]
        for item in cases {
            let result = scanner.scan(file: SourceFile(path: item.file, bytes: Array(item.code.utf8)))
            XCTAssertFalse(result.findings.isEmpty, item.code)
            for finding in result.findings {
                XCTAssertFalse(finding.snippet.contains(item.secret), "\(finding.rule): \(finding.snippet)")
                XCTAssertFalse(finding.message.contains(item.secret), "\(finding.rule): \(finding.message)")
            }
        }
    }

    /// Unused-suppression notes show the directive, and what follows it on the line is scrubbed.
    func testUnusedSuppressionNotesDoNotShowTheRestOfTheLine() throws {
        let scanner = try TestSupport.builtinScanner()
        let code = "/* authlint:ignore mixed-auth-headers */ const opts = { password: \"Zq8wX2rT5yU7iO9p\" };\n"
        let result = scanner.scan(file: SourceFile(path: "a.js", bytes: Array(code.utf8)))
        for note in result.unusedSuppressions + result.findings {
            XCTAssertFalse(note.snippet.contains("Zq8wX2rT5yU7iO9p"), note.snippet)
        }
    }

    /// The literal in full, or any `leakWindow` characters of it past the 4 that redaction keeps.
    static func leakedPart(of literal: String, in text: String) -> String? {
        if text.contains(literal) { return literal }
        let characters = Array(literal)
        guard characters.count >= 4 + leakWindow else { return nil }
        for start in 4...(characters.count - leakWindow) {
            let window = String(characters[start..<(start + leakWindow)])
            if text.contains(window) { return window }
        }
        return nil
    }

    /// Every report format, plus LSP diagnostics and code actions, for one scanned example.
    static func renderEverywhere(_ result: ScanResult, rules: [RuleDefinition], example: RuleDefinition.Example) -> [(
        String, String
    )] {
        var outputs: [(String, String)] = []
        var withNotes = result
        withNotes.findings += result.unusedSuppressions
        for format in ReportFormat.allCases {
            // JSON escapes `/` as `\/`; undo it so a literal with a slash is still recognised.
            let text = format.reporter.render(ReportInput(result: withNotes, rules: rules))
            outputs.append((format.rawValue, text.replacingOccurrences(of: "\\/", with: "/")))
        }
        let document = TextDocument(
            uri: "file:///tmp/" + example.file, path: "/tmp/" + example.file, version: 1, text: example.code)
        let byID = Dictionary(rules.map { ($0.id, $0) }) { first, _ in first }
        let diagnostics = withNotes.findings.map {
            LSPDiagnostics.diagnostic($0, in: document, rule: byID[$0.rule]).render(pretty: false)
        }
        outputs.append(
            ("lsp-diagnostics", diagnostics.joined(separator: "\n").replacingOccurrences(of: "\\/", with: "/")))
        let actions = LSPCodeActions.actions(findings: withNotes.findings, document: document, lines: 0...100_000) {
            byID[$0]
        }
        outputs.append(
            (
                "lsp-code-actions",
                actions.map { $0.render(pretty: false) }.joined(separator: "\n").replacingOccurrences(
                    of: "\\/", with: "/")
            ))
        return outputs
    }
}

/// Messages reach every format, the LSP included: no rule may put secret text in one.
final class MessageHygieneTests: XCTestCase {
    func testCredentialsInURLMessageHoldsNoPieceOfAPasswordWithAt() throws {
        let scanner = try TestSupport.builtinScanner()
        let code = "DATABASE_URL = \"postgres://app:Zq8w@X2rT5yU7@db.acme-corp.io/app\"\n"
        let findings = scanner.scan(file: SourceFile(path: "settings.py", bytes: Array(code.utf8))).findings
        let inURL = findings.filter { $0.rule == "credentials-in-url" }
        XCTAssertEqual(inURL.count, 1, "\(findings.map(\.rule))")
        for finding in findings {
            XCTAssertFalse(finding.message.lowercased().contains("x2rt5yu7"), finding.message)
            XCTAssertFalse(finding.snippet.contains("X2rT5yU7"), finding.snippet)
        }
        XCTAssertTrue(inURL.first?.message.contains("to db.acme-corp.io") == true, inURL.first?.message ?? "")
    }
}

/// `secretless` is said in the rule file and checked by the loader; it spares the rule's own
/// group only, never what the engine's scrubbers find on the line.
final class SecretlessFlagTests: XCTestCase {
    private func rule(category: String, extra: String) -> [UInt8] {
        Array(
            #"{"id": "x-flag", "category": "\#(category)", "severity": "error", "engine": "pattern", "summary": "s", "description": "d", "fix": "f", "keywords": ["wire"], "pattern": "wire=(\\S+)"\#(extra)}"#
                .utf8)
    }

    func testLoaderRejectsSecretlessOnCredentialRules() throws {
        XCTAssertThrowsError(
            try RuleLoader.parse(
                bytes: rule(category: "hardcoded-credential", extra: #", "secretless": true"#), source: "x-flag.json")
        ) { error in
            XCTAssertTrue("\(error)".hasPrefix("x-flag.json:1:") && "\(error)".contains("secretless"), "\(error)")
        }
        XCTAssertTrue(
            try RuleLoader.parse(
                bytes: rule(category: "logged-credential", extra: #", "secretless": true"#), source: "x-flag.json"
            ).secretless)
    }

    /// Before, every pattern rule of the transport, header and logging categories was secretless
    /// by category: its group showed in full. Now the group is masked unless the file says so.
    func testPatternRuleOfALoggingCategoryMasksItsGroupUnlessSecretless() throws {
        let masked = try RuleLoader.parse(bytes: rule(category: "logged-credential", extra: ""), source: "x-flag.json")
        let code = "wire=Zq8wX2rT5yU7iO9p\n"
        let engine = try ScanEngine(rules: [masked], settings: ScanSettings())
        let finding = try XCTUnwrap(
            engine.scan(file: SourceFile(path: "a.txt", bytes: Array(code.utf8))).findings.first)
        XCTAssertFalse(finding.snippet.contains("Zq8wX2rT5yU7iO9p"), finding.snippet)
        // A secretless rule still gets the engine's scrubbing of credential-named values.
        let spared = try RuleLoader.parse(
            bytes: rule(category: "logged-credential", extra: #", "secretless": true"#), source: "x-flag.json")
        let line = "wire=on password=Zq8wX2rT5yU7iO9p\n"
        let wide = try RuleLoader.parse(
            bytes: Array(
                String(decoding: rule(category: "logged-credential", extra: #", "secretless": true"#), as: UTF8.self)
                    .replacingOccurrences(of: #"wire=(\\S+)"#, with: #"wire=.*"#).utf8), source: "x-flag.json")
        for candidate in [spared, wide] {
            let engine = try ScanEngine(rules: [candidate], settings: ScanSettings())
            for finding in engine.scan(file: SourceFile(path: "a.txt", bytes: Array(line.utf8))).findings {
                XCTAssertFalse(finding.snippet.contains("Zq8wX2rT5yU7iO9p"), finding.snippet)
            }
        }
    }
}
