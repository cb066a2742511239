import Foundation
import XCTest

@testable import CLI
@testable import Model
@testable import Reporting
@testable import Support

/// Skipped files are counted by reason (listed with `--verbose`) and are never errors in any
/// format; findings are counted by category and rule at the end of the text report and in JSON.
final class OutputSummaryTests: XCTestCase {
    static let token = "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"

    func finding(_ rule: String, _ category: RuleCategory, _ severity: Severity, line: Int) -> Finding {
        Finding(
            rule: rule, category: category, severity: severity, file: "a.js", line: line, column: 1, endLine: line,
            endColumn: 5, message: "m", snippet: "s", fingerprint: String(repeating: "0", count: 64))
    }

    /// Two binary files, one too large, one FIFO, no finding and no error.
    func skipsOnly() -> ScanResult {
        var result = ScanResult()
        result.issues = [
            ScanIssue(file: "img/a.png", kind: .binary, message: "binary file (NUL byte in the first 8 KiB)"),
            ScanIssue(file: "img/b.png", kind: .binary, message: "binary file (NUL byte in the first 8 KiB)"),
            ScanIssue(file: "dump.sql", kind: .tooLarge, message: "larger than --max-file-size (9 > 1 bytes)"),
            ScanIssue(file: "pipe", kind: .notRegular, message: "not a regular file"),
        ]
        result.filesScanned = 3
        return result
    }

    func render(_ format: ReportFormat, _ result: ScanResult, verbose: Bool = false) -> String {
        format.reporter.render(ReportInput(result: result, rules: [], toolVersion: "t", verbose: verbose))
    }

    func summary(_ json: String) throws -> [String: Any] {
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return try XCTUnwrap(report["summary"] as? [String: Any])
    }

    func testTextCountsSkipsByReasonAndListsThemOnlyWhenVerbose() {
        let text = render(.text, skipsOnly())
        XCTAssertTrue(
            text.hasSuffix(
                "0 errors, 0 warnings, 0 notes, 2 binary files skipped, 1 file over --max-file-size skipped, 1 non-regular file skipped\n"
            ), text)
        XCTAssertFalse(text.contains("img/a.png"), text)
        XCTAssertFalse(text.contains("by rule"), "no count table without findings: \(text)")
        XCTAssertEqual(text.split(separator: "\n").count, 1, text)
        let verbose = render(.text, skipsOnly(), verbose: true)
        for path in ["img/a.png", "img/b.png", "dump.sql", "pipe"] {
            XCTAssertTrue(verbose.contains("skipped \(path): "), verbose)
        }
    }

    func testJSONCountsSkipsAndKeepsErrorsForRealErrors() throws {
        var result = skipsOnly()
        result.issues.append(ScanIssue(file: "locked.sh", kind: .unreadable, message: "cannot open: Permission denied"))
        let plain = try summary(render(.json, result))
        XCTAssertEqual(plain["skipped"] as? [String: Int], ["binary": 2, "tooLarge": 1, "notRegular": 1])
        XCTAssertEqual((plain["errors"] as? [[String: String]])?.map { $0["file"] }, ["locked.sh"])
        XCTAssertNil(plain["skippedFiles"], "paths only with --verbose")
        let verbose = try summary(render(.json, result, verbose: true))
        XCTAssertEqual(
            verbose["skippedFiles"] as? [String: [String]],
            ["binary": ["img/a.png", "img/b.png"], "tooLarge": ["dump.sql"], "notRegular": ["pipe"]])
        // An unreadable file is an error in the text report too.
        XCTAssertTrue(render(.text, result).contains("error locked.sh: cannot read: cannot open"))
        XCTAssertTrue(render(.text, result).contains(", 1 unreadable,"))
    }

    /// A skipped binary file is an error nowhere: no failing test case, annotation, Code Quality
    /// issue, checkstyle error, compact line or SARIF error notification.
    func testSkippedFilesAreNoErrorInAnyFormat() throws {
        let result = skipsOnly()
        XCTAssertTrue(render(.junit, result).contains("failures=\"0\""))
        XCTAssertFalse(render(.checkstyle, result).contains("<error"))
        XCTAssertEqual(render(.github, result), "")
        XCTAssertEqual(render(.compact, result), "")
        XCTAssertEqual(render(.gitlab, result), "[]\n")
        let sarif = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(render(.sarif, result).utf8)) as? [String: Any])
        let run = try XCTUnwrap((sarif["runs"] as? [[String: Any]])?.first)
        let invocation = try XCTUnwrap((run["invocations"] as? [[String: Any]])?.first)
        XCTAssertEqual(invocation["executionSuccessful"] as? Bool, true)
        let notes = try XCTUnwrap(invocation["toolExecutionNotifications"] as? [[String: Any]])
        XCTAssertEqual(notes.map { $0["level"] as? String }, ["note", "note", "note"], "one note per reason")
        XCTAssertEqual(
            (notes.first?["message"] as? [String: Any])?["text"] as? String, "2 binary files skipped")
        // With --verbose, one note per file, still notes.
        let verbose = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(render(.sarif, result, verbose: true).utf8)) as? [String: Any])
        let verboseRun = try XCTUnwrap((verbose["runs"] as? [[String: Any]])?.first)
        let verboseNotes = try XCTUnwrap(
            ((verboseRun["invocations"] as? [[String: Any]])?.first)?["toolExecutionNotifications"]
                as? [[String: Any]])
        XCTAssertEqual(verboseNotes.count, 4)
        XCTAssertTrue(verboseNotes.allSatisfy { $0["level"] as? String == "note" })
    }

    func testCountTableIsSortedByCountThenIdInTextAndJSON() throws {
        var result = ScanResult()
        result.findings = [
            finding("private-key-pem", .hardcodedCredential, .error, line: 1),
            finding("insecure-http-url", .insecureTransport, .warning, line: 2),
            finding("private-key-pem", .hardcodedCredential, .warning, line: 3),
            finding("credential-in-log", .loggedCredential, .note, line: 4),
            finding("private-key-pem", .hardcodedCredential, .error, line: 5),
        ]
        result.filesScanned = 1
        let text = render(.text, result)
        let table = text.split(separator: "\n").drop { !$0.hasPrefix("by category:") }.map(String.init)
        XCTAssertEqual(
            Array(table.prefix(8)),
            [
                "by category:",
                "  hardcoded-credential      3  2 errors, 1 warning",
                "  insecure-transport        1  1 warning",
                "  logged-credential         1  1 note",
                "by rule:",
                "  private-key-pem           3  2 errors, 1 warning",
                "  credential-in-log         1  1 note",
                "  insecure-http-url         1  1 warning",
            ], text)
        XCTAssertTrue(table.last?.hasPrefix("1 file ") == true, "the summary line stays last: \(text)")
        let json = try summary(render(.json, result))
        let byRule = try XCTUnwrap(json["byRule"] as? [[String: Any]])
        XCTAssertEqual(
            byRule.map { $0["rule"] as? String }, ["private-key-pem", "credential-in-log", "insecure-http-url"])
        XCTAssertEqual(byRule.first?["count"] as? Int, 3)
        XCTAssertEqual(byRule.first?["category"] as? String, "hardcoded-credential")
        XCTAssertEqual(byRule.first?["severity"] as? [String: Int], ["error": 2, "warning": 1])
        let byCategory = try XCTUnwrap(json["byCategory"] as? [[String: Any]])
        XCTAssertEqual(
            byCategory.map { $0["category"] as? String },
            ["hardcoded-credential", "insecure-transport", "logged-credential"])
        XCTAssertEqual(byCategory.map { $0["count"] as? Int }, [3, 1, 1])
    }

    /// Past 20 rules the text table says how many more (all of them with --verbose); JSON has all.
    func testLongRuleTableIsCutWithoutVerbose() throws {
        var result = ScanResult()
        result.findings = (0..<25).flatMap { i in
            (0...(i == 0 ? 2 : 0)).map { _ in
                finding("rule-\(String(format: "%02d", i))", .hardcodedCredential, .error, line: i + 1)
            }
        }
        let text = render(.text, result)
        // Padded to the 24-column key and the 2-digit total: most first, then by id.
        XCTAssertTrue(text.contains("  rule-00" + String(repeating: " ", count: 20) + "3  3 errors\n  rule-01"), text)
        XCTAssertTrue(text.contains("  rule-19  "), text)
        XCTAssertFalse(text.contains("  rule-20  "), text)
        XCTAssertTrue(
            text.contains("  … 5 more rules with 5 findings (all with --verbose, or JSON summary.byRule)\n"), text)
        let verbose = render(.text, result, verbose: true)
        XCTAssertTrue(verbose.contains("  rule-24  "), verbose)
        XCTAssertFalse(verbose.contains("more rules"), verbose)
        XCTAssertEqual((try summary(render(.json, result))["byRule"] as? [Any])?.count, 25)
    }

    /// The built binary on a tree with a binary file: counted, listed only with --verbose, and
    /// not under `summary.errors`.
    func testBinaryFileIsCountedNotListedEndToEnd() throws {
        let dir = try TestSupport.temporaryDirectory()
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]).write(to: URL(fileURLWithPath: dir + "/logo.png"))
        try TestSupport.write("T=\"\(Self.token)\"\n", to: dir + "/env.sh")
        let text = try TestSupport.authlint(["scan", "."], cwd: dir)
        XCTAssertEqual(text.status, 1, text.stderr)
        XCTAssertFalse(text.stdout.contains("logo.png"), text.stdout)
        XCTAssertTrue(text.stdout.contains(", 1 binary file skipped"), text.stdout)
        XCTAssertTrue(text.stdout.contains("by rule:\n  github-personal-access-token"), text.stdout)
        let verbose = try TestSupport.authlint(["scan", ".", "--verbose"], cwd: dir)
        XCTAssertTrue(verbose.stdout.contains("skipped logo.png: binary file"), verbose.stdout)
        let json = try summary(try TestSupport.authlint(["scan", ".", "--format", "json"], cwd: dir).stdout)
        XCTAssertEqual((json["errors"] as? [Any])?.count, 0)
        XCTAssertEqual((json["skipped"] as? [String: Int])?["binary"], 1)
    }
}

/// `--color auto|always|never` with `NO_COLOR` and `FORCE_COLOR`.
final class ColorChoiceTests: XCTestCase {
    func testEveryModeTerminalAndEnvironmentCombination() {
        let environments: [(String, [String: String])] = [
            ("none", [:]), ("NO_COLOR", ["NO_COLOR": "1"]), ("FORCE_COLOR", ["FORCE_COLOR": "1"]),
            ("both", ["NO_COLOR": "1", "FORCE_COLOR": "1"]), ("FORCE_COLOR=0", ["FORCE_COLOR": "0"]),
            ("empty NO_COLOR", ["NO_COLOR": ""]),
        ]
        // Expected colour for (terminal, file) = (true, false), (false, false), (true, true) per environment.
        let auto: [String: [Bool]] = [
            "none": [true, false, false], "NO_COLOR": [false, false, false], "FORCE_COLOR": [true, true, true],
            "both": [true, true, true], "FORCE_COLOR=0": [true, false, false], "empty NO_COLOR": [true, false, false],
        ]
        let outputs = [(true, false), (false, false), (true, true)]
        for (name, environment) in environments {
            for (index, (terminal, file)) in outputs.enumerated() {
                func enabled(_ choice: ColorChoice) -> Bool {
                    choice.enabled(stdoutIsTerminal: terminal, writesToFile: file, environment: environment)
                }
                let context = "\(name), terminal \(terminal), file \(file)"
                XCTAssertEqual(enabled(.auto), auto[name]![index], "auto, \(context)")
                XCTAssertTrue(enabled(.always), "always, \(context)")
                XCTAssertFalse(enabled(.never), "never, \(context)")
            }
        }
    }

    /// The binary through a pipe: no colour by default or with NO_COLOR; colour with `always`
    /// and with FORCE_COLOR; `never` beats FORCE_COLOR; JSON is never coloured; a bad value is a
    /// usage error.
    func testPipeRunsHonourFlagAndEnvironment() throws {
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write("T=\"\(OutputSummaryTests.token)\"\n", to: dir + "/env.sh")
        func coloured(_ args: [String], _ environment: [String: String] = [:]) throws -> Bool {
            let run = try TestSupport.run(
                TestSupport.binary, ["scan", "."] + args, cwd: dir,
                environment: ["NO_COLOR": "", "FORCE_COLOR": ""].merging(environment) { $1 })
            XCTAssertEqual(run.status, 1, "\(args) \(environment): \(run.stderr)")
            return run.stdout.contains("\u{1B}[")
        }
        XCTAssertFalse(try coloured([]))
        XCTAssertTrue(try coloured(["--color", "always"]))
        XCTAssertTrue(try coloured(["--color=always"], ["NO_COLOR": "1"]))
        XCTAssertTrue(try coloured([], ["FORCE_COLOR": "1"]))
        XCTAssertFalse(try coloured([], ["NO_COLOR": "1"]))
        XCTAssertFalse(try coloured(["--color", "never"], ["FORCE_COLOR": "1"]))
        XCTAssertFalse(try coloured(["--color", "always", "--format", "json"]))
        let bad = try TestSupport.authlint(["scan", "--color", "sometimes", dir])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("--color must be auto, always or never, got 'sometimes'"), bad.stderr)
    }
}
