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

/// `--staged` and `install-hook` against real git repositories made by the test.
final class StagedTests: XCTestCase {
    static let secret = "rf_Q8w2Er5Ty9Ui3Op7"

    func makeRepo() throws -> (git: String, dir: String) { try TestSupport.makeGitRepository() }

    func testStagedScansTheIndexNotTheWorkTree() throws {
        let (git, dir) = try makeRepo()
        // Repository with no commits yet; a path with spaces and non-ASCII characters.
        let name = "src/my clïent.js"
        try TestSupport.write("const APP_KEY = '\(Self.secret)';\n", to: "\(dir)/\(name)")
        try TestSupport.run(git, ["add", "."], cwd: dir)
        // Cleaned in the work tree after staging: the staged secret is still caught.
        try TestSupport.write("const APP_KEY = process.env.APP_KEY;\n", to: "\(dir)/\(name)")
        let staged = try TestSupport.authlint(["scan", "--staged", "--format", "compact"], cwd: dir)
        XCTAssertEqual(staged.status, 1, staged.stderr)
        XCTAssertTrue(staged.stdout.hasPrefix("\(name):1:"), staged.stdout)

        // From a subdirectory, paths are relative to it.
        let sub = try TestSupport.authlint(["scan", "--staged", "--format", "compact"], cwd: dir + "/src")
        XCTAssertTrue(sub.stdout.hasPrefix("my clïent.js:1:"), sub.stdout)

        // The reverse: a secret only in the work tree is not reported by --staged.
        try TestSupport.run(git, ["add", "."], cwd: dir)
        try TestSupport.write("const APP_KEY = '\(Self.secret)';\n", to: "\(dir)/\(name)")
        let clean = try TestSupport.authlint(["scan", "--staged"], cwd: dir)
        XCTAssertEqual(clean.status, 0, clean.stdout)

        // Staged UTF-16 content is decoded like a file on disk, not skipped as binary.
        let utf16 = "APP_KEY = '\(Self.secret)'\n"
        try Data([0xFF, 0xFE] + utf16.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(
            to: URL(fileURLWithPath: dir + "/wide.py"))
        try TestSupport.run(git, ["add", "wide.py"], cwd: dir)
        let wide = try TestSupport.authlint(["scan", "--staged", "--format", "compact"], cwd: dir)
        XCTAssertTrue(wide.stdout.contains("wide.py:1:12: error"), wide.stdout + wide.stderr)
        try TestSupport.run(git, ["rm", "-q", "--cached", "wide.py"], cwd: dir)
        try FileManager.default.removeItem(atPath: dir + "/wide.py")

        // Deleted files are skipped.
        try TestSupport.run(git, ["commit", "-qm", "x", "--no-verify"], cwd: dir)

        // A linked worktree has its own index; a renamed file counts as added.
        let linked = dir + "-linked"
        try TestSupport.run(git, ["worktree", "add", "-q", linked], cwd: dir)
        try TestSupport.run(git, ["mv", name, "src/renamed.js"], cwd: linked)
        try TestSupport.write("const APP_KEY = '\(Self.secret)';\n", to: linked + "/src/renamed.js")
        try TestSupport.run(git, ["add", "."], cwd: linked)
        let inWorktree = try TestSupport.authlint(["scan", "--staged", "--format", "compact"], cwd: linked)
        XCTAssertTrue(inWorktree.stdout.hasPrefix("src/renamed.js:1:"), inWorktree.stdout + inWorktree.stderr)
        XCTAssertEqual(
            try TestSupport.authlint(["scan", "--staged"], cwd: dir).status, 0, "the main worktree's index is clean")
        try TestSupport.run(git, ["rm", "-q", name], cwd: dir)
        XCTAssertEqual(try TestSupport.authlint(["scan", "--staged"], cwd: dir).status, 0)
    }

    func testInstallHookBlocksACommitAndIsIdempotent() throws {
        let (git, dir) = try makeRepo()
        let first = try TestSupport.authlint(["install-hook"], cwd: dir)
        XCTAssertEqual(first.status, 0, first.stderr)
        let hook = dir + "/.git/hooks/pre-commit"
        let content = try String(contentsOfFile: hook, encoding: .utf8)
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: hook))
        XCTAssertEqual(try TestSupport.authlint(["install-hook"], cwd: dir).status, 0)
        XCTAssertEqual(try String(contentsOfFile: hook, encoding: .utf8), content, "running it twice changes nothing")

        try TestSupport.write("const APP_KEY = '\(Self.secret)';\n", to: dir + "/a.js")
        try TestSupport.run(git, ["add", "a.js"], cwd: dir)
        let blocked = try TestSupport.run(git, ["commit", "-qm", "leak"], cwd: dir)
        XCTAssertNotEqual(blocked.status, 0, "the hook blocks the commit")
        XCTAssertTrue((blocked.stdout + blocked.stderr).contains("hardcoded-appkey"), blocked.stdout + blocked.stderr)
        XCTAssertFalse((blocked.stdout + blocked.stderr).contains(Self.secret))

        try TestSupport.write("const APP_KEY = process.env.APP_KEY;\n", to: dir + "/a.js")
        try TestSupport.run(git, ["add", "a.js"], cwd: dir)
        XCTAssertEqual(try TestSupport.run(git, ["commit", "-qm", "clean"], cwd: dir).status, 0)

        // A hook authlint did not write is not replaced without --force; core.hooksPath is honoured.
        try TestSupport.run(git, ["config", "core.hooksPath", "custom-hooks"], cwd: dir)
        try TestSupport.write("#!/bin/sh\necho mine\n", to: dir + "/custom-hooks/pre-commit")
        XCTAssertEqual(try TestSupport.authlint(["install-hook"], cwd: dir).status, 2)
        XCTAssertEqual(try TestSupport.authlint(["install-hook", "--force"], cwd: dir).status, 0)
        XCTAssertTrue(
            try String(contentsOfFile: dir + "/custom-hooks/pre-commit", encoding: .utf8).contains("scan --staged"))
    }
}

final class SinceTests: XCTestCase {
    func testSinceReportsOnlyChangedLinesAndUnusedSuppressions() throws {
        let git = try TestSupport.requireTool("git")
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.run(git, ["init", "-q", dir])
        try TestSupport.run(git, ["config", "user.email", "t@example.invalid"], cwd: dir)
        try TestSupport.run(git, ["config", "user.name", "t"], cwd: dir)
        try TestSupport.write("const APP_KEY = 'rf_Old5Secret9Value2Here';\nconst a = 1;\n", to: dir + "/a.js")
        try TestSupport.run(git, ["add", "."], cwd: dir)
        try TestSupport.run(git, ["commit", "-qm", "base"], cwd: dir)
        let base = try TestSupport.run(git, ["rev-parse", "HEAD"], cwd: dir).stdout.trimmingCharacters(
            in: .whitespacesAndNewlines)

        // Nothing changed: the old finding is not reported.
        XCTAssertEqual(try TestSupport.authlint(["scan", "--since", base], cwd: dir).status, 0)
        // A new secret on a changed line and one in an untracked file are reported; the old one is not.
        try TestSupport.write(
            "const APP_KEY = 'rf_Old5Secret9Value2Here';\nconst appKey = 'rf_New7Secret3Value8Here';\n",
            to: dir + "/a.js")
        try TestSupport.write("APP_KEY = 'rf_Untracked4Secret6Value'\n", to: dir + "/sub/b.py")
        let run = try TestSupport.authlint(["scan", "--since", base, "--format", "compact"], cwd: dir)
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(
            run.stdout.split(separator: "\n").map { String($0.prefix(while: { $0 != " " })) },
            ["a.js:2:17:", "sub/b.py:1:12:"], run.stdout)
        // With --staged the diff is taken against the index: nothing staged yet, nothing reported.
        XCTAssertEqual(try TestSupport.authlint(["scan", "--staged", "--since", base], cwd: dir).status, 0)
        XCTAssertEqual(try TestSupport.authlint(["scan", "--since", "no-such-rev"], cwd: dir).status, 2)

        // An ignore comment that suppresses nothing is reported on request, without the line's secret.
        try TestSupport.write(
            "const token = 'rf_Q8w2Er5Ty9Ui3Op7'; // authlint:ignore insecure-http-url\n", to: dir + "/c.js")
        let unused = try TestSupport.authlint(
            ["scan", "c.js", "--report-unused-suppressions", "--fail-on", "note", "--format", "json"], cwd: dir)
        XCTAssertEqual(unused.status, 1)
        XCTAssertTrue(unused.stdout.contains("\"rule\": \"unused-suppression\""), unused.stdout)
        XCTAssertFalse(unused.stdout.contains("rf_Q8w2Er5Ty9Ui3Op7"), unused.stdout)
    }
}
