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

/// Findings that involve another place carry it as a related location, never as "line N" in
/// their message, and every position-aware format renders it.
final class RelatedLocationTests: XCTestCase {
    static let duplicateHeaders =
        "package main\n\nfunc call() {\n\treq.Header.Set(\"X-API-Key\", os.Getenv(\"KEY\"))\n\treq.Header.Add(\"X-API-Key\", os.Getenv(\"OLD_KEY\"))\n}\n"

    func testNoRuleWritesAPositionIntoItsMessage() throws {
        let scanner = try TestSupport.builtinScanner()
        let position = try NSRegularExpression(pattern: #"\bline \d"#)
        var checked = 0
        for rule in try RuleLoader.builtinRules() {
            for example in rule.fireExamples {
                for finding in scanner.scan(file: SourceFile(path: example.file, bytes: Array(example.code.utf8)))
                    .findings
                {
                    let message = finding.message
                    XCTAssertNil(
                        position.firstMatch(in: message, range: NSRange(message.startIndex..., in: message)),
                        "\(finding.rule): \(message)")
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 100)
    }

    func testDuplicateHeaderPointsAtTheFirstOne() throws {
        let found = try TestSupport.builtinScanner().scan(
            file: SourceFile(path: "client.go", bytes: Array(Self.duplicateHeaders.utf8))
        )
        .findings.filter { $0.rule == "duplicate-auth-header" }
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.line, 5)
        XCTAssertEqual(found.first?.related.map(\.line), [4])
        XCTAssertEqual(found.first?.related.first?.file, "client.go")
        XCTAssertEqual(found.first?.related.first?.message, "X-API-Key first set here")
    }

    /// Related positions of a file scanned in windows are those of the whole-file scan.
    func testWindowedScanShiftsRelatedLocations() throws {
        let filler = String(repeating: "// padding line to push the headers into a later window\n", count: 400)
        let content = Array((filler + Self.duplicateHeaders + filler + Self.duplicateHeaders).utf8)
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/client.go"
        try Data(content).write(to: URL(fileURLWithPath: path))
        let whole = try TestSupport.builtinScanner().scan(paths: [path], jobs: 1) {
            FileReader.read(path: $0, maxSize: .max)
        }
        var settings = ScanSettings()
        settings.windowThreshold = 0
        settings.windowBytes = 4096
        settings.windowMargin = 1024
        let windowed = try TestSupport.builtinScanner(settings: settings).scan(
            paths: [path], jobs: 1,
            open: {
                FileReader.input(path: $0, maxSize: .max, streamAbove: 0)
            })
        XCTAssertEqual(windowed.filesWindowed, 1)
        let expected = whole.findings.filter { $0.rule == "duplicate-auth-header" }
        XCTAssertEqual(expected.count, 2)
        XCTAssertEqual(expected.map { $0.related.map(\.line) }, [[404], [810]])
        XCTAssertEqual(
            windowed.findings.filter { $0.rule == "duplicate-auth-header" }.map(\.related), expected.map(\.related))
    }

    func testEveryFormatRendersRelatedLocations() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try TestSupport.write(Self.duplicateHeaders, to: dir + "/client.go")
        func report(_ format: String) throws -> String {
            let run = try TestSupport.authlint(
                ["scan", "client.go", "--format", format, "--fail-on", "never"], cwd: dir)
            XCTAssertEqual(run.status, 0, run.stderr)
            return run.stdout
        }
        XCTAssertTrue(try report("text").contains("    related: client.go:4:"), "text")

        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try report("json").utf8)) as? [String: Any])
        let finding = try XCTUnwrap(
            (json["findings"] as? [[String: Any]])?.first { $0["rule"] as? String == "duplicate-auth-header" })
        let related = try XCTUnwrap(finding["related"] as? [[String: Any]])
        XCTAssertEqual(related.map { $0["line"] as? Int }, [4])
        XCTAssertEqual(related.first?["message"] as? String, "X-API-Key first set here")

        let sarifText = try report("sarif")
        let sarif = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(sarifText.utf8)) as? [String: Any])
        let result = try XCTUnwrap(((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first)
        let locations = try XCTUnwrap(result["relatedLocations"] as? [[String: Any]])
        let region = (locations.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any]
        XCTAssertEqual(region?["startLine"] as? Int, 4)
        try assertValidSARIF(sarifText, in: dir)
    }

    func testLSPDiagnosticCarriesRelatedInformation() throws {
        let document = TextDocument(
            uri: "file:///w/client.go", path: "/w/client.go", version: 1, text: Self.duplicateHeaders)
        let finding = try XCTUnwrap(
            try TestSupport.builtinScanner().scan(file: SourceFile(path: "client.go", bytes: document.bytes))
                .findings.first { $0.rule == "duplicate-auth-header" })
        let rendered = LSPDiagnostics.diagnostic(finding, in: document, rule: nil).render(pretty: false)
        let diagnostic = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String: Any])
        let information = try XCTUnwrap(diagnostic["relatedInformation"] as? [[String: Any]])
        let location = try XCTUnwrap(information.first?["location"] as? [String: Any])
        XCTAssertEqual(location["uri"] as? String, "file:///w/client.go")
        let start = ((location["range"] as? [String: Any])?["start"] as? [String: Any])
        XCTAssertEqual(start?["line"] as? Int, 3, "LSP lines count from 0")
        XCTAssertEqual(information.first?["message"] as? String, "X-API-Key first set here")
    }

    private func assertValidSARIF(_ sarif: String, in dir: String) throws {
        try sarif.write(toFile: dir + "/out.sarif", atomically: true, encoding: .utf8)
        try TestSupport.assertValidSARIF(file: dir + "/out.sarif")
    }

}
