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

/// Every report format rendered from one fixed, hand-built result and compared byte for byte with
/// `Golden/<format>.<ext>`: a change to any format shows as a diff in review. After reviewing
/// a deliberate change: `AUTHLINT_UPDATE_GOLDEN=1 swift test --skip-build --filter ReportGoldenTests`.
final class ReportGoldenTests: XCTestCase {
    static let folder = TestSupport.packageRoot + "/Tests/AuthLintCoreTests/Golden"

    static func fileName(_ format: ReportFormat) -> String {
        switch format {
        case .text, .github, .compact: return "\(format.rawValue).txt"
        case .json, .gitlab: return "\(format.rawValue).json"
        case .sarif: return "sarif.sarif"
        case .junit, .checkstyle: return "\(format.rawValue).xml"
        case .html: return "html.html"
        }
    }

    func testEveryFormatMatchesItsGoldenFile() throws {
        try checkGolden(Self.input(), folder: Self.folder)
    }

    /// The same result from `scan --history`: commits, occurrences and the history summary
    /// (`Golden/history/`); the plain goldens above stay as they were.
    func testEveryFormatMatchesItsHistoryGoldenFile() throws {
        var input = try Self.input()
        let commit = String(repeating: "1f", count: 20)
        input.result.findings[0].provenance = CommitProvenance(
            commit: commit, author: "Dev \"Q\" <dev@example.com>", date: "2024-05-01T12:00:00+02:00",
            occurrences: [CommitOccurrence(commit: String(repeating: "2e", count: 20), file: "src/app.js", line: 4)])
        input.result.findings[1].provenance = CommitProvenance(
            commit: String(repeating: "3d", count: 20), author: "Ops <ops@example.com>", date: "2024-05-02T08:00:00Z")
        var history = HistorySummary()
        history.revisions = ["--all"]
        history.commits = 12
        history.blobs = 30
        history.binaryBlobs = 2
        history.lfsPointers = 1
        history.submodules = 1
        history.shallowBoundary = [String(repeating: "4c", count: 20)]
        history.headCommit = String(repeating: "5b", count: 20)
        history.repositoryURI = "https://example.com/acme/app.git"
        input.result.history = history
        try checkGolden(input, folder: Self.folder + "/history")
    }

    func checkGolden(_ input: ReportInput, folder: String) throws {
        let update = ProcessInfo.processInfo.environment["AUTHLINT_UPDATE_GOLDEN"] == "1"
        if update { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        for format in ReportFormat.allCases {
            let path = folder + "/" + Self.fileName(format)
            let rendered = Array(format.reporter.render(input).utf8)
            if update { try Data(rendered).write(to: URL(fileURLWithPath: path)) }
            let golden = FileManager.default.contents(atPath: path).map(Array.init) ?? []
            XCTAssertFalse(golden.isEmpty, "no Golden/\(Self.fileName(format)): run with AUTHLINT_UPDATE_GOLDEN=1")
            XCTAssertEqual(
                String(decoding: rendered, as: UTF8.self), String(decoding: golden, as: UTF8.self),
                "\(format.rawValue) differs from Golden/\(Self.fileName(format))")
            XCTAssertEqual(rendered, golden, "\(format.rawValue): bytes differ (encoding or line ends)")
            // The fixed result's secret is only ever shown redacted.
            XCTAssertFalse(
                String(decoding: rendered, as: UTF8.self).contains("9Zq2Lw8Xv4"), "\(format.rawValue) shows the secret")
        }
    }

    /// Two small rules (the reporters describe the catalog they get; the built-in one would
    /// tie these files to every rule text).
    static func rules() throws -> [RuleDefinition] {
        func rule(_ id: String, _ category: String, _ severity: String) throws -> RuleDefinition {
            let json =
                #"{"id": "\#(id)", "category": "\#(category)", "severity": "\#(severity)", "engine": "pattern", "summary": "Summary of \#(id) <&>", "description": "What \#(id) finds, with \"quotes\".", "fix": "How to fix \#(id).", "keywords": ["k"], "pattern": "k[0-9]+"}"#
            return try RuleLoader.parse(bytes: Array(json.utf8), source: "rules/\(id).json")
        }
        return try [
            rule("hardcoded-appkey", "hardcoded-credential", "error"),
            rule("insecure-http-url", "insecure-transport", "warning"),
            rule("credential-in-log", "logged-credential", "warning"),
        ]
    }

    /// A redacted secret, a non-ASCII path, a message with quotes, `<` and `&`, a note, a
    /// suppressed finding, an incomplete check, a skipped binary file and an unreadable file.
    static func input() throws -> ReportInput {
        var result = ScanResult()
        result.findings = [
            Finding(
                rule: "hardcoded-appkey", category: .hardcodedCredential, severity: .error, file: "src/app.js", line: 3,
                column: 17, endLine: 3, endColumn: 41,
                message: "appkey literal in source: read it from the environment",
                snippet: "'rf_9…[redacted]'", fingerprint: String(repeating: "a1", count: 32)),
            Finding(
                rule: "insecure-http-url", category: .insecureTransport, severity: .warning,
                file: "src/données/é 100%,a:b.py",
                line: 12, column: 5, endLine: 12, endColumn: 44,
                message: #"request to "http://api.example.com/?a=1&b=<2>" over plain HTTP"#,
                snippet: #"get("http://api.example.com/?a=1&b=<2>")"#, fingerprint: String(repeating: "b2", count: 32)),
            Finding(
                rule: "credential-in-log", category: .loggedCredential, severity: .note, file: "src/log.go", line: 1,
                column: 1, endLine: 2, endColumn: 3, message: "token logged\nacross two lines\twith a tab",
                snippet: "log.Print(token)", fingerprint: String(repeating: "c3", count: 32)),
        ]
        // A related location with characters every format must escape.
        result.findings[1].related = [
            RelatedLocation(
                file: "src/données/é 100%,a:b.py", line: 9, column: 3, endLine: 9, endColumn: 20,
                message: #"the "plain" <http://> URL & its host"#)
        ]
        result.suppressed = [
            Finding(
                rule: "hardcoded-appkey", category: .hardcodedCredential, severity: .error, file: "test/fixture.js",
                line: 1,
                column: 16, endLine: 1, endColumn: 38, message: "appkey literal in source",
                snippet: "'rf_X…[redacted]'",
                fingerprint: String(repeating: "d4", count: 32), suppressedBy: "inline:1")
        ]
        result.issues = [
            ScanIssue.ruleTimeout("dist/big.min.js", rule: "hardcoded-appkey", budget: 2),
            ScanIssue(file: "assets/logo.png", kind: .binary, message: "binary file skipped"),
            ScanIssue(file: "secrets/locked.env", kind: .unreadable, message: "cannot open: Permission denied"),
        ]
        result.filesScanned = 5
        result.bytesScanned = 123_456
        result.filesLexed = 3
        result.bytesLexed = 23_456
        result.durationMs = 42
        result.configFile = ".authlint.json"
        // Scanned names and a date only the HTML header shows; a name with markup it must escape.
        return ReportInput(
            result: result, rules: try rules(), toolVersion: "9.9.9-golden", color: false,
            scannedPaths: ["src", "test/<b>&'q'"], generatedAt: "2026-12-07T10:00:00Z")
    }
}
