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

/// End-to-end tests of the built binary: the contracts the README documents (JSON report, exit codes).
final class CLITests: XCTestCase {
    func testJSONReportContractOnSamples() throws {
        let run = try TestSupport.authlint(["scan", "samples", "--format", "json"], cwd: TestSupport.packageRoot)
        XCTAssertEqual(run.status, 1, run.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let tool = try XCTUnwrap(report["tool"] as? [String: Any])
        XCTAssertEqual(tool["name"] as? String, "authlint")
        XCTAssertEqual(tool["version"] as? String, AuthLint.version)
        let findings = try XCTUnwrap(report["findings"] as? [[String: Any]])
        XCTAssertFalse(findings.isEmpty)
        let keys: Set<String> = [
            "rule", "category", "severity", "file", "line", "column", "endLine", "endColumn", "message", "snippet",
            "fingerprint", "related", "role",
        ]
        for finding in findings {
            XCTAssertEqual(Set(finding.keys), keys)
            XCTAssertTrue(
                (finding["file"] as! String).hasPrefix("samples/"), "paths are relative to the current directory")
            XCTAssertEqual((finding["fingerprint"] as! String).count, 64)
            XCTAssertGreaterThanOrEqual(finding["line"] as! Int, 1)
            XCTAssertGreaterThanOrEqual(finding["column"] as! Int, 1)
        }
        let summary = try XCTUnwrap(report["summary"] as? [String: Any])
        for key in [
            "filesScanned", "bytesScanned", "findings", "suppressed", "durationMs", "errors", "skipped", "byRule",
            "byCategory",
        ] {
            XCTAssertNotNil(summary[key], "summary.\(key)")
        }
        XCTAssertEqual(summary["findings"] as? Int, findings.count)
        // The seed's 64-character secret never appears in full.
        XCTAssertFalse(run.stdout.contains("a1b2c3d4e5f6789abcdef0123456789abcdef0123456789abcdef0123456789abc"))
    }

    func testCleanFolderExitsZero() throws {
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write("const url = process.env.API_URL;\nconsole.log('hello');\n", to: dir + "/a.js")
        let run = try TestSupport.authlint(["scan", dir])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.contains("1 file"), run.stdout)
    }

    func testUnknownFlagAndBadValuesExitTwo() throws {
        for args in [
            ["scan", "--frobnicate"], ["scan", "--format", "yaml"], ["scan", "--jobs", "zero"],
            ["scan", "--fail-on", "fatal"], ["explain", "no-such-rule"], ["scan", "/no/such/path"],
            ["scan", "--enable", "no-such-rule"],
        ] {
            let run = try TestSupport.authlint(args)
            XCTAssertEqual(run.status, 2, "\(args): \(run.stderr)")
            XCTAssertTrue(run.stderr.hasPrefix("authlint: "), "\(args): \(run.stderr)")
            XCTAssertEqual(run.stdout, "", "\(args)")
        }
    }

    func testBadUserRuleFileExitsTwoNamingFileAndPosition() throws {
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write(
            "{\n  \"id\": \"my-rule\",\n  \"categroy\": \"hardcoded-credential\"\n}\n", to: dir + "/rules/my-rule.json")
        let run = try TestSupport.authlint(["scan", "--rules", dir + "/rules", dir])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("my-rule.json:3:15: unknown key 'categroy'"), run.stderr)

        try TestSupport.write(
            "{\n  \"id\": \"my-rule\",\n  \"category\": \"hardcoded-credential\", \"severity\": \"error\", \"engine\": \"pattern\",\n  \"summary\": \"s\", \"description\": \"d\", \"fix\": \"f\", \"keywords\": [\"x\"],\n  \"pattern\": \"([a-z\"\n}\n",
            to: dir + "/rules/my-rule.json")
        let badRegex = try TestSupport.authlint(["scan", "--rules", dir + "/rules", dir])
        XCTAssertEqual(badRegex.status, 2)
        XCTAssertTrue(badRegex.stderr.contains("my-rule.json:5:14: invalid regular expression"), badRegex.stderr)

        try TestSupport.write("{ \"id\": \"my-rule\", }", to: dir + "/rules/my-rule.json")
        let badJSON = try TestSupport.authlint(["scan", "--rules", dir + "/rules", dir])
        XCTAssertEqual(badJSON.status, 2)
        XCTAssertTrue(badJSON.stderr.contains("my-rule.json:1:"), badJSON.stderr)
    }

    func testUserPatternRuleRuns() throws {
        let dir = try TestSupport.temporaryDirectory()
        let rule = """
            {"id": "acme-token", "category": "hardcoded-credential", "severity": "warning", "engine": "pattern",
             "summary": "ACME token", "description": "d", "fix": "f", "keywords": ["acme_"],
             "pattern": "\\\\b(acme_[a-z0-9]{12})\\\\b", "secretGroup": 1}
            """
        try TestSupport.write(rule, to: dir + "/rules/acme-token.json")
        try TestSupport.write("token = 'acme_q7vz2m9xw4tr'\n", to: dir + "/src/a.py")
        let run = try TestSupport.authlint(["scan", "--rules", dir + "/rules", "--fail-on", "warning", dir + "/src"])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stdout.contains("[acme-token]"), run.stdout)
        XCTAssertTrue(run.stdout.contains("acme…[redacted]"), run.stdout)
        XCTAssertFalse(run.stdout.contains("acme_q7vz2m9xw4tr"), run.stdout)
        let shown = try TestSupport.authlint(["scan", "--rules", dir + "/rules", "--show-secrets", dir + "/src"])
        XCTAssertTrue(shown.stdout.contains("acme_q7vz2m9xw4tr"), shown.stdout)
    }

    func testOutputIsIdenticalForOneAndTwoJobs() throws {
        let one = try TestSupport.authlint(
            ["scan", "samples", "--format", "json", "--jobs", "1"], cwd: TestSupport.packageRoot)
        let two = try TestSupport.authlint(
            ["scan", "samples", "--format", "json", "--jobs", "2"], cwd: TestSupport.packageRoot)
        func stable(_ s: String) -> String {
            s.replacingOccurrences(of: #""durationMs": \d+"#, with: "", options: .regularExpression)
        }
        XCTAssertEqual(stable(one.stdout), stable(two.stdout))
        XCTAssertFalse(one.stdout.isEmpty)
    }

    func testTextOutputStartsWithClickableLocation() throws {
        let run = try TestSupport.authlint(["scan", "samples/node-reportflow"], cwd: TestSupport.packageRoot)
        XCTAssertEqual(run.status, 1)
        let first = try XCTUnwrap(run.stdout.split(separator: "\n").first)
        XCTAssertTrue(first.hasPrefix("samples/node-reportflow/src/bad.js:2:"), String(first))
        XCTAssertFalse(run.stdout.contains("\u{1B}["), "no colours when stdout is not a terminal")
    }

    func testOutputFileIsWrittenAndStdoutStaysEmpty() throws {
        let dir = try TestSupport.temporaryDirectory()
        let out = dir + "/report.json"
        let run = try TestSupport.authlint(
            ["scan", "samples/node-reportflow", "--format", "json", "--output", out], cwd: TestSupport.packageRoot)
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stdout, "")
        let data = try Data(contentsOf: URL(fileURLWithPath: out))
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: data))
    }

    func testVersionRulesAndExplain() throws {
        XCTAssertEqual(try TestSupport.authlint(["--version"]).stdout, "authlint \(AuthLint.version)\n")
        let rules = try TestSupport.authlint(["rules"])
        XCTAssertEqual(rules.status, 0)
        XCTAssertTrue(rules.stdout.contains("hardcoded-appkey"))
        let explain = try TestSupport.authlint(["explain", "hardcoded-appkey"])
        XCTAssertEqual(explain.status, 0)
        XCTAssertTrue(explain.stdout.contains("Fix:"))
        XCTAssertTrue(explain.stdout.contains("const APP_KEY = 'hardcoded-key';"))
    }

    func testReadmeRuleTableIsCurrent() throws {
        let readme = try String(contentsOfFile: TestSupport.packageRoot + "/README.md", encoding: .utf8)
        let table = RulesCommand.markdownTable(try RuleLoader.builtinRules().sorted { $0.id < $1.id })
        XCTAssertTrue(readme.contains(table), "README rule table is stale: paste `authlint rules --format markdown`")
    }
}
