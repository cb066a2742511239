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

/// Files over `windowThreshold` are scanned in windows (`WindowedScan`). The oracle: the same
/// file scanned whole, with windows forced small so that hundreds of cuts fall everywhere
/// (inside statements, strings, header sets, long lines), must give identical findings —
/// positions, snippets, fingerprints, suppressions and unused-suppression notes.
final class WindowedScanTests: XCTestCase {
    static let token = "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"

    struct Scans {
        var whole: ScanResult
        var windowed: ScanResult
    }

    func scanBoth(_ content: [UInt8], name: String, window: Int, margin: Int) throws -> Scans {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/" + name
        try Data(content).write(to: URL(fileURLWithPath: path))
        let whole = try TestSupport.builtinScanner().scan(paths: [path], jobs: 1) {
            FileReader.read(path: $0, maxSize: .max)
        }
        var settings = ScanSettings()
        settings.windowThreshold = 0
        settings.windowBytes = window
        settings.windowMargin = margin
        let windowed = try TestSupport.builtinScanner(settings: settings).scan(
            paths: [path], jobs: 1,
            open: {
                FileReader.input(path: $0, maxSize: .max, streamAbove: 0)
            })
        XCTAssertEqual(whole.filesWindowed, 0)
        XCTAssertEqual(windowed.filesWindowed, 1, "the file was not streamed")
        XCTAssertEqual(windowed.bytesScanned, whole.bytesScanned)
        return Scans(whole: whole, windowed: windowed)
    }

    func describe(_ findings: [Finding]) -> [String] {
        findings.map {
            "\($0.line):\($0.column)-\($0.endLine):\($0.endColumn) \($0.rule) \($0.suppressedBy ?? "") \($0.fingerprint.prefix(10)) \($0.snippet)"
        }
    }

    func assertSame(
        _ scans: Scans, minimumFindings: Int, _ name: String = "", file: StaticString = #filePath, line: UInt = #line
    ) {
        let w = scans.whole, s = scans.windowed
        XCTAssertGreaterThanOrEqual(
            w.findings.count, minimumFindings, "the oracle must find something", file: file, line: line)
        XCTAssertEqual(w.issues, s.issues, file: file, line: line)
        for (label, a, b) in [
            ("findings", w.findings, s.findings), ("suppressed", w.suppressed, s.suppressed),
            (
                "unused", w.unusedSuppressions.sorted(by: Finding.reportOrder),
                s.unusedSuppressions.sorted(by: Finding.reportOrder)
            ),
        ] {
            let da = describe(a), db = describe(b)
            XCTAssertEqual(
                a.count, b.count, "\(name) \(label): whole \(a.count), windowed \(b.count)", file: file, line: line)
            let missing = da.filter { !db.contains($0) }, extra = db.filter { !da.contains($0) }
            XCTAssertTrue(
                missing.isEmpty && extra.isEmpty,
                "\(name) \(label) differ.\nonly whole:\n\(missing.prefix(10).joined(separator: "\n"))\nonly windowed:\n\(extra.prefix(10).joined(separator: "\n"))",
                file: file, line: line)
            XCTAssertTrue(
                a == b, "\(name) \(label): not identical (message, category or severity)", file: file, line: line)
        }
    }

    /// A distinct, valid GitHub token per index (30 pseudo-random base62 + their CRC32).
    static func secret(_ i: Int) -> String {
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)
        var state = UInt64(i + 1) &* 6364136223846793005 &+ 1442695040888963407
        var random: [UInt8] = []
        for _ in 0..<30 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            random.append(alphabet[Int(state >> 33) % 62])
        }
        let check = ProviderTokenChecks.base62(alphabet, of: CRC32.checksum(random), width: 6)
        return "ghp_" + String(decoding: random + check, as: UTF8.self)
    }

    static func sample(_ path: String) throws -> String {
        try String(contentsOfFile: TestSupport.packageRoot + "/samples/" + path, encoding: .utf8)
    }

    /// Real sample code repeated to ~3 MB per language, with numbered secrets, same-line,
    /// next-line and unused suppressions; 8 KiB windows with 2 KiB margins (~36 cuts per file).
    /// (Whole-file scans of such repetitive files grow faster than linearly in some structural
    /// rules, so 300 KB keeps the oracle at seconds in a debug build; WINDOWED_ORACLE_BYTES overrides.)
    func testWindowedScanMatchesWholeFileScanOnRealisticCode() throws {
        let cases: [(name: String, sample: String, comment: String, assign: String)] = [
            ("bundle.js", "node-reportflow/src/bad.js", "//", "const token = \"%@\";"),
            ("client.py", "logging/client.py", "#", "token = \"%@\""),
            ("main.go", "tls-and-transport/go/main.go", "//", "var token = \"%@\""),
            ("deploy.yaml", "k8s-deploy/config/environments.yaml", "#", "token: %@"),
            ("sync.sh", "logging/sync.sh", "#", "TOKEN=\"%@\""),
        ]
        let size = Int(ProcessInfo.processInfo.environment["WINDOWED_ORACLE_BYTES"] ?? "") ?? 300_000
        for (name, samplePath, comment, assign) in cases {
            let started = Date()
            let base = try Self.sample(samplePath)
            var text = ""
            var i = 0
            while text.utf8.count < size {
                // A distinct secret per block, every 5th suppressed on its line, every 7th from the line above.
                let secret = Self.secret(i)
                if i % 7 == 0 { text += "\(comment) authlint:ignore-next-line github-personal-access-token\n" }
                text +=
                    assign.replacingOccurrences(of: "%@", with: secret)
                    + (i % 5 == 0 ? " \(comment) authlint:ignore github-personal-access-token" : "") + "\n"
                if i % 11 == 0 { text += "\(comment) authlint:ignore insecure-http-url -- nothing here\n" }
                text += base + "\n"
                i += 1
            }
            let scans = try scanBoth(Array(text.utf8), name: name, window: 8 * 1024, margin: 2 * 1024)
            print(
                "WindowedScanTests: \(name) \(text.utf8.count) bytes, \(scans.whole.findings.count) findings, \(String(format: "%.1f", Date().timeIntervalSince(started))) s"
            )
            assertSame(scans, minimumFindings: 500, name)
            XCTAssertGreaterThan(scans.windowed.suppressed.count, 100, name)
            XCTAssertGreaterThan(scans.windowed.unusedSuppressions.count, 30, name)
        }
    }

    /// Mid-line cuts (lines longer than the window), CRLF and lone CR, multi-byte characters
    /// (columns count characters) and a UTF-16 file decoded while streaming.
    func testWindowedScanMatchesWholeFileScanOnLongLinesAndEncodings() throws {
        var text = "// ünïcödé header ✓\r\n"
        for i in 0..<120 {
            var line = "var a\(i)=function(b,c){return b+c};"
            for j in 0..<(i % 4 == 0 ? 900 : 3) {
                line +=
                    j % 97 == 0
                    ? "const k\(j)=\"\(Self.secret(i * 1000 + j))\";fetch(\"http://api.reeflow.com/x\");"
                    : "x\(j)=\"é\(j)€\";"
            }
            text += line + (i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\n" : "\r")
        }
        let utf8 = Array(text.utf8)
        let scans = try scanBoth(utf8, name: "min.js", window: 8 * 1024, margin: 1024)
        assertSame(scans, minimumFindings: 100, "min.js")
        // UTF-16 LE with a BOM: decoded in chunks (surrogate pairs and odd chunk ends carried).
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in (text + "😀 \(Self.secret(7))\n").utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let decoded = try scanBoth(utf16, name: "min16.js", window: 8 * 1024, margin: 1024)
        assertSame(decoded, minimumFindings: 100, "min16.js")
        XCTAssertEqual(decoded.windowed.findings.count, scans.windowed.findings.count + 1)
    }
}
