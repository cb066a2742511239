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

/// `authlint lsp`: raw framed messages to the real process (`LSPProcess`; the pieces in-process are
/// `LSPInProcessTests`); real editor clients drive it in `LSPClientTests`.
final class LSPTests: XCTestCase {
    static let secret = "a8f3c9e1b7d24f6a9c0e5b3d7f1a2c4e"
    /// Line 2 has an emoji (one scalar, two UTF-16 units, four bytes) before the finding.
    static let sample = """
        const APP_KEY = '\(secret)';
        let s = '😀'; appKey = 'b\(secret.dropFirst())';
        console.log('ok');

        """

    // MARK: - The process, raw frames

    func testInitializeDiagnosticsEditCodeActionAndShutdown() throws {
        let dir = try TestSupport.temporaryDirectory()
        let server = try LSPProcess(cwd: dir)
        defer { server.kill() }
        let initialize = try server.request(
            "initialize", ["processId": NSNull(), "rootUri": NSNull(), "capabilities": [:]])
        let capabilities = try XCTUnwrap((initialize["result"] as? [String: Any])?["capabilities"] as? [String: Any])
        let sync = try XCTUnwrap(capabilities["textDocumentSync"] as? [String: Any])
        XCTAssertEqual(sync["change"] as? Int, 2)
        XCTAssertEqual(sync["openClose"] as? Bool, true)
        XCTAssertNotNil(capabilities["codeActionProvider"])
        XCTAssertEqual(
            ((initialize["result"] as? [String: Any])?["serverInfo"] as? [String: Any])?["version"] as? String,
            AuthLint.version)
        try server.notify("initialized", [:])

        let uri = DocumentURI.fileURI(dir + "/src dir/app.js")  // a space: percent-encoded in the URI
        try server.notify(
            "textDocument/didOpen",
            ["textDocument": ["uri": uri, "languageId": "javascript", "version": 1, "text": Self.sample]])
        let opened = try server.diagnostics(for: uri)
        XCTAssertEqual(opened.map(\.summary), ["hardcoded-appkey 0:17-0:49", "hardcoded-appkey 1:24-1:56"])
        for diagnostic in opened {
            XCTAssertEqual(diagnostic.raw["severity"] as? Int, 1)
            XCTAssertEqual(diagnostic.raw["source"] as? String, "authlint")
            XCTAssertEqual(
                (diagnostic.raw["codeDescription"] as? [String: Any])?["href"] as? String,
                AuthLint.helpBaseURL + "hardcoded-appkey.json")
        }
        XCTAssertFalse(server.transcript.contains(String(Self.secret.dropFirst())), "the server echoed a secret")

        // Incremental edit in UTF-16 units: replace line 2's literal (after the emoji) with an env read.
        try server.notify(
            "textDocument/didChange",
            [
                "textDocument": ["uri": uri, "version": 2],
                "contentChanges": [
                    [
                        "range": ["start": ["line": 1, "character": 23], "end": ["line": 1, "character": 57]],
                        "text": "process.env.K",
                    ]
                ],
            ])
        XCTAssertEqual(try server.diagnostics(for: uri).map(\.summary), ["hardcoded-appkey 0:17-0:49"])

        // The ignore action's edit, applied, silences line 1 (as the CLI agrees).
        let actions = try XCTUnwrap(
            try server.request(
                "textDocument/codeAction",
                [
                    "textDocument": ["uri": uri],
                    "range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]],
                    "context": ["diagnostics": []],
                ])["result"] as? [[String: Any]])
        XCTAssertEqual(
            actions.compactMap { $0["title"] as? String },
            ["Ignore hardcoded-appkey on this line", "Explain hardcoded-appkey"])
        let edit = try XCTUnwrap(
            ((actions[0]["edit"] as? [String: Any])?["changes"] as? [String: Any])?[uri] as? [[String: Any]])
        XCTAssertEqual(edit.first?["newText"] as? String, " // authlint:ignore hardcoded-appkey")
        let line1 = "const APP_KEY = '\(Self.secret)';"
        XCTAssertEqual(
            ((edit.first?["range"] as? [String: Any])?["start"] as? [String: Any])?["character"] as? Int,
            line1.utf16.count)
        let ignored = try TestSupport.authlint(
            ["scan", "--stdin-filename", "app.js", "--format", "compact"], cwd: dir,
            stdin: line1 + " // authlint:ignore hardcoded-appkey\n")
        XCTAssertEqual(ignored.status, 0, ignored.stdout)

        // Remove the last secret with a second incremental edit: empty diagnostics.
        try server.notify(
            "textDocument/didChange",
            [
                "textDocument": ["uri": uri, "version": 3],
                "contentChanges": [
                    [
                        "range": ["start": ["line": 0, "character": 16], "end": ["line": 0, "character": 50]],
                        "text": "process.env.APP_KEY",
                    ]
                ],
            ])
        XCTAssertEqual(try server.diagnostics(for: uri).map(\.summary), [])

        // didClose clears the editor's list.
        try server.notify("textDocument/didClose", ["textDocument": ["uri": uri]])
        XCTAssertEqual(try server.diagnostics(for: uri).count, 0)

        let shutdown = try server.request("shutdown", NSNull())  // `"params": null`, as some clients send
        XCTAssertTrue(shutdown.keys.contains("result") && shutdown["error"] == nil)
        try server.notify("exit", NSNull())
        XCTAssertEqual(server.waitForExit(), 0)
    }

    func testMalformedInputGetsErrorsAndTheServerKeepsAnswering() throws {
        let server = try LSPProcess(cwd: try TestSupport.temporaryDirectory())
        defer { server.kill() }
        // Before initialize: requests are refused with ServerNotInitialized.
        XCTAssertEqual(try server.errorCode(of: server.request("textDocument/codeAction", [:])), -32002)
        _ = try server.request("initialize", ["capabilities": [:]])

        // Garbage instead of a header, then a valid request: one parse error, then the answer.
        try server.sendRaw(Array("garbage line\r\n\r\n".utf8))
        XCTAssertEqual(try server.errorCode(of: server.receive()), -32700)
        XCTAssertEqual(try server.errorCode(of: server.request("authlint/unknown", [:])), -32601)

        // A header without Content-Length (and its body): one parse error.
        try server.sendRaw(Array("Content-Type: application/vscode-jsonrpc\r\n\r\n{\"jsonrpc\":\"2.0\"}".utf8))
        XCTAssertEqual(try server.errorCode(of: server.receive()), -32700)
        // A well-framed body that is not JSON.
        try server.sendRaw(LSPProcess.frame(Array("{\"jsonrpc\": \"2.0\", \"id\": 7, ".utf8)))
        XCTAssertEqual(try server.errorCode(of: server.receive()), -32700)
        // Valid JSON that is not a request.
        try server.sendRaw(LSPProcess.frame(Array("[1, 2]".utf8)))
        XCTAssertEqual(try server.errorCode(of: server.receive()), -32600)
        // A Content-Length that is not a number.
        try server.sendRaw(Array("Content-Length: twelve\r\n\r\n{}".utf8))
        XCTAssertEqual(try server.errorCode(of: server.receive()), -32700)

        // Bad params: -32602 with the request's id.
        let bad = try server.request("textDocument/codeAction", ["textDocument": ["uri": 42]])
        XCTAssertEqual(try server.errorCode(of: bad), -32602)
        // Unknown notifications, $/cancelRequest and a didChange for an unknown document: no reply, no crash.
        try server.notify("$/cancelRequest", ["id": 99])
        try server.notify("authlint/whatever", [:])
        try server.notify(
            "textDocument/didChange",
            ["textDocument": ["uri": "file:///nowhere.js", "version": 2], "contentChanges": [["text": "x"]]])
        // A frame split into single bytes still parses.
        let split = LSPProcess.frame(Array(#"{"jsonrpc":"2.0","id":"s","method":"authlint/split","params":{}}"#.utf8))
        for byte in split { try server.sendRaw([byte]) }
        let reply = try server.receive()
        XCTAssertEqual(reply["id"] as? String, "s")
        XCTAssertEqual(try server.errorCode(of: reply), -32601)

        // exit without shutdown: exit code 1.
        try server.notify("exit", nil)
        XCTAssertEqual(server.waitForExit(), 1)
    }

    func testEndOfInputWithoutExitEndsTheServer() throws {
        let server = try LSPProcess(cwd: try TestSupport.temporaryDirectory())
        defer { server.kill() }
        _ = try server.request("initialize", ["capabilities": [:]])
        server.closeInput()
        XCTAssertEqual(server.waitForExit(), 1)
    }

    /// Same content, same findings as `authlint scan --stdin-filename PATH --format json`, for every
    /// file under samples/ (rules, lines, and columns converted to UTF-16 independently here).
    func testDiagnosticsMatchTheCLIForEverySample() throws {
        let root = TestSupport.packageRoot
        let files = try FileManager.default.subpathsOfDirectory(atPath: root + "/samples").filter {
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: root + "/samples/" + $0, isDirectory: &isDir)
                && !isDir.boolValue && $0 != "expected.json"
        }.sorted()
        XCTAssertGreaterThan(files.count, 10)
        let server = try LSPProcess(cwd: root)
        defer { server.kill() }
        _ = try server.request("initialize", ["capabilities": [:]])
        var compared = 0
        for file in files {
            let path = "samples/" + file
            let text = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
            let cli = try TestSupport.authlint(
                ["scan", "--stdin-filename", path, "--format", "json", "--fail-on", "never"], cwd: root, stdin: text)
            let report = try XCTUnwrap(
                JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as? [String: Any], cli.stderr)
            let lines = text.split(
                omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            let expected = (report["findings"] as? [[String: Any]] ?? []).map { finding -> String in
                let line = finding["line"] as! Int, column = finding["column"] as! Int
                let utf16 = String(String(lines[line - 1]).unicodeScalars.prefix(column - 1)).utf16.count
                return "\(finding["rule"] as! String) \(line - 1):\(utf16)"
            }
            let uri = DocumentURI.fileURI(root + "/" + path)
            try server.notify(
                "textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "", "version": 1, "text": text]])
            let got = try server.diagnostics(for: uri).map { "\($0.code) \($0.startLine):\($0.startCharacter)" }
            XCTAssertEqual(got, expected, path)
            compared += expected.count
        }
        XCTAssertGreaterThan(compared, 20, "samples should produce findings to compare")
    }

    func testConfigChangesArePickedUp() throws {
        let dir = try TestSupport.temporaryDirectory()
        let server = try LSPProcess(cwd: dir)
        defer { server.kill() }
        _ = try server.request("initialize", ["capabilities": [:]])
        let uri = DocumentURI.fileURI(dir + "/nested/app.js")
        try server.notify(
            "textDocument/didOpen",
            ["textDocument": ["uri": uri, "languageId": "javascript", "version": 1, "text": Self.sample]])
        XCTAssertEqual(try server.diagnostics(for: uri).count, 2)

        // A config found by walking up from the document turns the rule off.
        try TestSupport.write(#"{"rules": {"hardcoded-appkey": "off"}}"#, to: dir + "/.authlint.json")
        try server.notify(
            "workspace/didChangeWatchedFiles",
            ["changes": [["uri": DocumentURI.fileURI(dir + "/.authlint.json"), "type": 1]]])
        XCTAssertEqual(try server.diagnostics(for: uri).count, 0)

        // A broken config is reported on the document instead of silently passing it.
        try TestSupport.write(#"{"rulez": {}}"#, to: dir + "/.authlint.json")
        try server.notify(
            "workspace/didChangeWatchedFiles",
            ["changes": [["uri": DocumentURI.fileURI(dir + "/.authlint.json"), "type": 2]]])
        let broken = try server.diagnostics(for: uri)
        XCTAssertEqual(broken.count, 1)
        XCTAssertTrue((broken.first?.raw["message"] as? String ?? "").contains("unknown key 'rulez'"))

        // Without any notification, an edit rescans with the config as it is now on disk.
        try FileManager.default.removeItem(atPath: dir + "/.authlint.json")
        try server.notify(
            "textDocument/didChange",
            ["textDocument": ["uri": uri, "version": 2], "contentChanges": [["text": Self.sample]]])
        XCTAssertEqual(try server.diagnostics(for: uri).count, 2)
    }
}
