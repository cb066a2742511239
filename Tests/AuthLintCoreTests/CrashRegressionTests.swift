import Foundation
import XCTest
@testable import AuthLintCore

/// Failures that used to kill the process (SIGILL from a `try!` in FileHandle.write or a
/// Double→Int conversion, SIGPIPE) or exhaust memory: each must now be exit 2 with the file
/// named, or a reported skip.
final class CrashRegressionTests: XCTestCase {
    private func project() throws -> String {
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write("password = \"Zx9Qw7Er5Ty3Ui1Op\"\n", to: dir + "/a.py")
        return dir
    }

    private func text(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    func testWritesToAFullDeviceAreExit2WithTheStreamNamed() throws {
        let dir = try project()
        let version = Spawn.authlint(["--version"], cwd: dir, stdout: .devFull, stderr: .file(dir + "/err1"))
        XCTAssertEqual(version.exitCode, 2, version.description)
        XCTAssertTrue(text(dir + "/err1").contains("cannot write standard output: No space left on device"), text(dir + "/err1"))
        let scan = Spawn.authlint(["scan", "a.py"], cwd: dir, stdout: .devFull, stderr: .file(dir + "/err2"))
        XCTAssertEqual(scan.exitCode, 2, scan.description)
        let output = Spawn.authlint(["scan", "a.py", "--output", "/dev/full"], cwd: dir, stderr: .file(dir + "/err3"))
        XCTAssertEqual(output.exitCode, 2, output.description)
        XCTAssertTrue(text(dir + "/err3").contains("cannot write /dev/full: No space left on device"), text(dir + "/err3"))
    }

    func testClosedStdoutIsExit2() throws {
        let dir = try project()
        for args in [["--version"], ["scan", "a.py"], ["rules"], ["explain", "hardcoded-secret"]] {
            let ending = Spawn.authlint(args, cwd: dir, stdout: .closed, stderr: .file(dir + "/err"))
            XCTAssertEqual(ending.exitCode, 2, "\(args): \(ending)")
            XCTAssertTrue(text(dir + "/err").contains("cannot write standard output"), text(dir + "/err"))
        }
        // With stdout closed, a file opened by the run must not become fd 1 and get the report.
        let init_ = Spawn.authlint(["init"], cwd: dir, stdout: .closed)
        XCTAssertEqual(init_.exitCode, 2, init_.description)
        XCTAssertTrue(text(dir + "/.authlint.json").hasPrefix("// authlint configuration"))
    }

    func testAReaderThatWentAwayIsNoSignal() throws {
        let dir = try project()
        for args in [["scan", "a.py"], ["rules"], ["--version"]] {
            let ending = Spawn.authlint(args, cwd: dir, stdout: .brokenPipe, stderr: .file(dir + "/err"))
            XCTAssertEqual(ending.exitCode, 2, "\(args): \(ending)")
            XCTAssertEqual(text(dir + "/err"), "", "EPIPE ends the run quietly")
        }
    }

    func testHugeNumbersInConfigAndRuleFilesAreErrorsNamingTheFile() throws {
        let dir = try project()
        try TestSupport.write("{\n  \"maxFileSize\": 1e19\n}\n", to: dir + "/.authlint.json")
        let config = Spawn.authlint(["scan", "a.py"], cwd: dir, stderr: .file(dir + "/err"))
        XCTAssertEqual(config.exitCode, 2, config.description)
        XCTAssertTrue(text(dir + "/err").contains(".authlint.json:2:18: 'maxFileSize'"), text(dir + "/err"))
        try FileManager.default.removeItem(atPath: dir + "/.authlint.json")

        for (key, value) in [("secretGroup", "1e19"), ("secretGroup", "-1e300"), ("secretGroup", "1.5"), ("windowReach", "1e19")] {
            try TestSupport.write("""
            {"id": "acme-token", "category": "hardcoded-credential", "severity": "warning", "engine": "pattern",
             "summary": "s", "description": "d", "fix": "f", "keywords": ["acme_"], "pattern": "(acme_[a-z]+)", "\(key)": \(value)}
            """, to: dir + "/rules/acme-token.json")
            let rule = Spawn.authlint(["scan", "--rules", "rules", "a.py"], cwd: dir, stderr: .file(dir + "/err"))
            XCTAssertEqual(rule.exitCode, 2, "\(key) \(value): \(rule)")
            XCTAssertTrue(text(dir + "/err").contains("acme-token.json:2:"), text(dir + "/err"))
        }
    }

    func testWholeNumberConversionNeverTraps() throws {
        for (json, expected) in [("1e19", nil), ("-1e19", nil), ("1e999", nil), ("1.5", nil), ("7", 7), ("0", 0), ("-3", nil)] as [(String, Int?)] {
            let node = try JSONNode.parse(Array(json.utf8), allowComments: false)
            XCTAssertEqual(node.wholeNumber(in: 0...Int.max), expected, json)
        }
    }

    /// The config is found upward from each document, so a cloned repository with such a file
    /// used to kill the server on its first didOpen.
    func testHugeNumberInConfigDoesNotKillTheLanguageServer() throws {
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write("{\"maxFileSize\": 1e19}", to: dir + "/.authlint.json")
        let server = try LSPProcess(cwd: dir)
        defer { server.kill() }
        _ = try server.request("initialize", ["capabilities": [:]])
        try server.notify("initialized", [:])
        let uri = DocumentURI.fileURI(dir + "/app.js")
        try server.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "javascript", "version": 1, "text": "let x = 1\n"]])
        let answer = try server.request("shutdown", NSNull())
        XCTAssertNotNil(answer["result"], "the server answers after opening the document")
    }
}
