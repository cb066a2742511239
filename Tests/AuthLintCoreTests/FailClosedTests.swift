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

/// A file that was not fully checked (a rule cut short by its time budget, token-based rules
/// skipped) fails the run: exit 2, named in every report, so a CI gate never passes silently.
/// It used to print "skipped" and exit 0.
final class FailClosedTests: XCTestCase {
    static let token = "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"

    func userRule(id: String, keyword: String, pattern: String, allowlist: [String] = []) -> String {
        let allow = allowlist.map { "\"\($0)\"" }.joined(separator: ", ")
        return """
            {"id": "\(id)", "category": "hardcoded-credential", "severity": "error", "engine": "pattern",
             "summary": "test rule", "description": "a user rule for the fail-closed tests", "fix": "none",
             "keywords": ["\(keyword)"], "pattern": "\(pattern)", "placeholderCheck": false, "allowlist": [\(allow)]}
            """
    }

    func report(_ run: BoundedRun.Outcome, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        XCTAssertFalse(run.timedOut, "authlint did not finish", file: file, line: line)
        return try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], run.stderr, file: file,
            line: line)
    }

    func errors(_ report: [String: Any]) -> [[String: Any]] {
        (report["summary"] as? [String: Any])?["errors"] as? [[String: Any]] ?? []
    }

    /// A catastrophic user regex (`(a+)+$` on "aaa…ab") is cut short: exit 2 even though no
    /// finding reached --fail-on, named in text, JSON and SARIF; `--fail-on never` exits 0 but
    /// still reports it.
    func testRuleCutShortFailsTheRunAndIsNamedInEveryFormat() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try TestSupport.write(
            userRule(id: "evil-backtrack", keyword: "aaaa", pattern: "(a+)+$"), to: dir + "/rules/evil-backtrack.json")
        try TestSupport.write(String(repeating: "a", count: 3000) + "b\n", to: dir + "/src/evil.txt")
        try TestSupport.write("nothing to see\n", to: dir + "/src/ok.txt")

        let json = try BoundedRun.authlint(
            ["scan", "src", "--rules", "rules", "--format", "json"], cwd: dir, timeout: 60)
        XCTAssertEqual(json.status, 2, "a rule cut short must fail the run")
        let jsonReport = try report(json)
        let error = try XCTUnwrap(errors(jsonReport).first)
        XCTAssertEqual(error["file"] as? String, "src/evil.txt")
        XCTAssertEqual(error["kind"] as? String, "ruleTimeout")
        XCTAssertEqual(error["rule"] as? String, "evil-backtrack")
        XCTAssertEqual((jsonReport["summary"] as? [String: Any])?["notFullyChecked"] as? Int, 1)

        let text = try BoundedRun.authlint(["scan", "src", "--rules", "rules"], cwd: dir, timeout: 60)
        XCTAssertEqual(text.status, 2)
        XCTAssertTrue(
            text.stdout.contains("src/evil.txt: not fully checked: rule evil-backtrack was cut short"), text.stdout)
        XCTAssertTrue(text.stdout.contains("1 not fully checked"), text.stdout)
        XCTAssertTrue(text.stderr.contains("did not complete"), text.stderr)

        let sarif = try BoundedRun.authlint(
            ["scan", "src", "--rules", "rules", "--format", "sarif"], cwd: dir, timeout: 60)
        XCTAssertEqual(sarif.status, 2)
        let runs = try XCTUnwrap(try report(sarif)["runs"] as? [[String: Any]])
        let invocation = try XCTUnwrap((runs.first?["invocations"] as? [[String: Any]])?.first)
        XCTAssertEqual(invocation["executionSuccessful"] as? Bool, false)
        let notification = try XCTUnwrap((invocation["toolExecutionNotifications"] as? [[String: Any]])?.first)
        XCTAssertEqual(notification["level"] as? String, "error")
        XCTAssertEqual((notification["associatedRule"] as? [String: Any])?["id"] as? String, "evil-backtrack")
        XCTAssertTrue(
            ((notification["message"] as? [String: Any])?["text"] as? String)?.contains("src/evil.txt") == true)

        // The formats without a summary name the file and the rule too (an annotation, a failing
        // test case, a Code Quality issue), so a CI dashboard shows why the gate failed.
        for format in ["compact", "github", "gitlab", "junit", "checkstyle"] {
            let run = try BoundedRun.authlint(
                ["scan", "src", "--rules", "rules", "--format", format], cwd: dir, timeout: 60)
            XCTAssertEqual(run.status, 2, format)
            XCTAssertTrue(
                run.stdout.contains("src/evil.txt")
                    && run.stdout.contains("not fully checked: rule evil-backtrack was cut short"),
                "\(format): \(run.stdout)")
        }

        let never = try BoundedRun.authlint(
            ["scan", "src", "--rules", "rules", "--format", "json", "--fail-on", "never"], cwd: dir, timeout: 60)
        XCTAssertEqual(never.status, 0)
        XCTAssertEqual(errors(try report(never)).map { $0["kind"] as? String }, ["ruleTimeout"])

        // A clean run still passes, and its SARIF says the run was complete.
        let clean = try BoundedRun.authlint(
            ["scan", "src/ok.txt", "--rules", "rules", "--format", "sarif"], cwd: dir, timeout: 60)
        XCTAssertEqual(clean.status, 0)
        let cleanRuns = try XCTUnwrap(try report(clean)["runs"] as? [[String: Any]])
        XCTAssertEqual(
            (cleanRuns.first?["invocations"] as? [[String: Any]])?.first?["executionSuccessful"] as? Bool, true)
    }

    /// A user allowlist regex that backtracks catastrophically ran with no budget (hours on one
    /// secret). Now it is cut short: the finding is still reported (not allowlisted), the rule is
    /// named, and the run fails closed.
    func testCatastrophicAllowlistRegexIsCutShort() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try TestSupport.write(
            userRule(id: "evil-allowlist", keyword: "secret=", pattern: "secret=([a-z]+)", allowlist: ["(a+)+$"]),
            to: dir + "/rules/evil-allowlist.json")
        // Short enough to sit inside the keyword window; unanchored `(a+)+$` fails there in 2^60 ways.
        try TestSupport.write("secret=" + String(repeating: "a", count: 60) + "b\n", to: dir + "/src/app.txt")
        let run = try BoundedRun.authlint(
            ["scan", "src", "--rules", "rules", "--format", "json"], cwd: dir, timeout: 60)
        let json = try report(run)
        XCTAssertEqual(run.status, 2)
        let findings = json["findings"] as? [[String: Any]] ?? []
        XCTAssertEqual(findings.map { $0["rule"] as? String }, ["evil-allowlist"])
        XCTAssertEqual(errors(json).map { $0["kind"] as? String }, ["ruleTimeout"])
        XCTAssertEqual(errors(json).first?["rule"] as? String, "evil-allowlist")
        // The allowlist still works where it can finish.
        try TestSupport.write("secret=aaaa\n", to: dir + "/fine/app.txt")
        let fine = try BoundedRun.authlint(
            ["scan", "fine", "--rules", "rules", "--format", "json"], cwd: dir, timeout: 30)
        XCTAssertEqual(fine.status, 0)
        XCTAssertEqual((try report(fine)["findings"] as? [[String: Any]])?.count, 0)
    }

    /// Content over the lexing limit gets pattern rules only: a partial check, which fails closed.
    func testTokenRulesSkippedIsAnIncompleteCheck() throws {
        var settings = ScanSettings()
        settings.maxLexBytes = 64
        let engine = try TestSupport.builtinScanner(settings: settings)
        let source = "const APP_KEY = \"cnry_appkey_5d41402abc4b2a76b9719d91\";\nconst t = \"\(Self.token)\";\n"
        let result = engine.scan(file: SourceFile(path: "big.js", bytes: Array(source.utf8)))
        XCTAssertEqual(result.findings.map(\.rule), ["github-personal-access-token"], "pattern rules still ran")
        let issue = try XCTUnwrap(result.incompleteChecks.first)
        XCTAssertEqual(issue.kind, .partialCheck)
        XCTAssertEqual(issue.file, "big.js")
        XCTAssertTrue(issue.rules.contains("hardcoded-appkey"), "\(issue.rules)")
        XCTAssertTrue(issue.isIncompleteCheck)
        // Policy skips are counted, not failures.
        XCTAssertFalse(ScanIssue(file: "a.bin", kind: .binary, message: "binary").isIncompleteCheck)
        XCTAssertFalse(ScanIssue(file: "big", kind: .tooLarge, message: "over --max-file-size").isIncompleteCheck)
    }

    /// Standard input over the lexing limit (16 MiB), scanned whole, skips token rules: exit 2.
    /// (If stdin is one day scanned in windows, nothing is skipped and the run may pass.)
    func testStdinOverTheLexingLimitFailsClosedWhenTokenRulesAreSkipped() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let filler = String(repeating: "var a = function(b, c) { return b + c };\n", count: 17 * 1024 * 1024 / 40)
        let input = dir + "/input.js"
        try TestSupport.write("const APP_KEY = \"cnry_appkey_5d41402abc4b2a76b9719d91\";\n" + filler, to: input)
        let handle = try XCTUnwrap(FileHandle(forReadingAtPath: input))
        defer { try? handle.close() }
        let run = try BoundedRun.authlint(
            ["scan", "--stdin-filename", "app.js", "--format", "json", "--fail-on", "error"],
            cwd: dir, stdin: handle, timeout: 120)
        let json = try report(run)
        let kinds = errors(json).compactMap { $0["kind"] as? String }
        if kinds.contains("partialCheck") {
            XCTAssertEqual(run.status, 2, "token rules skipped must fail the run")
        } else {
            XCTAssertNotEqual(run.status, 2, "\(errors(json))")
        }
    }

    /// `ruleTimeout` in the config sets the budget: the catastrophic rule is cut short after about
    /// that long (a 0.2 s budget ends well before the default 2 s would), and a value outside
    /// 0.1...600 s is a config error naming the key, never an unbounded or zero budget.
    func testRuleTimeoutComesFromTheConfigAndIsBounded() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try TestSupport.write(
            userRule(id: "evil-backtrack", keyword: "aaaa", pattern: "(a+)+$"), to: dir + "/rules/evil-backtrack.json")
        try TestSupport.write(String(repeating: "a", count: 3000) + "b\n", to: dir + "/src/evil.txt")
        try TestSupport.write("{ \"ruleTimeout\": 0.2 }\n", to: dir + "/.authlint.json")
        let cut = try BoundedRun.authlint(
            ["scan", "src", "--rules", "rules", "--format", "json"], cwd: dir, timeout: 60)
        XCTAssertEqual(cut.status, 2)
        XCTAssertEqual(
            errors(try report(cut)).first?["message"] as? String, "rule evil-backtrack was cut short after 0.2 s")

        for bad in ["0", "1e9", "\"30\"", "-1"] {
            try TestSupport.write("{ \"ruleTimeout\": \(bad) }\n", to: dir + "/.authlint.json")
            let run = try BoundedRun.authlint(["scan", "src"], cwd: dir, timeout: 60)
            XCTAssertEqual(run.status, 2, bad)
            XCTAssertTrue(
                run.stderr.contains(".authlint.json:1:") && run.stderr.contains("'ruleTimeout' must be"), run.stderr)
        }
    }
}
