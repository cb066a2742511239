import Foundation
import Glibc
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

/// `authlint lsp` driven by two independent clients (Neovim's built-in one and pytest-lsp)
/// through helper scripts in `Tests/Fixtures/lsp/`, on `LSPTests.sample`.
final class LSPClientTests: XCTestCase {
    /// Neovim's built-in client (Debian's 0.7): diagnostics as the editor stores them (byte
    /// columns), an edit, a code action applied with apply_workspace_edit, a clean stop.
    func testNeovimClient() throws {
        let nvim = try TestSupport.requireTool("nvim")
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write(LSPTests.sample, to: dir + "/app.js")
        let out = dir + "/nvim-result.json"
        let script = TestSupport.packageRoot + "/Tests/Fixtures/lsp/nvim_client.lua"
        let result = try Self.runWithTimeout(
            nvim, ["--headless", "--clean", "-u", script, "app.js"], cwd: dir,
            environment: ["AUTHLINT_BINARY": TestSupport.binary, "AUTHLINT_NVIM_OUT": out], seconds: 30)
        XCTAssertFalse(result.timedOut, "nvim did not finish within 30 s")
        let data = try XCTUnwrap(
            FileManager.default.contents(atPath: out), "nvim wrote no result; stderr: \(result.stderr)")
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertNil(report["error"], "\(report["error"] ?? "")")

        func seen(_ key: String) -> [String] {
            (report[key] as? [[String: Any]] ?? []).map {
                "\($0["code"] ?? "") \($0["lnum"] ?? ""):\($0["col"] ?? "")-\($0["end_col"] ?? "")"
            }
        }
        // Byte columns in Neovim: the emoji is 4 bytes, so line 2's finding starts at byte 16 (UTF-16 unit 14).
        XCTAssertEqual(seen("opened"), ["hardcoded-appkey 0:17-49", "hardcoded-appkey 1:26-58"])
        XCTAssertEqual(seen("edited"), ["hardcoded-appkey 0:17-49"])
        XCTAssertEqual(
            report["action_titles"] as? [String], ["Ignore hardcoded-appkey on this line", "Explain hardcoded-appkey"])
        XCTAssertEqual(
            report["line1_after_ignore"] as? String,
            "const APP_KEY = '\(LSPTests.secret)'; // authlint:ignore hardcoded-appkey")
        XCTAssertEqual(seen("after_ignore"), [])
        XCTAssertEqual(
            report["explain_first_line"] as? String, "hardcoded-appkey (hardcoded-credential, error, structural)")
        XCTAssertEqual(report["exit_code"] as? Int, 0, "server exit code after shutdown + exit")
    }

    /// pytest-lsp (pygls + lsprotocol): a Python client that also checks our messages against the spec.
    func testPytestLSPClient() throws {
        let python = try TestSupport.requireTool("python3")
        let probe = try TestSupport.run(python, ["-c", "import pytest_lsp"])
        if probe.status != 0 {
            if TestSupport.isCI { XCTFail("pytest-lsp is required when CI=true (pip install pytest-lsp)") }
            throw XCTSkip("pytest-lsp not installed")
        }
        let script = TestSupport.packageRoot + "/Tests/Fixtures/lsp/test_authlint_lsp.py"
        let result = try Self.runWithTimeout(
            python, ["-m", "pytest", "-q", "-p", "no:cacheprovider", script],
            cwd: try TestSupport.temporaryDirectory(),
            environment: ["AUTHLINT_BINARY": TestSupport.binary], seconds: 120)
        XCTAssertFalse(result.timedOut, "pytest did not finish within 120 s")
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("4 passed"), result.stdout)
    }

    // MARK: - Helpers

    struct TimedResult {
        var status: Int32
        var stdout: String
        var stderr: String
        var timedOut: Bool
    }

    /// Runs a program, killing it after `seconds` so a stuck client never hangs the suite.
    static func runWithTimeout(
        _ executable: String, _ args: [String], cwd: String, environment: [String: String],
        seconds: Double
    ) throws -> TimedResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = args
        process.currentDirectoryURL = URL(fileURLWithPath: cwd)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let outFile = cwd + "/.stdout-\(UUID().uuidString)", errFile = cwd + "/.stderr-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: outFile, contents: nil)
        _ = FileManager.default.createFile(atPath: errFile, contents: nil)
        process.standardOutput = FileHandle(forWritingAtPath: outFile)
        process.standardError = FileHandle(forWritingAtPath: errFile)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        let timedOut = process.isRunning
        if timedOut { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let read = { (path: String) in
            String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        }
        return TimedResult(
            status: process.terminationStatus, stdout: read(outFile), stderr: read(errFile), timedOut: timedOut)
    }
}
