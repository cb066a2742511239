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
        XCTAssertTrue(
            text(dir + "/err1").contains("cannot write standard output: No space left on device"), text(dir + "/err1"))
        let scan = Spawn.authlint(["scan", "a.py"], cwd: dir, stdout: .devFull, stderr: .file(dir + "/err2"))
        XCTAssertEqual(scan.exitCode, 2, scan.description)
        let output = Spawn.authlint(["scan", "a.py", "--output", "/dev/full"], cwd: dir, stderr: .file(dir + "/err3"))
        XCTAssertEqual(output.exitCode, 2, output.description)
        XCTAssertTrue(
            text(dir + "/err3").contains("cannot write /dev/full: No space left on device"), text(dir + "/err3"))
    }

    func testClosedStdoutIsExit2() throws {
        let dir = try project()
        for args in [["--version"], ["scan", "a.py"], ["rules"], ["explain", "hardcoded-secret"]] {
            let ending = Spawn.authlint(args, cwd: dir, stdout: .closed, stderr: .file(dir + "/err"))
            XCTAssertEqual(ending.exitCode, 2, "\(args): \(ending)")
            XCTAssertTrue(text(dir + "/err").contains("cannot write standard output"), text(dir + "/err"))
        }
        // With stdout closed, a file opened by the run must not become fd 1 and get the report.
        let initRun = Spawn.authlint(["init"], cwd: dir, stdout: .closed)
        XCTAssertEqual(initRun.exitCode, 2, initRun.description)
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

        for (key, value) in [
            ("secretGroup", "1e19"), ("secretGroup", "-1e300"), ("secretGroup", "1.5"), ("windowReach", "1e19"),
        ] {
            try TestSupport.write(
                """
                {"id": "acme-token", "category": "hardcoded-credential", "severity": "warning", "engine": "pattern",
                 "summary": "s", "description": "d", "fix": "f", "keywords": ["acme_"], "pattern": "(acme_[a-z]+)", "\(key)": \(value)}
                """, to: dir + "/rules/acme-token.json")
            let rule = Spawn.authlint(["scan", "--rules", "rules", "a.py"], cwd: dir, stderr: .file(dir + "/err"))
            XCTAssertEqual(rule.exitCode, 2, "\(key) \(value): \(rule)")
            XCTAssertTrue(text(dir + "/err").contains("acme-token.json:2:"), text(dir + "/err"))
        }
    }

    func testWholeNumberConversionNeverTraps() throws {
        for (json, expected) in [
            ("1e19", nil), ("-1e19", nil), ("1e999", nil), ("1.5", nil), ("7", 7), ("0", 0), ("-3", nil),
        ] as [(String, Int?)] {
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
        try server.notify(
            "textDocument/didOpen",
            ["textDocument": ["uri": uri, "languageId": "javascript", "version": 1, "text": "let x = 1\n"]])
        let answer = try server.request("shutdown", NSNull())
        XCTAssertNotNil(answer["result"], "the server answers after opening the document")
    }
}

/// Unbounded reads, printed paths, and what `--output` may replace.
final class InputOutputBoundsTests: XCTestCase {
    private func text(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    func testIgnoreFilesOver100MiBAreSkippedAndReported() throws {
        let dir = try TestSupport.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/.git", withIntermediateDirectories: true)
        // Repository root: a sparse 8 GB .gitignore (read whole, it exhausted memory).
        try TestSupport.write("*.py\n", to: dir + "/.gitignore")
        XCTAssertEqual(truncate(dir + "/.gitignore", 8 << 30), 0)
        // In the walk: just over 100 MiB of real patterns, ignoring the secret file.
        let line = Array("# padding padding padding padding padding padding padding\n".utf8)
        var big = Array("secret.py\n".utf8)
        while big.count <= 100 * 1024 * 1024 { big += line }
        try TestSupport.write("", to: dir + "/src/.gitignore")
        try Data(big).write(to: URL(fileURLWithPath: dir + "/src/.gitignore"))
        try TestSupport.write("password = \"Zx9Qw7Er5Ty3Ui1Op\"\n", to: dir + "/src/secret.py")
        let ending = Spawn.authlint(
            ["scan", "src", "--format", "json", "--output", dir + "/out.json"], cwd: dir, timeout: 60)
        XCTAssertEqual(ending.exitCode, 1, ending.description)
        let report = text(dir + "/out.json")
        XCTAssertTrue(report.contains("\"file\": \"src/secret.py\""), "the oversized ignore file does not apply")
        XCTAssertTrue(report.contains("src/.gitignore"), report)
        XCTAssertTrue(report.contains(dir + "/.gitignore"), report)
        XCTAssertTrue(report.contains("ignore file over 100 MiB not read"), report)
    }

    /// Config, baseline and rule files were read whole with FileManager: /dev/zero or a FIFO
    /// never ended. stdin from /dev/zero: only the first window is read, then it is binary.
    func testEndlessSettingsFilesAndStdinAreBounded() throws {
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write("let x = 1\n", to: dir + "/a.js")
        XCTAssertEqual(mkfifo(dir + "/fifo.json", 0o644), 0)
        for args in [["--config", "/dev/zero"], ["--baseline", "fifo.json"], ["--config", "fifo.json"]] {
            let ending = Spawn.authlint(["scan", "a.js"] + args, cwd: dir, stderr: .file(dir + "/../err"), timeout: 20)
            XCTAssertEqual(ending.exitCode, 2, "\(args): \(ending)")
            XCTAssertTrue(text(dir + "/../err").contains("not a regular file"), text(dir + "/../err"))
        }
        let stdin = Spawn.authlint(
            ["scan", "--stdin-filename", "a.js", "--format", "json"], cwd: dir,
            stdout: .file(dir + "/../out"), stdin: .file("/dev/zero"), timeout: 20)
        XCTAssertEqual(stdin.exitCode, 0, stdin.description)
        XCTAssertTrue(text(dir + "/../out").contains("\"binary\": 1"), text(dir + "/../out"))
    }

    func testLargeStdinIsScannedInWindows() throws {
        let dir = try TestSupport.temporaryDirectory()
        var content = String(repeating: "let filler = 1 // padding padding padding padding\n", count: 100_000)
        content += "password = \"Zx9Qw7Er5Ty3Ui1Op\"\n"
        try TestSupport.write(content, to: dir + "/input.py")
        let ending = Spawn.authlint(
            ["scan", "--stdin-filename", "a.py", "--format", "json"], cwd: dir,
            stdout: .file(dir + "/out.json"), stdin: .file(dir + "/input.py"))
        XCTAssertEqual(ending.exitCode, 1, ending.description)
        let report = text(dir + "/out.json")
        XCTAssertTrue(report.contains("\"filesWindowed\": 1"), report)
        XCTAssertTrue(report.contains("\"line\": 100001"), report)
    }

    func testStdinOverMaxFileSizeIsSkippedAsTooLarge() throws {
        let dir = try TestSupport.temporaryDirectory()
        let line = "password = \"Zx9Qw7Er5Ty3Ui1Op\"\n"
        // 3.1 MB: streamed
        try TestSupport.write(
            String(repeating: "let filler = 1 // padding\n", count: 120_000) + line, to: dir + "/big.py")
        try TestSupport.write(line, to: dir + "/small.py")
        for (input, limit) in [("big.py", "3000000"), ("small.py", "10")] {
            let ending = Spawn.authlint(
                ["scan", "--stdin-filename", "a.py", "--format", "json", "--max-file-size", limit], cwd: dir,
                stdout: .file(dir + "/out.json"), stdin: .file(dir + "/" + input))
            XCTAssertEqual(ending.exitCode, 0, "\(input): \(ending)")
            let report = text(dir + "/out.json")
            XCTAssertTrue(report.contains("\"tooLarge\": 1"), report)
            XCTAssertTrue(report.contains("\"filesScanned\": 0"), report)
        }
    }

    func testControlCharactersInPathsAreEscaped() throws {
        let dir = try TestSupport.temporaryDirectory()
        let name = "a\nb.py:1:1: error[forged] x\u{1B}]0;title\u{07}\u{202E}\u{85}.py"
        try TestSupport.write("password = \"Zx9Qw7Er5Ty3Ui1Op\"\n", to: dir + "/" + name)
        for format in ["text", "compact", "github", "checkstyle", "junit", "json", "sarif", "gitlab"] {
            let ending = Spawn.authlint(
                ["scan", ".", "--format", format], cwd: dir, stdout: .file(dir + "/../out-" + format))
            XCTAssertEqual(ending.exitCode, 1, "\(format): \(ending)")
            let out = text(dir + "/../out-" + format)
            XCTAssertFalse(
                out.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" || $0 == "\u{85}" },
                "\(format): \(out)")
            XCTAssertFalse(out.contains("\nb.py:1:1: error[forged]"), "\(format): \(out)")
        }
        XCTAssertTrue(
            text(dir + "/../out-text").hasPrefix(
                "a\\x0Ab.py:1:1: error[forged] x\\x1B]0;title\\x07\\xE2\\x80\\xAE\\xC2\\x85.py:1:"),
            text(dir + "/../out-text"))
        // Named on the command line, and in error messages.
        let named = Spawn.authlint(
            ["scan", name, "--format", "compact"], cwd: dir, stdout: .file(dir + "/../out-named"))
        XCTAssertEqual(named.exitCode, 1, named.description)
        XCTAssertTrue(text(dir + "/../out-named").hasPrefix("a\\x0Ab.py"), text(dir + "/../out-named"))
        let missing = Spawn.authlint(["scan", "no\u{1B}[2Jsuch"], cwd: dir, stderr: .file(dir + "/../err"))
        XCTAssertEqual(missing.exitCode, 2, missing.description)
        XCTAssertTrue(text(dir + "/../err").contains("no\\x1B[2Jsuch"), text(dir + "/../err"))
    }

    func testOutputRefusesToReplaceAnInput() throws {
        let dir = try TestSupport.temporaryDirectory()
        let source = "password = \"Zx9Qw7Er5Ty3Ui1Op\"\n"
        try TestSupport.write(source, to: dir + "/a.py")
        try TestSupport.write("{}", to: dir + "/cfg.json")
        try TestSupport.write("{\"version\": 1, \"findings\": []}", to: dir + "/base.json")
        try TestSupport.write(
            """
            {"id": "x-rule", "category": "hardcoded-credential", "severity": "warning", "engine": "pattern",
             "summary": "s", "description": "d", "fix": "f", "keywords": ["xk_"], "pattern": "xk_[a-z]+"}
            """, to: dir + "/rules/x-rule.json")
        for (args, victim) in [
            (["a.py", "--output", "a.py"], "a.py"), (["a.py", "--output", "./a.py"], "a.py"),
            (["a.py", "--config", "cfg.json", "--output", "cfg.json"], "cfg.json"),
            (["a.py", "--baseline", "base.json", "--output", "base.json"], "base.json"),
            (["a.py", "--rules", "rules", "--output", "rules/x-rule.json"], "rules/x-rule.json"),
        ] {
            let before = text(dir + "/" + victim)
            let ending = Spawn.authlint(["scan"] + args, cwd: dir, stderr: .file(dir + "/../err"))
            XCTAssertEqual(ending.exitCode, 2, "\(args): \(ending)")
            XCTAssertTrue(text(dir + "/../err").contains("it is also an input"), text(dir + "/../err"))
            XCTAssertEqual(text(dir + "/" + victim), before, "\(args)")
        }
    }

    func testLongOutputNamesAndExistingModes() throws {
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write("let x = 1\n", to: dir + "/a.js")
        let long = String(repeating: "r", count: 240) + ".json"
        let ending = Spawn.authlint(["scan", "a.js", "--format", "json", "--output", long], cwd: dir)
        XCTAssertEqual(ending.exitCode, 0, ending.description)
        XCTAssertTrue(text(dir + "/" + long).contains("\"findings\""))

        XCTAssertEqual(
            FileManager.default.createFile(
                atPath: dir + "/report.txt", contents: Data("old".utf8), attributes: [.posixPermissions: 0o600]), true)
        let again = Spawn.authlint(["scan", "a.js", "--output", "report.txt"], cwd: dir)
        XCTAssertEqual(again.exitCode, 0, again.description)
        let mode = try FileManager.default.attributesOfItem(atPath: dir + "/report.txt")[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600, "a private report stays private")
        XCTAssertNotEqual(text(dir + "/report.txt"), "old")
    }
}
