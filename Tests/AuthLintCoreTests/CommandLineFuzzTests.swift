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

/// The real binary over generated command lines: awkward paths and values for every
/// subcommand and flag, with stdout on a full device, closed, or a pipe nobody reads. Whatever
/// the arguments, the run must end by itself with 0, 1 or 2, never by a signal or a hang.
/// Deterministic (seeded), so a failure names a command line that reproduces it.
final class CommandLineFuzzTests: XCTestCase {
    static let subcommands = [
        "", "scan", "rules", "explain", "init", "install-hook", "lsp", "--version", "-V", "--help", "help",
    ]
    static let flags = [
        "--format", "--output", "--config", "--rules", "--fail-on", "--enable", "--disable", "--jobs",
        "--max-file-size", "--stdin-filename", "--baseline", "--write-baseline", "--since",
        "--show-secrets", "--no-ignore", "--report-stale", "--staged", "--report-unused-suppressions",
        "--force", "--stdio", "--", "-", "--unknown", "--format=json",
    ]

    /// Values for paths and flags. Nothing outside the sandbox among what may be written or
    /// walked: the tests may run as root (where an old rename-over bug replaced the device
    /// node itself), and a walk of `/` would take minutes. `dev` is a character device made
    /// here (like /dev/full); `--output`, which writes devices through, also gets the real ones.
    static func values(sandbox: String) -> [[UInt8]] {
        let text = [
            "a", "-", ".", "..", "", "a.py", "dir", "dir/", "./", "../", "dir//", "missing", "missing/", "a.py/",
            "dev", "fifo", String(repeating: "n", count: 255), String(repeating: "m", count: 300),
            String(repeating: "d/", count: 2100), "json", "sarif", "text", "never", "note", "0", "1", "-1", "513",
            "1e19", "99999999999999999999", "hardcoded-secret", "a,b,,", ",", "HEAD", "x\ny", "\u{1B}]0;t\u{07}",
            "\u{202E}", "%", "file://a", sandbox + "/a.py",
        ].map { Array($0.utf8) }
        return text + [[0xFF, 0xFE, 0x61], [0x61, 0xC3], [0xED, 0xA0, 0x80]]
    }

    static let readOnlyExtras: [[UInt8]] = ["/", "/dev/zero", "/dev/null", "/dev/full", "/proc/self/mem"].map {
        Array($0.utf8)
    }
    static let writingFlags: Set<String> = ["--output", "--write-baseline"]
    static let valueFlags: Set<String> = [
        "--format", "--output", "--config", "--rules", "--fail-on", "--enable", "--disable",
        "--jobs", "--max-file-size", "--stdin-filename", "--baseline", "--write-baseline", "--since",
    ]
    static let outputExtras: [[UInt8]] = ["/dev/full", "/dev/null", "/dev/stdout"].map { Array($0.utf8) }

    func testRandomCommandLinesNeverEndBySignalOrHang() throws {
        let root = try TestSupport.temporaryDirectory()
        let sandbox = root + "/work"  // `..` is `root`: nothing else is walked
        try TestSupport.write("password = \"Zx9Qw7Er5Ty3Ui1Op\"\n", to: sandbox + "/a.py")
        try TestSupport.write(
            "fetch('http://api.example.com', {headers: {Authorization: 'Bearer abcdef0123456789abcdef'}})\n",
            to: sandbox + "/dir/b.js")
        XCTAssertEqual(mkfifo(sandbox + "/fifo", 0o644), 0)
        // The device of /dev/full (makedev(1, 7); a macro Swift cannot see). Not root: a regular file stands in.
        if mknod(sandbox + "/dev", S_IFCHR | 0o666, dev_t((1 << 8) | 7)) != 0 {
            try TestSupport.write("", to: sandbox + "/dev")
        }
        var random = SeededGenerator(seed: 0xA07_4C1A)
        let values = Self.values(sandbox: sandbox)
        let outputs: [Spawn.Output] = [.devNull, .devNull, .devFull, .closed, .brokenPipe]
        let inputs: [Spawn.Input] = [.devNull, .closed, .file(sandbox + "/a.py"), .file("/dev/zero")]
        let runs = 280
        var failures: [String] = []
        for run in 0..<runs {
            var args: [[UInt8]] = []
            let sub = random.pick(Self.subcommands)
            if !sub.isEmpty { args.append(Array(sub.utf8)) }
            for _ in 0..<Int(random.next() % 5) {
                if random.chance(65) {
                    let flag = random.pick(Self.flags)
                    args.append(Array(flag.utf8))
                    if random.chance(85) {
                        // After a flag without a value this is a positional: the safe pool only.
                        let pool =
                            flag == "--output"
                            ? values + Self.outputExtras
                            : Self.writingFlags.contains(flag) || !Self.valueFlags.contains(flag)
                                ? values : values + Self.readOnlyExtras
                        args.append(random.pick(pool))
                    }
                } else {
                    // Positionals: walked by scan, written by init; never `/`.
                    args.append(random.pick(values))
                }
            }
            // lsp on a real stdin would wait for messages; /dev/null or a closed stdin ends it.
            let stdin: Spawn.Input = sub == "lsp" ? random.pick([.devNull, .closed]) : random.pick(inputs)
            let stdout = random.pick(outputs)
            let ending = Spawn.authlint(args, cwd: sandbox, stdout: stdout, stdin: stdin, timeout: 30)
            if ending.signal != nil || ending.timedOut || ![0, 1, 2].contains(ending.exitCode ?? -1) {
                let shown = args.map { "'" + RawPath.displayName($0) + "'" }.joined(separator: " ")
                failures.append(
                    "seed \(random.seed) run \(run): authlint \(shown) (stdout \(stdout), stdin \(stdin)): \(ending)")
            }
        }
        XCTAssertEqual(failures, [], failures.joined(separator: "\n"))
        // The devices written through are still devices.
        for device in ["/dev/full", "/dev/null"] {
            var info = stat()
            XCTAssertEqual(stat(device, &info), 0)
            XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, device)
        }
    }

    /// Odd document URIs and positions: the server keeps answering.
    func testLanguageServerSurvivesOddURIsAndPositions() throws {
        let dir = try TestSupport.temporaryDirectory()
        let server = try LSPProcess(cwd: dir)
        defer { server.kill() }
        _ = try server.request("initialize", ["capabilities": [:]])
        try server.notify("initialized", [:])
        let uris: [Any] = [
            "file://a", "file://", "file:///", "file:", "file:///%", "file:///%ZZ", "file:///a%00b.js", "file://host",
            "file:///" + String(repeating: "x", count: 5000), "file:///dev/full", "file:///proc/self/mem", "untitled:",
            "", ":", "a", "file:///a%2F..%2F..%2Fb.js", "file:///\u{1B}]0;t\u{07}.js", 5, NSNull(), ["x": 1],
        ]
        let text = "const key = 'Zx9Qw7Er5Ty3Ui1Op'; fetch('http://api.example.com')\n"
        for uri in uris {
            try server.notify(
                "textDocument/didOpen",
                ["textDocument": ["uri": uri, "languageId": "javascript", "version": 1, "text": text]])
            for (line, character) in [(0, 0), (-1, -1), (1e300, 1e300), (Double(Int.max), 3), (1e15 - 1, 0)]
                as [(Double, Double)]
            {
                let position: [String: Any] = ["line": line, "character": character]
                try server.notify(
                    "textDocument/didChange",
                    [
                        "textDocument": ["uri": uri, "version": 2],
                        "contentChanges": [["range": ["start": position, "end": position], "text": "x"]],
                    ])
                _ = try server.request(
                    "textDocument/codeAction",
                    [
                        "textDocument": ["uri": uri], "range": ["start": position, "end": position],
                        "context": ["diagnostics": []],
                    ])
            }
            try server.notify("textDocument/didClose", ["textDocument": ["uri": uri]])
        }
        let answer = try server.request("shutdown", NSNull())
        XCTAssertNotNil(answer["result"], "the server still answers")
    }
}
