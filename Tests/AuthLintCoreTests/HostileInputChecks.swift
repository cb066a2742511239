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

/// What the hostile-input tests share: the real binary under a watchdog, and readers for its
/// JSON report.
protocol HostileInputChecks: XCTestCase {}

extension HostileInputChecks {
    // Two secrets: a pattern rule (any file type) and a structural rule (needs the lexer).
    static var token: String { "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" }
    static var appKey: String { "cnry_appkey_5d41402abc4b2a76b9719d91" }

    typealias Timed = TestSupport.WatchedRun

    /// Runs authlint with a watchdog (optionally as another user, or through a wrapper command).
    func run(_ args: [String], cwd: String, timeout: Double = 60, user: String? = nil, via wrapper: [String] = [])
        throws -> Timed
    {
        if let first = wrapper.first {
            return try TestSupport.runWatched(
                first, Array(wrapper.dropFirst()) + [TestSupport.binary] + args, cwd: cwd, timeout: timeout)
        } else if let user {
            let setpriv = try TestSupport.requireTool("setpriv")
            return try TestSupport.runWatched(
                setpriv, ["--reuid=\(user)", "--regid=nogroup", "--clear-groups", TestSupport.binary] + args,
                cwd: cwd, timeout: timeout)
        }
        return try TestSupport.runWatched(TestSupport.binary, args, cwd: cwd, timeout: timeout)
    }

    func json(_ run: Timed, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        XCTAssertFalse(run.timedOut, "authlint did not finish", file: file, line: line)
        return try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any],
            "report is not valid JSON: \(run.stderr)", file: file, line: line)
    }

    func findings(_ report: [String: Any]) -> [[String: Any]] { report["findings"] as? [[String: Any]] ?? [] }
    func summary(_ report: [String: Any]) -> [String: Any] { report["summary"] as? [String: Any] ?? [:] }
    func errors(_ report: [String: Any]) -> [[String: String]] {
        summary(report)["errors"] as? [[String: String]] ?? []
    }
    /// (file, rule, line, column) of each finding.
    func places(_ report: [String: Any]) -> [String] {
        findings(report).map { "\($0["file"] ?? ""):\($0["rule"] ?? ""):\($0["line"] ?? 0):\($0["column"] ?? 0)" }
            .sorted()
    }

    func writeBytes(_ bytes: [UInt8], _ path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

}
