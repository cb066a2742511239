import Foundation
import XCTest

@testable import Engine
@testable import Model
@testable import Reporting
@testable import Rules
@testable import Session
@testable import Support

/// A scan keeps a skipped file's name only when the report will print it (`--verbose`, HTML);
/// otherwise it counts it, and every report says the same numbers. What the engine holds until
/// the report must not grow with files that have nothing to report (issue 21: 4x corpus RSS).
final class SkippedFileCountingTests: XCTestCase {
    static let code = "DATABASE_PASSWORD = \"k9#Vq2!zR7pL\"\n"

    /// One file with a finding, three binary files, one over a 100-byte size limit.
    func makeProject() throws -> String {
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write(Self.code, to: dir + "/settings.py")
        for name in ["a.png", "b.png", "img/c.bin"] {
            try TestSupport.write("PNG\u{0}\u{0}binary \(name)", to: dir + "/" + name)
        }
        try TestSupport.write(String(repeating: "x = 1\n", count: 40), to: dir + "/big.py")
        return dir
    }

    func scan(_ dir: String, listing: Bool) throws -> ScanResult {
        var overrides = ScanOverrides()
        overrides.maxFileSize = 100
        overrides.listSkippedFiles = listing
        return try ScanPlan(overrides: overrides, searchFrom: dir).scan(.paths([dir]))
    }

    func testUnlistedSkipsAreCountedNotKeptAndReportTheSameCounts() throws {
        let dir = try makeProject()
        let listed = try scan(dir, listing: true)
        let counted = try scan(dir, listing: false)
        XCTAssertEqual(listed.skippedFiles.map(\.kind), [.binary, .binary, .tooLarge, .binary])
        XCTAssertTrue(listed.unlistedSkips.isEmpty)
        XCTAssertEqual(counted.issues, [], "no skipped file's name is held")
        XCTAssertEqual(counted.unlistedSkips, [.binary: 3, .tooLarge: 1])
        for reason in ReportCounts.skipReasons {
            XCTAssertEqual(counted.skippedCount(reason), listed.skippedCount(reason), "\(reason)")
        }
        XCTAssertEqual(counted.skippedTotal, 4)
        XCTAssertEqual(counted.findings.map(\.fingerprint), listed.findings.map(\.fingerprint))
        XCTAssertEqual(counted.findings.map(\.rule), ["hardcoded-secret"])
        // Every format that does not list skipped files renders the two results alike.
        for format in ReportFormat.allCases where !format.listsSkippedFiles(verbose: false) {
            func render(_ result: ScanResult) -> String {
                var result = result
                result.durationMs = 0
                return format.reporter.render(ReportInput(result: result, rules: [], toolVersion: "t"))
            }
            XCTAssertEqual(render(counted), render(listed), "\(format)")
        }
        let text = TextReporter().render(ReportInput(result: counted, rules: []))
        XCTAssertTrue(text.contains("3 binary files skipped, 1 file over --max-file-size skipped"), text)
    }

    func testFormatsThatPrintSkippedFilesAskForTheirNames() {
        XCTAssertTrue(ReportFormat.html.listsSkippedFiles(verbose: false))
        for format in [ReportFormat.text, .json, .sarif] {
            XCTAssertFalse(format.listsSkippedFiles(verbose: false), "\(format)")
            XCTAssertTrue(format.listsSkippedFiles(verbose: true), "\(format)")
        }
        for format in [ReportFormat.junit, .checkstyle, .github, .gitlab, .compact] {
            XCTAssertFalse(format.listsSkippedFiles(verbose: true), "\(format) prints no skipped file")
        }
    }

    /// The CLI wiring: counts without `--verbose`, names with it and in HTML.
    func testCLIListsSkippedFilesOnlyWhereTheReportPrintsThem() throws {
        let dir = try makeProject()
        func json(_ extra: [String]) throws -> [String: Any] {
            let run = try TestSupport.authlint(
                ["scan", dir, "--format", "json", "--max-file-size", "100", "--fail-on", "never"] + extra)
            XCTAssertEqual(run.status, 0, run.stderr)
            let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            return try XCTUnwrap(report["summary"] as? [String: Any])
        }
        let plain = try json([])
        XCTAssertEqual(plain["skipped"] as? [String: Int], ["binary": 3, "tooLarge": 1, "notRegular": 0])
        XCTAssertNil(plain["skippedFiles"])
        let verbose = try json(["--verbose"])
        XCTAssertEqual(verbose["skipped"] as? [String: Int], ["binary": 3, "tooLarge": 1, "notRegular": 0])
        let names = try XCTUnwrap(verbose["skippedFiles"] as? [String: [String]])
        XCTAssertEqual(names["binary"]?.map { ($0 as NSString).lastPathComponent }, ["a.png", "b.png", "c.bin"])
        XCTAssertEqual(names["tooLarge"]?.map { ($0 as NSString).lastPathComponent }, ["big.py"])
        let html = try TestSupport.authlint(
            ["scan", dir, "--format", "html", "--max-file-size", "100", "--fail-on", "never"])
        for name in ["a.png", "b.png", "c.bin", "big.py"] { XCTAssertTrue(html.stdout.contains(name), name) }
        XCTAssertTrue(html.stdout.contains("3 binary files skipped"), "HTML summary")
    }

    /// Only outcomes with something to report are held to the end: not a skipped file's (unless
    /// listed), not a clean file's, not one whose project rules ran and observed nothing.
    func testTheCollectorHoldsOnlyOutcomesWithSomethingToReport() throws {
        let engine = try TestSupport.builtinScanner()
        let collector = OutcomeCollector(listSkippedFiles: false)
        collector.add(
            "a.png",
            ScanEngine.FileOutcome(issues: [ScanIssue(file: "a.png", kind: .binary, message: "b")], scanned: false))
        // committed-dotenv runs on a .env file (keyword `=`) and observes no credential here.
        let dotenv = SourceFile(path: "app/.env", bytes: Array("DEBUG=true\nPORT=8080\n".utf8))
        let withToken = SourceFile(path: "app/.env", bytes: Array("API_TOKEN=Zq8vT3kP9mW2xR7n\n".utf8))
        XCTAssertEqual(Array(engine.runRules(withToken).observations.keys), ["committed-dotenv"], "the rule runs here")
        XCTAssertTrue(engine.runRules(dotenv).observations.isEmpty, "an empty observation list is not kept")
        collector.add(dotenv.path, engine.scanOne(dotenv))
        XCTAssertEqual(collector.kept.count, 0)
        XCTAssertEqual(collector.counts.unlistedSkips, [.binary: 1])
        XCTAssertEqual(collector.counts.filesScanned, 1)
        let secret = SourceFile(path: "settings.py", bytes: Array(Self.code.utf8))
        collector.add(secret.path, engine.scanOne(secret))
        XCTAssertEqual(collector.kept.map(\.path), ["settings.py"])
        let listing = OutcomeCollector(listSkippedFiles: true)
        listing.add(
            "a.png",
            ScanEngine.FileOutcome(issues: [ScanIssue(file: "a.png", kind: .binary, message: "b")], scanned: false))
        XCTAssertEqual(listing.kept.count, 0, "a listed skip keeps its issue, not an outcome")
        XCTAssertEqual(listing.counts.issues.map(\.file), ["a.png"])
    }
}
