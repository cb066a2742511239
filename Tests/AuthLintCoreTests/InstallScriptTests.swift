import Foundation
import XCTest

@testable import CLI
@testable import Model

/// `scripts/install.sh` into a throwaway PREFIX, and the release metadata that must name one
/// version: `--version`, the README's pinned pre-commit `rev` and the CHANGELOG's newest entry.
final class InstallScriptTests: XCTestCase {
    static let script = TestSupport.packageRoot + "/scripts/install.sh"

    func testInstallsTheBinaryIntoPrefixAndReplacesAnOldOne() throws {
        let prefix = try TestSupport.temporaryDirectory() + "/a prefix"
        // An older binary already installed: the script must replace it, not fail or nest.
        try TestSupport.write("#!/bin/sh\necho authlint 0.0.0\n", to: prefix + "/bin/authlint")
        // The debug binary CI has just built. --skip-build: `swift test` holds SwiftPM's lock on
        // .build, so the script's own `swift build` would wait for this test run to end.
        let install = try TestSupport.runWatched(
            "/bin/bash", [Self.script, "--prefix", prefix, "--configuration", "debug", "--skip-build"], cwd: prefix,
            timeout: 60)
        XCTAssertFalse(install.timedOut, "install.sh did not finish in 60 s")
        XCTAssertEqual(install.status, 0, install.stdout + install.stderr)

        let installed = prefix + "/bin/authlint"
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: installed))
        let version = try TestSupport.run(installed, ["--version"])
        XCTAssertEqual(version.stdout, "authlint \(AuthLint.version)\n")
        let built = TestSupport.packageRoot + "/.build/debug/authlint"
        XCTAssertEqual(FileManager.default.contents(atPath: installed), FileManager.default.contents(atPath: built))
        XCTAssertTrue(install.stdout.contains("installed \(installed)\n"), install.stdout)
        XCTAssertTrue(install.stdout.hasSuffix("authlint \(AuthLint.version)\n"), install.stdout)
        // The test's PATH does not hold the temporary prefix, so the script must say so.
        XCTAssertTrue(install.stderr.contains("\(prefix)/bin is not on PATH"), install.stderr)
        // The staging copy was renamed into place, not left beside it.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: prefix + "/bin"), ["authlint"])
    }

    func testRejectsBadArgumentsBeforeBuilding() throws {
        let dir = try TestSupport.temporaryDirectory()
        let bad = [
            ["--configuration", "fast"], ["--prefix"], ["--frobnicate"], ["--prefix", ""], ["--skip-build", "x"],
        ]
        for args in bad {
            let run = try TestSupport.runWatched("/bin/bash", [Self.script] + args, cwd: dir, timeout: 30)
            XCTAssertEqual(run.status, 2, "\(args): \(run.stderr)")
            XCTAssertFalse(run.stderr.isEmpty, "\(args) must say what is wrong")
            XCTAssertFalse(run.stdout.contains("swift build"), "\(args) must fail before building")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/bin"))
    }

    func testVersionReadmeRevAndChangelogAgree() throws {
        let root = TestSupport.packageRoot
        let readme = try String(contentsOfFile: root + "/README.md", encoding: .utf8)
        let changelog = try String(contentsOfFile: root + "/CHANGELOG.md", encoding: .utf8)
        let pinned = readme.matches(of: /rev: v(\d+\.\d+\.\d+)/).map { String($0.1) }
        XCTAssertFalse(pinned.isEmpty, "the README pins no pre-commit rev")
        XCTAssertEqual(Set(pinned), [AuthLint.version], "README rev: v… must be the version --version prints")
        // The newest released entry: the first `## [x.y.z]` heading ([Unreleased] has no number).
        let newest = changelog.firstMatch(of: /\n## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}\n/).map { String($0.1) }
        XCTAssertEqual(newest, AuthLint.version, "CHANGELOG.md's newest entry must be the version --version prints")
        XCTAssertEqual(
            try TestSupport.authlint(["--version"]).stdout, "authlint \(AuthLint.version)\n",
            "the binary prints the package's version")
        let license = try String(contentsOfFile: root + "/LICENSE", encoding: .utf8)
        XCTAssertTrue(license.hasPrefix("MIT License\n\nCopyright (c) 2026 authlint contributors\n"))
    }
}
