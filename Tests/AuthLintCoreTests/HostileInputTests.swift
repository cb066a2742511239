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
        XCTAssertEqual(errors(report).count, 0, "a binary file is skipped by policy, not an error")
        XCTAssertEqual((summary(report)["skipped"] as? [String: Int])?["binary"], 1)
        XCTAssertEqual(summary(report)["filesScanned"] as? Int, 9)
        XCTAssertFalse(scan.stdout.contains(Self.token), "reports redact secrets")

        // Only the empty files: nothing found, nothing skipped, exit 0; the text summary counts skips.
        let empty = try run(["scan", "e", "--format", "json"], cwd: dir)
        XCTAssertEqual(empty.status, 0)
        XCTAssertEqual(summary(try json(empty))["filesScanned"] as? Int, 7)
        XCTAssertEqual(errors(try json(empty)).count, 0)
        let text = try run(["scan", "early-nul.js"], cwd: dir)
        XCTAssertEqual(text.status, 0)
        XCTAssertFalse(text.stdout.contains("early-nul.js"), "listed only with --verbose: \(text.stdout)")
        XCTAssertTrue(text.stdout.contains("1 binary file skipped"), text.stdout)
        let verbose = try run(["scan", "early-nul.js", "--verbose"], cwd: dir)
        XCTAssertTrue(verbose.stdout.contains("skipped early-nul.js: binary file"), verbose.stdout)
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
        let scan = try run(["scan", ".", "--format", "json", "--verbose"], cwd: dir, timeout: 30)
        let report = try json(scan)
        XCTAssertEqual(scan.status, 1)
        XCTAssertEqual(places(report), ["app.js:github-personal-access-token:1:12"])
        // Skipped by policy and listed (--verbose), not errors.
        XCTAssertEqual(errors(report).count, 0)
        XCTAssertEqual(
            (summary(report)["skippedFiles"] as? [String: [String]])?["notRegular"],
            [".gitignore", "pipe.js"] + (isRoot ? ["zero.js"] : []))
        // Named on the command line: still not opened, counted, and no findings means exit 0.
        let named = try run(
            ["scan", "pipe.js"] + (isRoot ? ["zero.js"] : []) + ["--format", "json"], cwd: dir, timeout: 30)
        XCTAssertEqual(named.status, 0)
        XCTAssertEqual((summary(try json(named))["skipped"] as? [String: Int])?["notRegular"], isRoot ? 2 : 1)
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
}
