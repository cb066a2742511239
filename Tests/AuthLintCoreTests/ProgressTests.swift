import Foundation
import XCTest

@testable import CLI
@testable import Discovery
@testable import Engine
@testable import Model

/// The progress line: drawn on a terminal's stderr after about a second, never in a pipe or
/// a CI log, and cleared at the end.
final class ProgressTests: XCTestCase {
    func testPolicyNeedsATerminalAndNoCI() {
        XCTAssertTrue(ProgressPolicy.enabled(stderrIsTerminal: true, environment: [:]))
        XCTAssertFalse(ProgressPolicy.enabled(stderrIsTerminal: false, environment: [:]), "a pipe or file")
        XCTAssertFalse(ProgressPolicy.enabled(stderrIsTerminal: true, environment: ["CI": "true"]))
        XCTAssertFalse(ProgressPolicy.enabled(stderrIsTerminal: true, environment: ["CI": "1"]))
        XCTAssertFalse(ProgressPolicy.enabled(stderrIsTerminal: false, environment: ["CI": "true"]))
        XCTAssertFalse(ProgressPolicy.enabled(stderrIsTerminal: true, environment: ["TERM": "dumb"]))
        XCTAssertTrue(ProgressPolicy.enabled(stderrIsTerminal: true, environment: ["CI": ""]))
        XCTAssertTrue(ProgressPolicy.enabled(stderrIsTerminal: true, environment: ["CI": "false"]))
        XCTAssertTrue(ProgressPolicy.enabled(stderrIsTerminal: true, environment: ["TERM": "xterm-256color"]))
    }

    func testDrawnOnlyAfterTheDelay() {
        XCTAssertFalse(ProgressPolicy.shouldDraw(elapsed: 0))
        XCTAssertFalse(ProgressPolicy.shouldDraw(elapsed: 0.99))
        XCTAssertTrue(ProgressPolicy.shouldDraw(elapsed: 1.0))
        XCTAssertTrue(ProgressPolicy.shouldDraw(elapsed: 0, delay: 0))
    }

    func testLineShowsFilesSizeRateAndFindings() {
        let snapshot = ScanProgress.Snapshot(files: 1204, bytes: 40 * 1024 * 1024, findings: 3)
        XCTAssertEqual(
            ProgressPolicy.line(snapshot, elapsed: 2),
            "scanning: 1204 files, 40.0 MiB, 21.0 MB/s, 3 findings so far")
        XCTAssertEqual(
            ProgressPolicy.line(ScanProgress.Snapshot(files: 1, bytes: 10, findings: 1), elapsed: 0),
            "scanning: 1 file, 10 B, 0.0 MB/s, 1 finding so far")
    }

    func testEngineCountsEveryFile() throws {
        let progress = ScanProgress()
        var settings = ScanSettings()
        settings.progress = progress
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write("T=\"\(OutputSummaryTests.token)\"\n", to: dir + "/a.sh")
        try TestSupport.write("x = 1\n", to: dir + "/b.py")
        let engine = try TestSupport.builtinScanner(settings: settings)
        let result = engine.scan(paths: [dir + "/a.sh", dir + "/b.py"], jobs: 2) {
            FileReader.read(path: $0, maxSize: 1 << 20)
        }
        XCTAssertEqual(progress.snapshot.files, 2)
        XCTAssertEqual(progress.snapshot.bytes, result.bytesScanned)
        XCTAssertEqual(progress.snapshot.findings, result.findings.count)
        XCTAssertGreaterThan(progress.snapshot.findings, 0)
    }

    /// The real binary with the delay at 0 so even a short scan would draw: on a pseudo-terminal
    /// (`script`) the line appears and is cleared; through a pipe, or with `CI` set, no byte of it.
    func testTerminalShowsProgressPipeAndCIDoNot() throws {
        let script = try TestSupport.requireTool("script")
        let dir = try TestSupport.temporaryDirectory()
        for i in 0..<20 { try TestSupport.write("T=\"\(OutputSummaryTests.token)\"\n", to: dir + "/f\(i).sh") }
        let environment = ["AUTHLINT_PROGRESS_DELAY_MS": "0", "AUTHLINT_BIN": TestSupport.binary, "SCAN_DIR": dir]
        let command = #""$AUTHLINT_BIN" scan "$SCAN_DIR" >/dev/null"#
        let terminal = try TestSupport.run(
            script, ["-qec", command, "/dev/null"], environment: environment.merging(["CI": ""]) { $1 })
        XCTAssertTrue(terminal.stdout.contains("\rscanning: "), terminal.stdout.debugDescription)
        XCTAssertTrue(terminal.stdout.contains(" findings so far"), terminal.stdout.debugDescription)
        XCTAssertTrue(
            terminal.stdout.hasSuffix("\r\u{1B}[K"), "cleared at the end: \(terminal.stdout.debugDescription)")
        let ci = try TestSupport.run(
            script, ["-qec", command, "/dev/null"], environment: environment.merging(["CI": "true"]) { $1 })
        XCTAssertFalse(ci.stdout.contains("scanning"), ci.stdout.debugDescription)
        XCTAssertFalse(ci.stdout.contains("\r\u{1B}[K"), ci.stdout.debugDescription)
        let pipe = try TestSupport.run(
            TestSupport.binary, ["scan", dir], environment: environment.merging(["CI": ""]) { $1 })
        XCTAssertEqual(pipe.status, 1)
        XCTAssertFalse(pipe.stderr.contains("\r") || pipe.stderr.contains("scanning"), pipe.stderr.debugDescription)
        XCTAssertFalse(pipe.stdout.contains("\r"), "no progress bytes in the report")
    }
}
