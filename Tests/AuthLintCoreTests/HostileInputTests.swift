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

/// Hostile input through the real binary, on real files each test creates: the scan never
/// crashes or hangs, finds what is there, reports what it skipped (text summary and
/// `summary.errors` in JSON) and exits 1 on findings (per `--fail-on`), 0 without, 2 when it
/// cannot do what was asked.
final class HostileInputTests: XCTestCase, HostileInputChecks {
    // MARK: - encodings, line endings, empty files

    func testInvalidUTF8NULBytesAndEmptyFiles() throws {
        let dir = try TestSupport.temporaryDirectory()
        let secretLine = Array("const t = \"\(Self.token)\";\n".utf8)
        // Invalid UTF-8 (stray continuation, overlong, truncated sequence) before the secret's line.
        try writeBytes(
            Array("x = '".utf8) + [0xFF, 0xC0, 0xAF, 0x80, 0xE2, 0x82] + Array("'\n".utf8) + secretLine,
            dir + "/invalid.js")
        // A NUL past the 8 KiB binary probe: still text, scanned to the end.
        try writeBytes([UInt8](repeating: 0x20, count: 9000) + [0x00, 0x0A] + secretLine, dir + "/late-nul.js")
        // A NUL at the start: binary, skipped and reported.
        try writeBytes(Array("a\0b\n".utf8) + secretLine, dir + "/early-nul.js")
        for name in ["empty.js", "empty.json", ".env", "Dockerfile", "empty.yaml", "empty.xml", "empty.md"] {
            try writeBytes([], dir + "/e/" + name)
        }
        let scan = try run(["scan", ".", "--format", "json"], cwd: dir)
        let report = try json(scan)
        XCTAssertEqual(scan.status, 1)
        XCTAssertEqual(
            places(report),
            ["invalid.js:github-personal-access-token:2:12", "late-nul.js:github-personal-access-token:2:12"])
        XCTAssertEqual(errors(report).map { "\($0["file"]!):\($0["kind"]!)" }, ["early-nul.js:binary"])
        XCTAssertEqual(summary(report)["filesScanned"] as? Int, 9)
        XCTAssertFalse(scan.stdout.contains(Self.token), "reports redact secrets")

        // Only the empty files: nothing found, nothing skipped, exit 0; the text summary counts skips.
        let empty = try run(["scan", "e", "--format", "json"], cwd: dir)
        XCTAssertEqual(empty.status, 0)
        XCTAssertEqual(summary(try json(empty))["filesScanned"] as? Int, 7)
        XCTAssertEqual(errors(try json(empty)).count, 0)
        let text = try run(["scan", "early-nul.js"], cwd: dir)
        XCTAssertEqual(text.status, 0)
        XCTAssertTrue(text.stdout.contains("skipped early-nul.js: binary file"), text.stdout)
        XCTAssertTrue(text.stdout.contains("1 skipped"), text.stdout)
    }

    func testCRLFAndLoneCRLineEndingsGiveRightLineAndColumn() throws {
        let dir = try TestSupport.temporaryDirectory()
        let secret = "const t = \"\(Self.token)\";"
        try writeBytes(Array("a = 1\r\nb = 2\r\n\(secret)\r\n".utf8), dir + "/crlf.js")
        try writeBytes(Array("a = 1\rb = 2\r\(secret)\r".utf8), dir + "/cr.js")
        try writeBytes(Array("a = 1\r\n\rb = 2\n\(secret)".utf8), dir + "/mixed.js")  // CRLF, CR, LF: lines 1, 2, 3, 4
        let report = try json(try run(["scan", ".", "--format", "json"], cwd: dir))
        XCTAssertEqual(
            places(report),
            [
                "cr.js:github-personal-access-token:3:12",
                "crlf.js:github-personal-access-token:3:12",
                "mixed.js:github-personal-access-token:4:12",
            ])
        for finding in findings(report) { XCTAssertEqual(finding["endColumn"] as? Int, 12 + Self.token.count) }
    }

    // MARK: - special files, symlinks, permissions, vanishing files

    func testFIFOAndDeviceNodeAreNeverOpened() throws {
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write("const t = \"\(Self.token)\";\n", to: dir + "/app.js")
        XCTAssertEqual(mkfifo(dir + "/pipe.js", 0o644), 0)
        XCTAssertEqual(mkfifo(dir + "/.gitignore", 0o644), 0)  // read by the walker itself: must not block either
        // A device node (needs root; this machine's tests run as root). /dev/zero (1, 5): a
        // read would never end, so opening it for scanning would hang the test.
        let isRoot = getuid() == 0
        if isRoot {
            XCTAssertEqual(
                mknod(dir + "/zero.js", S_IFCHR | 0o644, dev_t(1 << 8 | 5)), 0, String(cString: strerror(errno)))
        }
        let scan = try run(["scan", ".", "--format", "json"], cwd: dir, timeout: 30)
        let report = try json(scan)
        XCTAssertEqual(scan.status, 1)
        XCTAssertEqual(places(report), ["app.js:github-personal-access-token:1:12"])
        XCTAssertEqual(
            errors(report).map { "\($0["file"]!):\($0["kind"]!)" },
            [".gitignore:notRegular", "pipe.js:notRegular"] + (isRoot ? ["zero.js:notRegular"] : []))
        // Named on the command line: still not opened, reported, and no findings means exit 0.
        let named = try run(
            ["scan", "pipe.js"] + (isRoot ? ["zero.js"] : []) + ["--format", "json"], cwd: dir, timeout: 30)
        XCTAssertEqual(named.status, 0)
        XCTAssertEqual(errors(try json(named)).count, isRoot ? 2 : 1)
        // --stdin-filename naming a FIFO reads stdin, not the FIFO.
        let viaStdin = try run(["scan", "--stdin-filename", "pipe.js"], cwd: dir, timeout: 30)
        XCTAssertEqual(viaStdin.status, 0)
    }

    func testSymlinksOutOfTheTreeAndLoopsAreNotFollowed() throws {
        let outside = try TestSupport.temporaryDirectory()
        try TestSupport.write("const t = \"\(Self.token)\";\n", to: outside + "/leak.js")
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write("x = 1\n", to: dir + "/src/ok.js")
        try FileManager.default.createSymbolicLink(atPath: dir + "/src/outside-dir", withDestinationPath: outside)
        try FileManager.default.createSymbolicLink(
            atPath: dir + "/src/outside-file.js", withDestinationPath: outside + "/leak.js")
        try FileManager.default.createSymbolicLink(atPath: dir + "/src/loop", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(
            atPath: dir + "/src/dangling.js", withDestinationPath: dir + "/nowhere.js")
        let scan = try run(["scan", ".", "--format", "json"], cwd: dir, timeout: 30)
        let report = try json(scan)
        XCTAssertEqual(scan.status, 0, "nothing outside the tree is scanned")
        XCTAssertEqual(findings(report).count, 0)
        XCTAssertEqual(summary(report)["filesScanned"] as? Int, 1)
        // The check can fail: the same secret through a real path is found.
        XCTAssertEqual(try run(["scan", outside], cwd: dir).status, 1)
    }

    /// Root ignores mode bits, so the scan runs as `nobody` (setpriv) to meet unreadable entries.
    func testUnreadableFilesAndFoldersAreReportedAndTheScanGoesOn() throws {
        guard getuid() == 0 else {
            throw XCTSkip("needs root to switch to nobody (as a normal user, chmod 000 already applies)")
        }
        let dir = try TestSupport.temporaryDirectory()
        chmod(dir, 0o755)
        try TestSupport.write("T=\"\(Self.token)\"\n", to: dir + "/ok.sh")
        try TestSupport.write("T=\"\(Self.token)\"\n", to: dir + "/locked.sh")
        try TestSupport.write("T=\"\(Self.token)\"\n", to: dir + "/closed/inner.sh")
        for path in [dir, dir + "/ok.sh", dir + "/closed"] { chmod(path, 0o755) }
        chmod(dir + "/ok.sh", 0o644)
        chmod(dir + "/locked.sh", 0o000)
        chmod(dir + "/closed", 0o000)
        // The binary must be reachable for nobody (it is, unless the checkout is private).
        guard access(TestSupport.binary, X_OK) == 0,
            (try? run(["--version"], cwd: dir, user: "nobody"))?.status == 0
        else {
            throw XCTSkip("the built binary is not executable by nobody here")
        }
        let scan = try run(["scan", ".", "--format", "json"], cwd: dir, timeout: 30, user: "nobody")
        let report = try json(scan)
        XCTAssertEqual(scan.status, 1)
        XCTAssertEqual(places(report), ["ok.sh:github-personal-access-token:1:4"])
        XCTAssertEqual(
            errors(report).map { "\($0["file"]!):\($0["kind"]!)" }, ["closed:unreadable", "locked.sh:unreadable"])
        // A path that does not exist: the scan cannot do what was asked.
        XCTAssertEqual(try run(["scan", "missing.sh"], cwd: dir).status, 2)
    }

    /// A file that vanishes between the walk and the read is reported; the other files are scanned.
    func testFileVanishingBeforeReadIsReported() throws {
        let dir = try TestSupport.temporaryDirectory()
        for name in ["a.sh", "b.sh", "c.sh"] { try TestSupport.write("T=\"\(Self.token)\"\n", to: dir + "/" + name) }
        let scanner = try TestSupport.builtinScanner()
        let paths = ["a.sh", "b.sh", "c.sh"].map { dir + "/" + $0 }
        let result = scanner.scan(paths: paths, jobs: 2) { path in
            if path.hasSuffix("/b.sh") { unlink(path) }  // deleted after the walk listed it
            return FileReader.read(path: path, maxSize: 1 << 20)
        }
        XCTAssertEqual(result.findings.map { ($0.file as NSString).lastPathComponent }, ["a.sh", "c.sh"])
        XCTAssertEqual(result.issues.map { ($0.file as NSString).lastPathComponent }, ["b.sh"])
        XCTAssertEqual(result.issues.first?.kind, .unreadable)
        XCTAssertEqual(result.filesScanned, 2)
    }

    /// Files deleted and truncated while the real binary scans them: never a crash or invalid
    /// report; each file is either scanned, reported, or gone before the walk saw it.
    func testFilesDeletedAndTruncatedDuringAScan() throws {
        let dir = try TestSupport.temporaryDirectory()
        let body = String(repeating: "let x = 1\n", count: 200) + "T=\"\(Self.token)\"\n"
        for i in 0..<1500 { try TestSupport.write(body, to: dir + "/f\(i / 100)/\(i).sh") }
        let stop = DispatchSemaphore(value: 0)
        let mutator = Thread {
            var i = 1499
            while i >= 0 && stop.wait(timeout: .now()) == .timedOut {
                let path = dir + "/f\(i / 100)/\(i).sh"
                if i % 2 == 0 { unlink(path) } else { truncate(path, 5) }
                i -= 1
            }
        }
        mutator.start()
        let scan = try run(["scan", ".", "--format", "json", "--jobs", "2"], cwd: dir, timeout: 60)
        stop.signal()
        let report = try json(scan)
        XCTAssertTrue(scan.status == 0 || scan.status == 1, "exit \(scan.status): \(scan.stderr)")
        let scanned = summary(report)["filesScanned"] as? Int ?? -1
        XCTAssertGreaterThanOrEqual(scanned, 0)
        XCTAssertLessThanOrEqual(scanned + errors(report).count, 1500)
        for error in errors(report) { XCTAssertEqual(error["kind"], "unreadable", "\(error)") }
    }

    // MARK: - names and syntax

    func testNonUTF8FileNamesAreScannedAndEscaped() throws {
        let dir = try TestSupport.temporaryDirectory()
        let text = Array("T=\"\(Self.token)\"\n".utf8)
        // name\xFF.sh and dir\xFE\xFD/in.sh, created from raw bytes (Foundation cannot name them).
        let file = Array("\(dir)/name".utf8) + [0xFF] + Array(".sh".utf8)
        let folder = Array("\(dir)/dir".utf8) + [0xFE, 0xFD]
        XCTAssertEqual(RawPath.withCString(folder) { mkdir($0, 0o755) }, 0)
        for path in [file, folder + Array("/in.sh".utf8)] {
            let fd = RawPath.withCString(path) { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
            XCTAssertGreaterThanOrEqual(fd, 0)
            _ = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        let scan = try run(["scan", ".", "--format", "json"], cwd: dir)
        let report = try json(scan)  // valid JSON despite the names
        XCTAssertEqual(scan.status, 1)
        XCTAssertEqual(
            places(report),
            [
                "dir\\xFE\\xFD/in.sh:github-personal-access-token:1:4",
                "name\\xFF.sh:github-personal-access-token:1:4",
            ])
        XCTAssertEqual(errors(report).count, 0)
        for format in ["text", "sarif"] {
            XCTAssertEqual(try run(["scan", ".", "--format", format], cwd: dir).status, 1, format)
        }
    }

    /// Unterminated strings, comments, heredocs, template literals and code fences in every
    /// lexer family: the file still lexes, the secrets before the construct are found.
    func testUnterminatedConstructsInEveryLexerFamily() throws {
        let dir = try TestSupport.temporaryDirectory()
        let gh = Self.token, ak = Self.appKey
        let cases: [(String, String)] = [
            ("a.js", "const APP_KEY = \"\(ak)\";\nconst t = \"\(gh)\";\nconst s = `abc ${x\n"),
            ("b.swift", "let APP_KEY = \"\(ak)\"\nlet t = \"\(gh)\"\nlet s = \"\"\"\nno end\n"),
            ("c.py", "APP_KEY = \"\(ak)\"\nt = \"\(gh)\"\ns = f'{x\nu = \"\"\"never\n"),
            ("d.rb", "APP_KEY = \"\(ak)\"\nt = \"\(gh)\"\nx = <<~EOF\nno end\n"),
            ("e.sh", "APP_KEY=\"\(ak)\"\nT=\"\(gh)\"\ncat <<EOF\nno end\n"),
            ("f.yaml", "app_key: \(ak)\nt: \(gh)\nx: \"never\ny: |\n"),
            ("g.json", "{\"app_key\": \"\(ak)\", \"t\": \"\(gh)\", \"x\": \"never\n"),
            (".env", "APP_KEY=\(ak)\nT=\(gh)\nX=\"never\n"),
            ("Dockerfile", "ENV APP_KEY=\(ak)\nENV T=\(gh)\nRUN echo \"never\n"),
            ("h.xml", "<k appKey=\"\(ak)\" t=\"\(gh)\"/>\n<!-- never <![CDATA[ x\n"),
            ("nginx.conf", "set $app_key \"\(ak)\";\nset $t \"\(gh)\";\nset $x \"never\n"),
            ("i.http", "GET https://api.reeflow.com/x\nAppKey: \(ak)\nX-T: \(gh)\n\n{\"x\": \"never\n"),
            ("j.md", "APP_KEY=\(ak)\nt \(gh)\n```js\nconst s = `never\n"),
            ("k.txt", "app_key = \(ak)\ntoken \(gh)\n\"never\n"),
            ("l.go", "const appKey = \"\(ak)\"\nvar t = \"\(gh)\"\nvar s = `never\n"),
            ("m.php", "<?php $appKey = \"\(ak)\"; $t = \"\(gh)\"; $s = <<<EOT\nnever\n"),
            ("n.c", "const char *APP_KEY = \"\(ak)\";\nconst char *t = \"\(gh)\";\n/* never\n"),
        ]
        for (name, text) in cases { try TestSupport.write(text, to: dir + "/" + name) }
        // Every language family is covered.
        let families = Set(cases.map { Language.detect(path: $0.0, firstBytes: Array($0.1.utf8)[...]) })
        XCTAssertEqual(families.count, 13, "\(families)")
        let scan = try run(["scan", ".", "--format", "json"], cwd: dir, timeout: 30)
        let report = try json(scan)
        XCTAssertEqual(scan.status, 1)
        XCTAssertEqual(errors(report).count, 0)
        let found = Set(findings(report).map { "\($0["file"]!) \($0["rule"]!)" })
        for (name, _) in cases {
            XCTAssertTrue(found.contains("\(name) github-personal-access-token"), name)
            // The structural rule reads tokens: it proves the lexer got past the file's start.
            if !["j.md", "k.txt", "nginx.conf"].contains(name) {
                XCTAssertTrue(found.contains("\(name) hardcoded-appkey"), name)
            }
        }
        XCTAssertEqual(try run(["scan", ".", "--fail-on", "never"], cwd: dir).status, 0)
    }

    /// 10,000 nested brackets of each kind in several lexer families: no stack overflow, and
    /// linear time (one fact once rescanned every array's contents: 50,000 `[` took minutes).
    func testTenThousandNestedBrackets() throws {
        let dir = try TestSupport.temporaryDirectory()
        var names: [String] = []
        for ext in ["js", "py", "php", "swift", "json", "yaml", "rb", "sh", "xml", "md"] {
            for (open, close) in [("[", "]"), ("{", "}"), ("(", ")")] {
                let name = "n\(open.unicodeScalars.first!.value).\(ext)"
                try TestSupport.write(
                    "T = \"\(Self.token)\"\nx = " + String(repeating: open, count: 10_000) + "\n"
                        + String(repeating: close, count: 10_000) + "\n", to: dir + "/" + name)
                names.append(name)
            }
        }
        try TestSupport.write(
            "APP_KEY = \"\(Self.appKey)\"\nx = " + String(repeating: "['A: b', ", count: 50_000)
                + String(repeating: "]", count: 50_000) + "\n", to: dir + "/deep.js")
        let scan = try run(["scan", ".", "--format", "json", "--jobs", "2"], cwd: dir, timeout: 60)
        let report = try json(scan)
        XCTAssertEqual(scan.status, 1)
        XCTAssertLessThan(scan.seconds, 30)
        let files = Set(findings(report).map { $0["file"] as? String ?? "" })
        XCTAssertEqual(files, Set(names + ["deep.js"]))
        XCTAssertEqual(errors(report).count, 0)
    }
    // MARK: - user rules

    /// A user rule whose regex backtracks catastrophically (`(a+)+$` on "aaa…ab": 2^3000 ways
    /// to fail) is cut short at its time budget; the other rules and files still run, and the
    /// report names the rule and the file.
    func testCatastrophicUserRegexIsCutShortAndNamed() throws {
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write(
            """
            {"id": "evil-backtrack", "category": "hardcoded-credential", "severity": "error", "engine": "pattern",
             "summary": "backtracks", "description": "a user rule with a catastrophic regex", "fix": "none",
             "keywords": ["aaaa"], "pattern": "(a+)+$", "placeholderCheck": false}
            """, to: dir + "/rules/evil-backtrack.json")
        try TestSupport.write(String(repeating: "a", count: 3000) + "b\n", to: dir + "/src/evil.txt")
        try TestSupport.write("T=\"\(Self.token)\"\n", to: dir + "/src/ok.sh")
        let scan = try run(["scan", "src", "--rules", "rules", "--format", "json"], cwd: dir, timeout: 60)
        let report = try json(scan)
        XCTAssertLessThan(scan.seconds, 20, "the rule's 2 s budget bounds the scan")
        XCTAssertEqual(scan.status, 2, "a file not fully checked fails closed")
        XCTAssertEqual(places(report), ["src/ok.sh:github-personal-access-token:1:4"])
        XCTAssertEqual(errors(report).map { "\($0["file"]!):\($0["kind"]!)" }, ["src/evil.txt:ruleTimeout"])
        XCTAssertTrue(errors(report).first?["message"]?.contains("evil-backtrack") == true)
        // The text report says it too.
        let text = try run(["scan", "src", "--rules", "rules"], cwd: dir, timeout: 60)
        XCTAssertTrue(
            text.stdout.contains("src/evil.txt: not fully checked: rule evil-backtrack was cut short"), text.stdout)
        // The same rule does match where it can: it is cut short, not broken.
        try TestSupport.write("aaaa\n", to: dir + "/fine/a.txt")
        XCTAssertEqual(
            places(try json(try run(["scan", "fine", "--rules", "rules", "--format", "json"], cwd: dir, timeout: 30))),
            ["fine/a.txt:evil-backtrack:1:1"])
    }
}
