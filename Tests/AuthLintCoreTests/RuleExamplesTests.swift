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

/// The rule catalog as data: well-formed, embedded, and its scan-speed fields validated. Each
/// rule's own examples run in its generated `<PascalCaseId>RuleTests` (`RuleExampleHarness`).
final class RuleExamplesTests: XCTestCase {
    func testRuleCatalogIsWellFormed() throws {
        // Start-up skips compiling built-in expressions; this is where they must prove they compile.
        let rules = try RuleLoader.builtinRules(checkExpressions: true)
        XCTAssertEqual(Set(rules.map(\.id)).count, rules.count, "duplicate rule ids")
        for rule in rules {
            XCTAssertTrue(rule.source.hasSuffix("/\(rule.id).json"))
            if rule.engine == .structural || rule.engine == .project {
                XCTAssertTrue(
                    RuleImplementations.builtin.has(rule.id),
                    "\(rule.id) is \(rule.engine) but has no Swift implementation")
            }
            // The floor every rule meets: 5 firing and 5 passing examples over 3 languages/formats.
            XCTAssertGreaterThanOrEqual(rule.fireExamples.count, 5, "\(rule.id): fire examples")
            XCTAssertGreaterThanOrEqual(rule.passExamples.count, 5, "\(rule.id): pass examples")
            let formats = Set(
                (rule.fireExamples + rule.passExamples).map { example in
                    SourceFile(path: example.file, bytes: Array(example.code.utf8)).dialect
                })
            XCTAssertGreaterThanOrEqual(formats.count, 3, "\(rule.id): examples in \(formats.count) language families")
        }
        // Every Swift-coded rule has its metadata file.
        let ids = Set(rules.map(\.id))
        for id in RuleImplementations.builtin.fileRules.keys {
            XCTAssertTrue(ids.contains(id), "no rules/\(id).json for structural rule")
        }
        for id in RuleImplementations.builtin.projectRules.keys {
            XCTAssertTrue(ids.contains(id), "no rules/\(id).json for project rule")
        }
    }

    func testEmbeddedCatalogMatchesRulesFolder() throws {
        // rules/schema.json is the rule files' JSON Schema, not a rule.
        let onDisk = try RuleLoader.ruleFileNames(in: TestSupport.packageRoot + "/rules")
        XCTAssertEqual(onDisk, embeddedRuleFiles.map(\.name).sorted())
    }

    /// The scan-speed fields are data too, and bad values are errors naming the file and
    /// position, never a crash (`Int(1e300)` would trap) or a silent default.
    func testWindowReachAndCaseSensitiveKeywordsAreValidated() throws {
        func rule(_ extra: String) -> [UInt8] {
            Array(
                #"{"id": "x-key", "category": "hardcoded-credential", "severity": "error", "engine": "pattern", "summary": "s", "description": "d", "fix": "f", "keywords": ["XK_"], "pattern": "XK_[0-9]{8}"\#(extra)}"#
                    .utf8)
        }
        let ok = try RuleLoader.parse(
            bytes: rule(#", "windowReach": 64, "caseSensitiveKeywords": true"#), source: "x-key.json")
        XCTAssertEqual(ok.windowReach, 64)
        XCTAssertTrue(ok.caseSensitiveKeywords)
        for bad in [
            #", "windowReach": 1e300"#, #", "windowReach": 8"#, #", "windowReach": 100.5"#, #", "windowReach": "64""#,
            #", "caseSensitiveKeywords": "yes""#,
        ] {
            XCTAssertThrowsError(try RuleLoader.parse(bytes: rule(bad), source: "x-key.json"), bad) { error in
                let text = "\(error)"
                XCTAssertTrue(text.hasPrefix("x-key.json:1:"), text)
                XCTAssertTrue(text.contains("windowReach") || text.contains("caseSensitiveKeywords"), text)
            }
        }
        // Exact-case keywords: `xk_` in lower case opens no window, `XK_` does.
        let engine = try ScanEngine(rules: [ok], settings: ScanSettings())
        XCTAssertEqual(
            engine.scan(file: SourceFile(path: "a.txt", bytes: Array("v = XK_73914682".utf8))).findings.count, 1)
        XCTAssertEqual(
            engine.scan(file: SourceFile(path: "a.txt", bytes: Array("v = xk_12345678 XK_".utf8))).findings.count, 0)
    }

    /// Fire examples carry their location and count; typos and misplaced markers are errors.
    func testExampleMarkersAreValidated() throws {
        func rule(_ fire: String, pass: String = #"{"file": "b.txt", "code": "y"}"#) -> [UInt8] {
            Array(
                #"{"id": "x-key", "category": "hardcoded-credential", "severity": "error", "engine": "pattern", "summary": "s", "description": "d", "fix": "f", "keywords": ["XK_"], "pattern": "XK_[0-9]{8}", "examples": {"fire": [\#(fire)], "pass": [\#(pass)]}}"#
                    .utf8)
        }
        let ok = try RuleLoader.parse(
            bytes: rule(#"{"file": "a.txt", "code": "v = XK_1 XK_1", "at": "XK_1", "occurrence": 2, "count": 3}"#),
            source: "x-key.json")
        XCTAssertEqual(ok.fireExamples.first?.at, "XK_1")
        XCTAssertEqual(ok.fireExamples.first?.occurrence, 2)
        XCTAssertEqual(ok.fireExamples.first?.count, 3)
        for bad in [
            rule(#"{"file": "a.txt", "code": "v", "at": "not in the code"}"#),
            rule(#"{"file": "a.txt", "code": "v", "count": 0}"#),
            rule(#"{"file": "a.txt", "code": "v", "cuont": 2}"#),
            rule(#"{"file": "a.txt", "code": "v"}"#, pass: #"{"file": "b.txt", "code": "y", "at": "y"}"#),
        ] {
            XCTAssertThrowsError(try RuleLoader.parse(bytes: bad, source: "x-key.json")) { error in
                XCTAssertTrue("\(error)".hasPrefix("x-key.json:1:"), "\(error)")
            }
        }
    }
}
