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

/// The real pre-commit framework, with this repository (at HEAD) as the hook repository,
/// in a throwaway git repository.
final class PreCommitFrameworkTests: XCTestCase {
    func testPreCommitBlocksSecretsAndRunAllFilesScansEverything() throws {
        let preCommit = try TestSupport.requireTool("pre-commit")
        let git = try TestSupport.requireTool("git")
        let root = TestSupport.packageRoot
        let rev = try TestSupport.run(git, ["rev-parse", "HEAD"], cwd: root).stdout.trimmingCharacters(
            in: .whitespacesAndNewlines)
        guard rev.count == 40 else { throw XCTSkip("the package is not a git checkout with commits") }
        // A cache under .build: pre-commit builds authlint once per revision, not once per run.
        let env = ["PRE_COMMIT_HOME": root + "/.build/pre-commit-home", "PRE_COMMIT_COLOR": "never"]

        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.run(git, ["init", "-q", dir])
        try TestSupport.run(git, ["config", "user.email", "t@example.invalid"], cwd: dir)
        try TestSupport.run(git, ["config", "user.name", "t"], cwd: dir)
        try TestSupport.write(
            """
            repos:
              - repo: \(root)
                rev: \(rev)
                hooks:
                  - id: authlint
            """, to: dir + "/.pre-commit-config.yaml")
        // An old secret committed before the hook existed.
        try TestSupport.write("const APP_KEY = 'rf_Old5Secret9Value2Here';\n", to: dir + "/old.js")
        try TestSupport.run(git, ["add", "."], cwd: dir)
        try TestSupport.run(git, ["commit", "-qm", "before the hook"], cwd: dir)
        let install = try TestSupport.run(preCommit, ["install"], cwd: dir, environment: env)
        XCTAssertEqual(install.status, 0, install.stdout + install.stderr)

        // A staged secret blocks the commit with authlint's message (and not the secret).
        try TestSupport.write("const APP_KEY = 'rf_Q8w2Er5Ty9Ui3Op7';\n", to: dir + "/new.js")
        try TestSupport.run(git, ["add", "new.js"], cwd: dir)
        let blocked = try TestSupport.run(git, ["commit", "-m", "leak"], cwd: dir, environment: env)
        let blockedOutput = blocked.stdout + blocked.stderr
        XCTAssertNotEqual(blocked.status, 0, blockedOutput)
        XCTAssertTrue(blockedOutput.contains("new.js:1:") && blockedOutput.contains("hardcoded-appkey"), blockedOutput)
        XCTAssertFalse(blockedOutput.contains("old.js"), "a commit checks the staged files only")
        XCTAssertFalse(blockedOutput.contains("rf_Q8w2Er5Ty9Ui3Op7"))

        // A clean commit passes.
        try TestSupport.write("const APP_KEY = process.env.REPORT_FLOW_APP_KEY;\n", to: dir + "/new.js")
        try TestSupport.run(git, ["add", "new.js"], cwd: dir)
        let clean = try TestSupport.run(git, ["commit", "-m", "clean"], cwd: dir, environment: env)
        XCTAssertEqual(clean.status, 0, clean.stdout + clean.stderr)

        // --all-files scans every file, including the old one nobody touched.
        let all = try TestSupport.run(preCommit, ["run", "--all-files"], cwd: dir, environment: env)
        XCTAssertNotEqual(all.status, 0)
        XCTAssertTrue(all.stdout.contains("old.js:1:"), all.stdout + all.stderr)
    }
}
