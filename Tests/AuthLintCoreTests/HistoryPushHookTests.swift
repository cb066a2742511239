import Foundation
import XCTest

/// `install-hook --pre-push` through real `git push`es to a local bare remote: a push whose
/// commits add a secret is blocked (also when a later commit deletes it again), a clean one goes
/// through, and a new branch is checked for the commits no remote has.
final class HistoryPushHookTests: XCTestCase {
    static let key = "rf_Q8w2Er5Ty9Ui3Op7"

    func testPrePushHookScansExactlyThePushedCommits() throws {
        let (gitPath, dir) = try TestSupport.makeGitRepository()
        let remote = try TestSupport.temporaryDirectory() + "/remote.git"
        func git(_ args: String...) throws -> TestSupport.RunResult { try TestSupport.run(gitPath, args, cwd: dir) }
        XCTAssertEqual(try git("init", "-q", "--bare", remote).status, 0)
        XCTAssertEqual(try git("remote", "add", "origin", remote).status, 0)
        _ = try git("checkout", "-qb", "main")
        try TestSupport.write("const x = 1;\n", to: dir + "/app.js")
        _ = try git("add", "-A")
        _ = try git("commit", "-qm", "clean")

        let installed = try TestSupport.authlint(["install-hook", "--pre-push"], cwd: dir)
        XCTAssertEqual(installed.status, 0, installed.stderr)
        let hook = dir + "/.git/hooks/pre-push"
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: hook))
        let content = try String(contentsOfFile: hook, encoding: .utf8)
        XCTAssertEqual(try TestSupport.authlint(["install-hook", "--pre-push"], cwd: dir).status, 0)
        XCTAssertEqual(try String(contentsOfFile: hook, encoding: .utf8), content, "installing twice changes nothing")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/.git/hooks/pre-commit"))

        XCTAssertEqual(try git("push", "-q", "origin", "main").status, 0, "a clean first push goes through")

        // Added, then deleted again: the secret is still in the commits being pushed.
        try TestSupport.write("const APP_KEY = '\(Self.key)';\n", to: dir + "/keys.js")
        _ = try git("add", "-A")
        _ = try git("commit", "-qm", "leak")
        _ = try git("rm", "-q", "keys.js")
        _ = try git("commit", "-qm", "unleak")
        let blocked = try git("push", "origin", "main")
        XCTAssertNotEqual(blocked.status, 0, "the push is blocked")
        XCTAssertTrue((blocked.stdout + blocked.stderr).contains("hardcoded-appkey"), blocked.stdout + blocked.stderr)
        XCTAssertFalse((blocked.stdout + blocked.stderr).contains(Self.key))
        let remoteHead = try TestSupport.run(gitPath, ["rev-parse", "main"], cwd: remote).stdout
        XCTAssertEqual(remoteHead, try git("rev-parse", "main~2").stdout, "the remote did not move")

        // Rewritten without the leak: only the new clean commit is pushed and scanned.
        _ = try git("reset", "-q", "--hard", "main~2")
        try TestSupport.write("const x = 2;\n", to: dir + "/app.js")
        _ = try git("commit", "-qam", "clean again")
        XCTAssertEqual(try git("push", "-q", "origin", "main").status, 0)

        // A new branch: its commits that no remote-tracking ref holds are scanned.
        _ = try git("checkout", "-qb", "feature")
        try TestSupport.write("const APP_KEY = '\(Self.key)';\n", to: dir + "/f.js")
        _ = try git("add", "-A")
        _ = try git("commit", "-qm", "feature leak")
        XCTAssertNotEqual(try git("push", "-q", "origin", "feature").status, 0, "the new branch is blocked")
        _ = try git("reset", "-q", "--hard", "main")
        XCTAssertEqual(try git("push", "-q", "origin", "feature").status, 0, "a new branch with nothing new")
        XCTAssertEqual(try git("push", "-q", "origin", ":feature").status, 0, "a deletion has nothing to scan")
    }
}
