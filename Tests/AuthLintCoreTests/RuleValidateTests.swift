import Foundation
import XCTest

/// `authlint rules --validate DIR`: exit 0 when every rule loads and its examples behave, 1 when
/// an example fails, 2 when a rule file is invalid; every invalid file is named in one run.
final class RuleValidateTests: XCTestCase {
    static func rule(_ id: String, fire: String, at: String, pass: String) -> String {
        """
        {
          "id": "\(id)", "category": "hardcoded-credential", "severity": "error", "engine": "pattern",
          "summary": "Acme token written literally", "description": "d", "fix": "f",
          "keywords": ["acme_"], "pattern": "acme_[a-z0-9]{12}",
          "examples": {
            "fire": [{"file": "a.py", "code": \(quoted(fire)), "at": \(quoted(at))}],
            "pass": [{"file": "b.py", "code": \(quoted(pass))}]
          }
        }
        """
    }

    static func quoted(_ s: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: s, options: .fragmentsAllowed), as: UTF8.self)
    }

    static let good = rule(
        "acme-token", fire: "token = 'acme_q7vz2m9xw4tr'", at: "acme_", pass: "token = os.environ['ACME_TOKEN']")

    func validate(_ dir: String) throws -> TestSupport.RunResult {
        try TestSupport.authlint(["rules", "--validate", dir])
    }

    func testGoodFolderPassesAndSchemaCopyIsNotARule() throws {
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write(Self.good, to: dir + "/acme-token.json")
        // A copy of the schema beside the rules (for an editor) is not a rule file.
        try FileManager.default.copyItem(
            atPath: TestSupport.packageRoot + "/rules/schema.json", toPath: dir + "/schema.json")
        let run = try validate(dir)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertEqual(
            run.stdout, "PASS acme-token (1 fire, 1 pass examples)\n1 rule file: 1 passed, 0 failed, 0 invalid\n")
        // The same folder scans: what --validate accepts, --rules uses.
        try TestSupport.write("token = 'acme_q7vz2m9xw4tr'\n", to: dir + "/src/a.py")
        let scan = try TestSupport.authlint(["scan", "--rules", dir, dir + "/src"])
        XCTAssertEqual(scan.status, 1, scan.stderr)
        XCTAssertTrue(scan.stdout.contains("[acme-token]"), scan.stdout)
    }

    func testFailingExamplesExitOneAndSayWhy() throws {
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write(Self.good, to: dir + "/acme-token.json")
        // Fires, but not where `at` says; and fires on its pass example.
        let wrong = Self.rule(
            "acme-wrong", fire: "token = 'acme_q7vz2m9xw4tr'", at: "token", pass: "other = 'acme_a1b2c3d4e5f6'")
        try TestSupport.write(wrong, to: dir + "/acme-wrong.json")
        // Never fires: the example has no token of the pattern's shape.
        let silent = Self.rule("acme-silent", fire: "token = 'acme_'", at: "acme_", pass: "x = 1")
        try TestSupport.write(silent, to: dir + "/acme-silent.json")
        let run = try validate(dir)
        XCTAssertEqual(run.status, 1, run.stdout + run.stderr)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains("PASS acme-token (1 fire, 1 pass examples)"), run.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("FAIL acme-wrong") }, run.stdout)
        XCTAssertTrue(
            run.stdout.contains("fire example 1 (a.py): first finding at 1:10, expected 1:1 where \"token\" starts"),
            run.stdout)
        XCTAssertTrue(run.stdout.contains("pass example 1 (b.py): reported at 1:10"), run.stdout)
        XCTAssertTrue(run.stdout.contains("fire example 1 (a.py): no finding of the rule"), run.stdout)
        XCTAssertEqual(lines.last, "3 rule files: 1 passed, 2 failed, 0 invalid")
        XCTAssertFalse(run.stdout.contains("acme_q7vz2m9xw4tr"), "examples' secrets are never printed")
    }

    /// A pattern that runs out of its time budget on an example is named, not taken for a pass.
    func testExampleThatCutsTheRuleShortFails() throws {
        let dir = try TestSupport.temporaryDirectory()
        let evil = """
            {"id": "evil-backtrack", "category": "hardcoded-credential", "severity": "error", "engine": "pattern",
             "summary": "s", "description": "d", "fix": "f", "keywords": ["aaaa"], "pattern": "(a+)+$",
             "placeholderCheck": false,
             "examples": {"pass": [{"file": "evil.txt", "code": "\(String(repeating: "a", count: 3000))b"}]}}
            """
        try TestSupport.write(evil, to: dir + "/evil-backtrack.json")
        let run = try TestSupport.runWatched(TestSupport.binary, ["rules", "--validate", dir], cwd: dir, timeout: 60)
        XCTAssertFalse(run.timedOut)
        XCTAssertEqual(run.status, 1, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.contains("FAIL evil-backtrack"), run.stdout)
        XCTAssertTrue(run.stdout.contains("pass example 1 (evil.txt): not fully checked"), run.stdout)
    }

    func testInvalidFilesAreAllReportedAtOnceWithExitTwo() throws {
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write(Self.good, to: dir + "/acme-token.json")
        try TestSupport.write("{\"id\": \"typo\", \"categroy\": \"x\"}\n", to: dir + "/typo.json")
        try TestSupport.write("{\"id\": \"comma\",}\n", to: dir + "/comma.json")
        try TestSupport.write(Self.good, to: dir + "/renamed.json")  // id does not match the file name
        try TestSupport.write(
            Self.good.replacingOccurrences(of: "\"acme-token\"", with: "\"hardcoded-appkey\""),
            to: dir + "/hardcoded-appkey.json")
        let run = try validate(dir)
        XCTAssertEqual(run.status, 2, run.stdout + run.stderr)
        for expected in [
            "\(dir)/comma.json:1:16: expected a string key", "\(dir)/typo.json:1:28: unknown key 'categroy'",
            "\(dir)/renamed.json:2:9: rule id 'acme-token' does not match its file name",
            "\(dir)/hardcoded-appkey.json:1:1: rule id 'hardcoded-appkey' is already a built-in rule",
        ] {
            XCTAssertTrue(run.stdout.contains(expected), "missing \(expected) in:\n\(run.stdout)")
        }
        // The valid rule beside them is still checked.
        XCTAssertTrue(run.stdout.contains("PASS acme-token"), run.stdout)
        XCTAssertTrue(run.stdout.hasSuffix("5 rule files: 1 passed, 0 failed, 4 invalid\n"), run.stdout)
    }

    func testMissingOrEmptyFolderExitsTwo() throws {
        let dir = try TestSupport.temporaryDirectory()
        let empty = try validate(dir)
        XCTAssertEqual(empty.status, 2)
        XCTAssertTrue(empty.stderr.contains("no rule files"), empty.stderr)
        let missing = try validate(dir + "/nope")
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("\(dir)/nope"), missing.stderr)
    }
}
