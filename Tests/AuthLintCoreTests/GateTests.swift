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

/// CI-gate behaviour: baselines, inline suppressions, configuration errors.
final class GateTests: XCTestCase {
    func testBaselineSurvivesMovedLinesAndCatchesNewSecrets() throws {
        let dir = try TestSupport.temporaryDirectory()
        let secret = "rf_Q8w2Er5Ty9Ui3Op7"
        try TestSupport.write("const APP_KEY = '\(secret)';\n", to: dir + "/a.js")
        let write = try TestSupport.authlint(["scan", "a.js", "--write-baseline", "base.json"], cwd: dir)
        XCTAssertEqual(write.status, 0, "writing a baseline is not a failed gate: \(write.stderr)")
        XCTAssertEqual(write.stdout, "", "the findings are recorded, not printed")
        XCTAssertEqual(write.stderr, "authlint: wrote 1 finding to base.json\n")
        let baseline = try String(contentsOfFile: dir + "/base.json", encoding: .utf8)
        XCTAssertFalse(
            baseline.contains(secret) || baseline.contains("rf_Q"), "a baseline holds fingerprints, not secrets")
        // (A date pattern, not "20": the random salt's hex may hold those digits.)
        XCTAssertNil(
            baseline.range(of: #"20\d\d-\d\d-\d\d|\d\d:\d\d:\d\d"#, options: .regularExpression), "no timestamps")

        // Lines inserted above: still known.
        try TestSupport.write("// header\n\n\nconst APP_KEY = '\(secret)';\n", to: dir + "/a.js")
        let moved = try TestSupport.authlint(["scan", "a.js", "--baseline", "base.json", "--format", "json"], cwd: dir)
        XCTAssertEqual(moved.status, 0, moved.stdout)
        XCTAssertTrue(moved.stdout.contains("\"suppressed\": 1"), moved.stdout)

        // A new secret on the baselined line is reported; the old entry becomes stale.
        try TestSupport.write("// header\n\n\nconst APP_KEY = 'rf_Zx7Cv4Bn1Mm8Kk2Jj5';\n", to: dir + "/a.js")
        let changed = try TestSupport.authlint(["scan", "a.js", "--baseline", "base.json", "--report-stale"], cwd: dir)
        XCTAssertEqual(changed.status, 1)
        XCTAssertTrue(changed.stderr.contains("stale baseline entry a.js [hardcoded-appkey]"), changed.stderr)

        // Rewriting a baseline gives the same bytes (no churn: its random salt is reused).
        XCTAssertEqual(try TestSupport.authlint(["scan", "a.js", "--write-baseline", "b1.json"], cwd: dir).status, 0)
        let first = try String(contentsOfFile: dir + "/b1.json", encoding: .utf8)
        XCTAssertEqual(try TestSupport.authlint(["scan", "a.js", "--write-baseline", "b1.json"], cwd: dir).status, 0)
        XCTAssertEqual(first, try String(contentsOfFile: dir + "/b1.json", encoding: .utf8))
    }

    func testInlineSuppressionsInSeveralCommentSyntaxes() throws {
        let scanner = try TestSupport.builtinScanner()
        let cases: [(String, String)] = [
            ("a.js", "const APP_KEY = 'rf_Q8w2Er5Ty9Ui3Op7'; // authlint:ignore hardcoded-appkey -- fixture"),
            ("a.py", "# authlint:ignore-next-line hardcoded-appkey\nAPP_KEY = 'rf_Q8w2Er5Ty9Ui3Op7'"),
            ("a.yaml", "appkey: 'rf_Q8w2Er5Ty9Ui3Op7' # authlint:ignore"),
            ("a.xml", "<!-- authlint:ignore-file hardcoded-appkey -->\n<cfg appkey=\"rf_Q8w2Er5Ty9Ui3Op7\"/>"),
        ]
        for (path, code) in cases {
            let result = scanner.scan(file: SourceFile(path: path, bytes: Array(code.utf8)))
            XCTAssertTrue(result.findings.isEmpty, "\(path): \(result.findings.map(\.rule))")
            XCTAssertEqual(result.suppressed.map(\.rule), ["hardcoded-appkey"], path)
        }
        // A directive for another rule, or on another line, suppresses nothing.
        for code in [
            "const APP_KEY = 'rf_Q8w2Er5Ty9Ui3Op7'; // authlint:ignore insecure-http-url",
            "// authlint:ignore hardcoded-appkey\n\nconst APP_KEY = 'rf_Q8w2Er5Ty9Ui3Op7';",
        ] {
            let result = scanner.scan(file: SourceFile(path: "b.js", bytes: Array(code.utf8)))
            XCTAssertEqual(result.findings.map(\.rule), ["hardcoded-appkey"], code)
        }
    }

    func testConfigurationErrorsNameKeyFileAndPosition() throws {
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write("const APP_KEY = 'rf_Q8w2Er5Ty9Ui3Op7';\n", to: dir + "/a.js")
        try TestSupport.write(
            "{\n  // comments are fine\n  \"exlude\": [\"vendor/\"]\n}\n", to: dir + "/.authlint.json")
        let typo = try TestSupport.authlint(["scan", "."], cwd: dir)
        XCTAssertEqual(typo.status, 2)
        XCTAssertTrue(
            typo.stderr.contains(".authlint.json:3:13: unknown key 'exlude' (did you mean 'exclude'?)"), typo.stderr)

        try TestSupport.write("{ \"rules\": { \"hardcoded-appkey\": \"loud\" } }", to: dir + "/.authlint.json")
        let badValue = try TestSupport.authlint(["scan", "."], cwd: dir)
        XCTAssertEqual(badValue.status, 2)
        XCTAssertTrue(badValue.stderr.contains("rule 'hardcoded-appkey'"), badValue.stderr)

        try TestSupport.write(
            "{ \"rules\": { \"hardcoded-appkey\": \"warning\" }, \"failOn\": \"error\" }", to: dir + "/.authlint.json")
        let downgraded = try TestSupport.authlint(["scan", "."], cwd: dir)
        XCTAssertEqual(downgraded.status, 0, "a warning does not fail at failOn error")
        XCTAssertTrue(downgraded.stdout.contains("warning[hardcoded-appkey]"), downgraded.stdout)

        let initDir = try TestSupport.temporaryDirectory()
        XCTAssertEqual(try TestSupport.authlint(["init"], cwd: initDir).status, 0)
        XCTAssertNoThrow(try Configuration.load(path: initDir + "/.authlint.json"), "the starter config is valid")
        let again = try TestSupport.authlint(["init"], cwd: initDir)
        XCTAssertEqual(again.status, 2, "init never overwrites")
    }

    func testStdinFilenameUsesTheNameForLanguageAndReports() throws {
        let run = try TestSupport.authlint(
            ["scan", "--stdin-filename", "src/client.py", "--format", "compact"],
            stdin: "APP_KEY = 'rf_Q8w2Er5Ty9Ui3Op7'\n")
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(
            run.stdout,
            "src/client.py:1:12: error: Report Flow appkey written literally (APP_KEY): load it from the environment or a secret manager [hardcoded-appkey]\n"
        )
    }
}
