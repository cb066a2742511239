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

/// Git is read, never obeyed; --staged and --since never fail open; the hook runs authlint.
final class GitHygieneTests: XCTestCase {
    static let secret = "rf_Q8w2Er5Ty9Ui3Op7"
    static let line = "APP_KEY = '\(secret)'\n"

    func makeRepo() throws -> (git: String, dir: String) { try TestSupport.makeGitRepository() }

    func files(_ output: String) -> [String] {
        output.split(separator: "\n").map { String($0.prefix(while: { $0 != " " })) }
    }

    /// `file:line:column:` of each finding in a JSON report (names may hold newlines).
    func located(_ json: String) -> [String] {
        let report = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any]
        return ((report?["findings"] as? [[String: Any]]) ?? []).map {
            "\($0["file"] ?? ""):\($0["line"] ?? ""):\($0["column"] ?? ""):"
        }
    }

    /// A repository whose config, attributes and hooks name programs that `touch` a marker, with
    /// staged and unstaged changes and a tracked `.env`: no mode of authlint may start one.
    func testNoRepositoryControlledProgramRuns() throws {
        let (git, dir) = try makeRepo()
        let markers = dir + "-markers", hooks = dir + "-hooks"
        try FileManager.default.createDirectory(atPath: markers, withIntermediateDirectories: true)
        try TestSupport.write("* diff=tc filter=f\n", to: dir + "/.gitattributes")
        try TestSupport.write("x = 1\n", to: dir + "/a.py")
        try TestSupport.write("STRIPE_SECRET=Zx8Kp2Qw9Lm4Rt7Vb3Nc\n", to: dir + "/.env")
        try TestSupport.run(git, ["add", "."], cwd: dir)
        try TestSupport.run(git, ["commit", "-qm", "base", "--no-verify"], cwd: dir)
        try TestSupport.write("x = 1\n" + Self.line, to: dir + "/a.py")
        try TestSupport.run(git, ["add", "a.py"], cwd: dir)
        try TestSupport.write("x = 1\n" + Self.line + "appKey = 'rf_Z9x8C7v6B5n4M3q2'\n", to: dir + "/a.py")

        func command(_ name: String) -> String { "touch '\(markers)/\(name)'; cat" }
        for (key, value) in [
            ("core.fsmonitor", command("fsmonitor")), ("diff.tc.textconv", command("textconv")),
            ("diff.external", command("external")), ("core.pager", command("pager")),
            ("filter.f.clean", command("clean")), ("filter.f.smudge", command("smudge")),
            ("filter.f.process", command("process")), ("core.hooksPath", hooks),
        ] {
            try TestSupport.run(git, ["config", key, value], cwd: dir)
        }
        for hook in [
            "pre-commit", "post-checkout", "post-index-change", "reference-transaction", "fsmonitor-watchman",
            "pre-auto-gc",
        ] {
            for folder in [hooks, dir + "/.git/hooks"] {
                try TestSupport.write("#!/bin/sh\ntouch '\(markers)/hook-\(hook)'\n", to: "\(folder)/\(hook)")
                chmod("\(folder)/\(hook)", 0o755)
            }
        }
        // A sure way to see that the markers work: plain git runs them.
        _ = try TestSupport.run(git, ["diff", "HEAD"], cwd: dir)
        XCTAssertFalse(
            try FileManager.default.contentsOfDirectory(atPath: markers).isEmpty, "the test's markers do not fire")
        for name in try FileManager.default.contentsOfDirectory(atPath: markers) {
            try FileManager.default.removeItem(atPath: markers + "/" + name)
        }

        let tree = try TestSupport.authlint(["scan", "--format", "compact"], cwd: dir)
        XCTAssertTrue(tree.stdout.contains("committed-dotenv"), tree.stdout + tree.stderr)
        let staged = try TestSupport.authlint(["scan", "--staged", "--format", "compact"], cwd: dir)
        XCTAssertEqual(
            files(staged.stdout).filter { $0.hasPrefix("a.py") }, ["a.py:2:12:"], staged.stdout + staged.stderr)
        let since = try TestSupport.authlint(["scan", "--since", "HEAD", "--format", "compact"], cwd: dir)
        XCTAssertEqual(files(since.stdout), ["a.py:2:12:", "a.py:3:11:"], since.stdout + since.stderr)
        let both = try TestSupport.authlint(["scan", "--staged", "--since", "HEAD", "--format", "compact"], cwd: dir)
        XCTAssertEqual(files(both.stdout), ["a.py:2:12:"], both.stdout + both.stderr)
        let stdin = try TestSupport.authlint(
            ["scan", "--stdin-filename", dir + "/.env", "--format", "compact"], cwd: dir,
            stdin: "STRIPE_SECRET=Zx8Kp2Qw9Lm4Rt7Vb3Nc\n")
        XCTAssertTrue(stdin.stdout.contains("committed-dotenv"), stdin.stdout + stdin.stderr)

        let server = try LSPProcess(cwd: dir)
        defer { server.kill() }
        _ = try server.request("initialize", ["processId": NSNull(), "rootUri": NSNull(), "capabilities": [:]])
        try server.notify("initialized", [:])
        let uri = DocumentURI.fileURI(dir + "/.env")
        try server.notify(
            "textDocument/didOpen",
            [
                "textDocument": [
                    "uri": uri, "languageId": "", "version": 1, "text": "STRIPE_SECRET=Zx8Kp2Qw9Lm4Rt7Vb3Nc\n",
                ]
            ])
        XCTAssertTrue(try server.diagnostics(for: uri).contains { $0.code == "committed-dotenv" })

        _ = try TestSupport.authlint(["install-hook", "--force"], cwd: dir)
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: markers), [], "a repository-controlled program ran")
    }

    func testSinceKeepsFindingsWhateverTheNamesAttributesAndPathForms() throws {
        let (git, dir) = try makeRepo()
        let names = [
            "plain.py", "with space.py", "tab\there.py", "quo\"te.py", "new\nline.py", "ünïcode.py", "sub/deep.py",
        ]
        try TestSupport.write("* -diff\n", to: dir + "/.gitattributes")
        for name in names { try TestSupport.write("x = 1\n", to: "\(dir)/\(name)") }
        try TestSupport.run(git, ["add", "."], cwd: dir)
        try TestSupport.run(git, ["commit", "-qm", "base"], cwd: dir)
        try TestSupport.run(git, ["config", "diff.mnemonicPrefix", "true"], cwd: dir)
        // The second line reads `++ x` in the diff's `+++ x`: content, not a file header.
        for name in names { try TestSupport.write("x = 1\n++ x\n" + Self.line, to: "\(dir)/\(name)") }

        let run = try TestSupport.authlint(["scan", "--since", "HEAD", "--format", "json"], cwd: dir)
        XCTAssertEqual(run.status, 1, run.stderr)
        let reported = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let found = Set(((reported?["findings"] as? [[String: Any]]) ?? []).compactMap { $0["file"] as? String })
        // Names are reported with control characters escaped (`PrintableText`), as everywhere.
        XCTAssertEqual(found, Set(names.map(PrintableText.escaped)), run.stdout)

        // The same scan named by an absolute path, from a sibling directory, and with `//`.
        let absolute = try TestSupport.authlint(
            ["scan", "--since", "HEAD", "--format", "compact", dir + "/plain.py"], cwd: "/")
        XCTAssertEqual(files(absolute.stdout), [dir + "/plain.py:3:12:"], absolute.stdout + absolute.stderr)
        let sibling = try TestSupport.temporaryDirectory()
        let relative = PathSyntax.relative(dir, from: PathSyntax.resolved(sibling))
        let up = try TestSupport.authlint(
            ["scan", "--since", "HEAD", "--format", "compact", relative + "/sub"], cwd: sibling)
        XCTAssertEqual(files(up.stdout), [relative + "/sub/deep.py:3:12:"], up.stdout + up.stderr)
        let doubled = try TestSupport.authlint(
            ["scan", "--since", "HEAD", "--format", "compact", "sub//deep.py"], cwd: dir)
        XCTAssertEqual(files(doubled.stdout), ["sub//deep.py:3:12:"], doubled.stdout + doubled.stderr)
    }

    func testStagedReadsEveryEntryByObjectId() throws {
        let (git, dir) = try makeRepo()
        let names = ["a\nb.py", "b.py", "c d.py", "z.py"]
        for (index, name) in names.enumerated() {
            try TestSupport.write("\n" + String(repeating: "\n", count: index) + Self.line, to: "\(dir)/\(name)")
        }
        // A name that is not UTF-8 (byte 0xFF).
        let rawName = Array(dir.utf8) + Array("/bad".utf8) + [0xFF] + Array(".py".utf8)
        let fd = (rawName.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer {
            open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644)
        }
        XCTAssertGreaterThanOrEqual(fd, 0)
        _ = Array(Self.line.utf8).withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
        close(fd)
        try TestSupport.run(git, ["add", "."], cwd: dir)
        // A submodule entry (gitlink) between the files.
        let head = try TestSupport.run(
            git, ["hash-object", "-t", "commit", "--stdin"], cwd: dir,
            stdin:
                "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nauthor a <a@b> 0 +0000\ncommitter a <a@b> 0 +0000\n\nx\n"
        )
        try TestSupport.run(
            git,
            [
                "update-index", "--add", "--cacheinfo",
                "160000,\(head.stdout.trimmingCharacters(in: .whitespacesAndNewlines)),b0-module",
            ], cwd: dir)

        let run = try TestSupport.authlint(["scan", "--staged", "--format", "json"], cwd: dir)
        XCTAssertEqual(run.status, 1, run.stderr)
        // Each file with its own content: the secret on line 2, 3, 4, 5 by position in `names`.
        XCTAssertEqual(
            located(run.stdout).sorted(),
            ["a\\x0Ab.py:2:12:", "b.py:3:12:", "bad\\xFF.py:1:12:", "c d.py:4:12:", "z.py:5:12:"].sorted(),
            run.stdout + run.stderr)
    }

    func testOversizedStagedBlobIsSkippedBeforeItIsRead() throws {
        let (git, dir) = try makeRepo()
        try TestSupport.write(String(repeating: "x = 1\n", count: 2000) + Self.line, to: dir + "/big.py")
        try TestSupport.write(Self.line, to: dir + "/small.py")
        try TestSupport.run(git, ["add", "."], cwd: dir)
        let staged = try GitIndex.stagedFiles(cwd: dir, maxSize: 1000)
        XCTAssertEqual(staged.files.map(\.path), ["small.py"])
        XCTAssertEqual(staged.issues.map(\.kind), [.tooLarge])
        XCTAssertEqual(staged.issues.first?.file, "big.py")
    }

    func testSinceInAShallowCloneExplainsWhy() throws {
        let (git, dir) = try makeRepo()
        for n in 1...2 {
            try TestSupport.write("x = \(n)\n", to: dir + "/a.py")
            try TestSupport.run(git, ["add", "."], cwd: dir)
            try TestSupport.run(git, ["commit", "-qm", "c\(n)"], cwd: dir)
        }
        let clone = dir + "-shallow"
        try TestSupport.run(git, ["clone", "-q", "--depth", "1", "file://" + dir, clone])
        let run = try TestSupport.authlint(["scan", "--since", "HEAD~1"], cwd: clone)
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("'HEAD~1' is not in this shallow clone of "), run.stderr)
        for fix in ["`git fetch --unshallow`", "`fetch-depth: 0` on actions/checkout"] {
            XCTAssertTrue(run.stderr.contains(fix), run.stderr)
        }
        XCTAssertFalse(run.stderr.contains("failed: \n") || run.stderr.contains("failed: "), run.stderr)
        // The fix it names works.
        XCTAssertEqual(try TestSupport.run(git, ["fetch", "-q", "--unshallow"], cwd: clone).status, 0)
        XCTAssertEqual(try TestSupport.authlint(["scan", "--since", "HEAD~1"], cwd: clone).status, 0)
        // Not shallow: the unknown revision is named, with no empty git reason.
        let unknown = try TestSupport.authlint(["scan", "--since", "no-such-branch"], cwd: dir)
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(
            unknown.stderr.contains("'no-such-branch' is not a commit in the repository at "), unknown.stderr)
        XCTAssertFalse(unknown.stderr.contains("shallow"), unknown.stderr)
        // Outside any repository: said so.
        let outside = try TestSupport.temporaryDirectory()
        let noRepo = try TestSupport.authlint(["scan", "--since", "HEAD"], cwd: outside)
        XCTAssertEqual(noRepo.status, 2)
        XCTAssertTrue(noRepo.stderr.contains("is not inside a git repository"), noRepo.stderr)
        let dashed = try TestSupport.authlint(["scan", "--since", "--output=\(dir)/x"], cwd: dir)
        XCTAssertEqual(dashed.status, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/x"))
    }

    func testHookRunsTheInstallingBinaryNeverAWorkTreeFile() throws {
        let (git, dir) = try makeRepo()
        let marker = dir + "-marker"
        try TestSupport.write("#!/bin/sh\ntouch '\(marker)'\n", to: dir + "/authlint")
        chmod(dir + "/authlint", 0o755)
        try TestSupport.run(git, ["add", "authlint"], cwd: dir)
        try TestSupport.run(git, ["commit", "-qm", "a committed file named authlint", "--no-verify"], cwd: dir)
        // Installed as `authlint install-hook`, found on PATH.
        let binDir = PathSyntax.parent(PathSyntax.resolved(TestSupport.binary))
        let install = try TestSupport.run(
            "/bin/sh", ["-c", "exec authlint install-hook"], cwd: dir, environment: ["PATH": binDir + ":/usr/bin:/bin"])
        XCTAssertEqual(install.status, 0, install.stderr)
        XCTAssertFalse(try String(contentsOfFile: dir + "/.git/hooks/pre-commit", encoding: .utf8).contains(dir + "/"))

        // At commit time authlint is not on PATH (a GUI git client): the hook still runs it.
        try TestSupport.write("const APP_KEY = '\(Self.secret)';\n", to: dir + "/a.js")
        try TestSupport.run(git, ["add", "a.js"], cwd: dir)
        let commit = try TestSupport.run(
            git, ["commit", "-qm", "leak"], cwd: dir, environment: ["PATH": "/usr/bin:/bin"])
        XCTAssertNotEqual(commit.status, 0, "the commit is blocked")
        XCTAssertTrue(
            commit.stderr.contains("hardcoded-appkey") || commit.stdout.contains("hardcoded-appkey"),
            commit.stdout + commit.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker), "the hook ran the work tree's `authlint`")

        // The binary gone: the commit is blocked with a message, not let through.
        try TestSupport.write(
            InstallHookCommand.script(binary: dir + "-gone/authlint"), to: dir + "/.git/hooks/pre-commit")
        chmod(dir + "/.git/hooks/pre-commit", 0o755)
        let missing = try TestSupport.run(git, ["commit", "-qm", "leak"], cwd: dir)
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.stderr.contains("missing or not executable; commit blocked"), missing.stderr)

        // A binary inside the work tree is refused.
        let copy = dir + "/tools/authlint"
        try FileManager.default.createDirectory(atPath: dir + "/tools", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: TestSupport.binary, toPath: copy)
        let inside = try TestSupport.run(copy, ["install-hook", "--force"], cwd: dir)
        XCTAssertEqual(inside.status, 2, inside.stdout)
        XCTAssertTrue(inside.stderr.contains("inside the work tree"), inside.stderr)
    }

    /// committed-dotenv decides "ignored" with authlint's own matcher (no `git check-ignore`).
    func testCommittedDotEnvFollowsTheRepositoryIgnoreRules() throws {
        let (git, dir) = try makeRepo()
        try TestSupport.write("secrets/\n!secrets/.env\n*.local\n", to: dir + "/.gitignore")
        try TestSupport.write("/.env\n", to: dir + "/config/.gitignore")
        let credentials = "STRIPE_SECRET=Zx8Kp2Qw9Lm4Rt7Vb3Nc\n"
        for path in ["secrets/.env", ".env.local", "deploy/.env", "config/.env", "config/sub/.env"] {
            try TestSupport.write(credentials, to: "\(dir)/\(path)")
        }
        try TestSupport.run(git, ["add", "-f", "config/sub/.env"], cwd: dir)
        let run = try TestSupport.authlint(
            ["scan", "--no-ignore", "--format", "json", "--enable", "committed-dotenv"], cwd: dir)
        let flagged = located(run.stdout)
        let report = (try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) as? [String: Any]
        let dotenv = ((report?["findings"] as? [[String: Any]]) ?? []).filter {
            $0["rule"] as? String == "committed-dotenv"
        }.compactMap { $0["file"] as? String }
        XCTAssertEqual(Set(dotenv), ["deploy/.env", "config/sub/.env"], flagged.joined(separator: "\n") + run.stderr)
    }
}
