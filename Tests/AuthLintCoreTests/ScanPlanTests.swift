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

/// `ScanPlan`: one setup and one post-scan chain whatever the input.
final class ScanPlanTests: XCTestCase {
    static let code = "DATABASE_PASSWORD = \"k9#Vq2!zR7pL\"\nAPI_TOKEN = \"x\"  # authlint:ignore insecure-http-url\n"

    /// A folder outside any repository holding one file (the config search stops there).
    func makeProject() throws -> (dir: String, file: String) {
        let dir = try TestSupport.temporaryDirectory()
        let file = dir + "/settings.py"
        try TestSupport.write(Self.code, to: file)
        return (dir, file)
    }

    func testAPathAndAnEditorDocumentOfTheSameBytesGiveTheSameFindings() throws {
        let (dir, file) = try makeProject()
        let plan = try ScanPlan(overrides: ScanOverrides(), searchFrom: dir)
        let walked = try plan.scan(.paths([dir]))
        let document = try plan.scan(.document(path: file, bytes: Array(Self.code.utf8)))
        XCTAssertEqual(walked.findings.map(\.rule), ["hardcoded-secret"])
        XCTAssertEqual(walked.findings.map(\.fingerprint), document.findings.map(\.fingerprint))
        XCTAssertEqual(walked.findings.map(\.line), document.findings.map(\.line))
    }

    func testUnusedSuppressionNotesOnlyWhenAsked() throws {
        let (dir, file) = try makeProject()
        var overrides = ScanOverrides()
        let quiet = try ScanPlan(overrides: overrides, searchFrom: dir).scan(
            .document(path: file, bytes: Array(Self.code.utf8)))
        overrides.reportUnusedSuppressions = true
        let noted = try ScanPlan(overrides: overrides, searchFrom: dir).scan(
            .document(path: file, bytes: Array(Self.code.utf8)))
        XCTAssertFalse(quiet.findings.contains { $0.rule == "unused-suppression" })
        XCTAssertEqual(noted.findings.filter { $0.rule == "unused-suppression" }.map(\.line), [2])
    }

    func testABaselineWrittenByOnePlanHidesItsFindingsFromTheNextWhateverTheInput() throws {
        let (dir, file) = try makeProject()
        let baseline = dir + "/baseline.json"
        var writing = ScanOverrides()
        writing.writeBaselinePath = baseline
        var notes: [String] = []
        let written = try ScanPlan(overrides: writing, searchFrom: dir).scan(.paths([file])) { notes.append($0) }
        XCTAssertEqual(written.findings.count, 1)
        XCTAssertEqual(notes.count, 1)
        XCTAssertEqual(notes[0], "authlint: wrote 1 finding to \(baseline)\n")

        var reading = ScanOverrides()
        reading.baselinePath = baseline
        let plan = try ScanPlan(overrides: reading, searchFrom: dir)
        XCTAssertEqual(try plan.scan(.paths([file])).findings.count, 0)
        XCTAssertEqual(try plan.scan(.document(path: file, bytes: Array(Self.code.utf8))).findings.count, 0)
        let changed = Self.code.replacingOccurrences(of: "k9#Vq2!zR7pL", with: "Zq8!mW3#tY6v")
        XCTAssertEqual(
            try plan.scan(.document(path: file, bytes: Array(changed.utf8))).findings.map(\.rule), ["hardcoded-secret"])
    }

    func testConfigurationAndOverridesMeetInOnePlace() throws {
        let (dir, file) = try makeProject()
        try TestSupport.write(
            #"{ "rules": { "hardcoded-secret": "warning" }, "failOn": "warning" }"#, to: dir + "/.authlint.json")
        let plan = try ScanPlan(overrides: ScanOverrides(), searchFrom: file)
        XCTAssertEqual(plan.configPath, dir + "/.authlint.json")
        XCTAssertEqual(try plan.scan(.paths([file])).findings.map(\.severity), [.warning])
        XCTAssertEqual(plan.failThreshold, .severity(.warning))
        var overrides = ScanOverrides()
        overrides.disable = ["hardcoded-secret"]
        overrides.failOn = .never
        let switched = try ScanPlan(overrides: overrides, searchFrom: file)
        XCTAssertEqual(try switched.scan(.paths([file])).findings.count, 0)
        XCTAssertEqual(switched.failThreshold, .never)
        XCTAssertEqual(ScanPlan.settings(config: switched.config).allowedHosts, [])
    }
}
