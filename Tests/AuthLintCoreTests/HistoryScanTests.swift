import Foundation
import XCTest

/// `scan --history` on real repositories: every finding's commit, path and line checked against
/// what `git show` says the commit holds, attribution to the introducing commit with later ones
/// as occurrences, fingerprints shared with a work-tree scan, and no repository-configured
/// program ever run.
final class HistoryScanTests: XCTestCase {
    static let firstKey = "rf_Q8w2Er5Ty9Ui3Op7"
    static let secondKey = "rf_Z9x8C7v6B5n4M3k2"
    static let bigKey = "rf_P1o2I3u4Y5t6R7e8"

    struct Repository {
        var git: String
        var dir: String
        func run(_ args: String...) throws -> String {
            let result = try TestSupport.run(git, args, cwd: dir)
            XCTAssertEqual(result.status, 0, "git \(args.joined(separator: " ")): \(result.stderr)")
            return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        func write(_ text: String, _ path: String) throws { try TestSupport.write(text, to: dir + "/" + path) }
        func commit(_ message: String) throws { _ = try run("add", "-A"); _ = try run("commit", "-qm", message) }
    }

    /// Additions, a deletion, a rename on a branch merged back, a binary and a 2.5 MB file, a
    /// secret added in one commit and deleted in the next, one that stays across an edit.
    func makeHistory() throws -> Repository {
        let (git, dir) = try TestSupport.makeGitRepository()
        let repo = Repository(git: git, dir: dir)
        _ = try repo.run("checkout", "-qb", "main")
        try repo.write("# demo\n", "README.md")
        try repo.write("const x = 1;\n", "app.js")
        try Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0] + Array("const APP_KEY = '\(Self.firstKey)';".utf8)).write(
            to: URL(fileURLWithPath: dir + "/logo.png"))
        let filler = String(repeating: "const filler = 1;\n", count: 140_000)
        try repo.write(filler + "const APP_KEY = '\(Self.bigKey)';\n", "big.js")
        try repo.commit("base")
        try repo.write("const a = 1;\nconst APP_KEY = '\(Self.firstKey)';\n", "config.js")
        try repo.commit("leak")
        try repo.write("const a = 1;\nconst APP_KEY = process.env.APP_KEY;\n", "config.js")
        try repo.commit("remove leak")
        try repo.write("const APP_KEY = '\(Self.secondKey)';\n", "keys.js")
        try repo.commit("keep")
        try repo.write("// keys\nconst APP_KEY = '\(Self.secondKey)';\n", "keys.js")
        try repo.commit("edit keys")
        _ = try repo.run("checkout", "-qb", "side")
        _ = try repo.run("mv", "keys.js", "lib.js")
        try repo.commit("rename keys")
        _ = try repo.run("checkout", "-q", "main")
        try repo.write("const x = 2;\n", "app.js")
        try repo.commit("main change")
        _ = try repo.run("merge", "-q", "--no-edit", "side")
        _ = try repo.run("rm", "-q", "big.js")
        try repo.commit("drop big")
        return repo
    }

    static func findings(_ output: String) throws -> [[String: Any]] {
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        return try XCTUnwrap(json["findings"] as? [[String: Any]])
    }

    func testEveryFindingIsAtTheCommitPathAndLineGitShows() throws {
        let repo = try makeHistory()
        let run = try TestSupport.authlint(["scan", "--history", "--format", "json"], cwd: repo.dir)
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertFalse(run.stdout.contains(Self.firstKey) || run.stdout.contains(Self.secondKey))
        let findings = try Self.findings(run.stdout).filter { $0["rule"] as? String == "hardcoded-appkey" }
        var seen: [String: (subject: String, line: Int)] = [:]
        for finding in findings {
            let commit = try XCTUnwrap(finding["commit"] as? String)
            let file = try XCTUnwrap(finding["file"] as? String)
            let line = try XCTUnwrap(finding["line"] as? Int)
            // The commit holds the secret at that line, and its parent did not hold that line.
            let lines = try repo.run("show", "\(commit):\(file)").components(separatedBy: "\n")
            XCTAssertTrue(lines[line - 1].contains("APP_KEY = 'rf_"), "\(file):\(line) at \(commit)")
            let parent = try TestSupport.run(repo.git, ["show", "\(commit)^:\(file)"], cwd: repo.dir)
            XCTAssertFalse(parent.status == 0 && parent.stdout.contains(lines[line - 1]), "introduced at \(commit)")
            XCTAssertEqual(try repo.run("log", "-1", "--format=%an <%ae>", commit), finding["author"] as? String)
            XCTAssertEqual(try repo.run("log", "-1", "--format=%aI", commit), finding["date"] as? String)
            seen[file] = (try repo.run("log", "-1", "--format=%s", commit), line)
        }
        XCTAssertEqual(seen["config.js"]?.subject, "leak", "added in one commit and deleted in the next")
        XCTAssertEqual(seen["config.js"]?.line, 2)
        XCTAssertEqual(seen["keys.js"]?.subject, "keep")
        XCTAssertEqual(seen["keys.js"]?.line, 1)
        XCTAssertEqual(seen["lib.js"]?.subject, "rename keys", "a renamed file is reported at its new path")
        XCTAssertEqual(seen["big.js"]?.subject, "base", "a large blob is scanned in windows")
        XCTAssertEqual(seen["big.js"]?.line, 140_001)
        XCTAssertEqual(findings.count, 4, "each finding once: \(seen)")
        XCTAssertNil(seen["logo.png"], "binary blobs are not scanned")

        // Kept across an edit: reported once, at the commit that introduced it, with the edit
        // as a later occurrence at its own line.
        let keys = try XCTUnwrap(findings.first { $0["file"] as? String == "keys.js" })
        let occurrences = try XCTUnwrap(keys["occurrences"] as? [[String: Any]])
        XCTAssertEqual(occurrences.count, 1)
        XCTAssertEqual(try repo.run("log", "-1", "--format=%s", occurrences[0]["commit"] as? String ?? ""), "edit keys")
        XCTAssertEqual(occurrences[0]["line"] as? Int, 2)

        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let history = try XCTUnwrap((json["summary"] as? [String: Any])?["history"] as? [String: Any])
        XCTAssertEqual(history["commits"] as? Int, Int(try repo.run("rev-list", "--all", "--count")))
        XCTAssertEqual(history["binaryBlobs"] as? Int, 1)
        XCTAssertEqual(history["head"] as? String, try repo.run("rev-parse", "HEAD"))
    }

    func testSARIFCarriesCommitsAndTheRangeSelectsCommits() throws {
        let repo = try makeHistory()
        let sarif = try TestSupport.authlint(["scan", "--history", "--format", "sarif"], cwd: repo.dir)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let run = try XCTUnwrap((json["runs"] as? [[String: Any]])?.first)
        let provenance = try XCTUnwrap((run["versionControlProvenance"] as? [[String: Any]])?.first)
        XCTAssertEqual(provenance["revisionId"] as? String, try repo.run("rev-parse", "HEAD"))
        XCTAssertNotNil(provenance["repositoryUri"] as? String)
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertFalse(results.isEmpty)
        for result in results {
            let properties = try XCTUnwrap(result["properties"] as? [String: Any])
            let commit = try XCTUnwrap(properties["commit"] as? String)
            XCTAssertEqual(try repo.run("cat-file", "-t", commit), "commit")
        }
        // A range scans only its commits: after "remove leak", config.js's secret is gone.
        let since = try repo.run("rev-parse", ":/remove leak")
        let ranged = try TestSupport.authlint(
            ["scan", "--history", "--format", "json", "\(since)..main"], cwd: repo.dir)
        let files = Set(try Self.findings(ranged.stdout).compactMap { $0["file"] as? String })
        XCTAssertEqual(files, ["keys.js", "lib.js"], ranged.stdout)
        let newest = try TestSupport.authlint(["scan", "--history", "--max-commits", "1"], cwd: repo.dir)
        XCTAssertEqual(newest.status, 0, "the newest commit only deletes big.js: \(newest.stdout)")

        let bad = try TestSupport.authlint(["scan", "--history", "no-such-branch"], cwd: repo.dir)
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("bad revision 'no-such-branch'"), bad.stderr)
        let option = try TestSupport.authlint(["scan", "--history", "--", "--output=x"], cwd: repo.dir)
        XCTAssertEqual(option.status, 2, "an option smuggled in as a revision is refused")
    }

    /// A baseline written from history hides the work-tree findings, and one written from the
    /// work tree hides those findings in history: fingerprints do not depend on the commit.
    func testBaselinesFromHistoryAndWorkTreeAgree() throws {
        let repo = try makeHistory()
        let fromHistory = repo.dir + "/../history-baseline-\(UUID().uuidString).json"
        // Writing a baseline records the findings and succeeds, saying how many it wrote.
        let recorded = try TestSupport.authlint(["scan", "--history", "--write-baseline", fromHistory], cwd: repo.dir)
        XCTAssertEqual(recorded.status, 0, recorded.stderr)
        XCTAssertTrue(recorded.stderr.contains("wrote "), recorded.stderr)
        let tree = try TestSupport.authlint(["scan", "--format", "json", "--baseline", fromHistory], cwd: repo.dir)
        XCTAssertEqual(tree.status, 0, tree.stdout)
        XCTAssertEqual(try Self.findings(tree.stdout).count, 0)

        let fromTree = repo.dir + "/../tree-baseline-\(UUID().uuidString).json"
        let written = try TestSupport.authlint(["scan", "--write-baseline", fromTree], cwd: repo.dir)
        XCTAssertEqual(written.status, 0, written.stderr)
        let history = try TestSupport.authlint(
            ["scan", "--history", "--format", "json", "--baseline", fromTree], cwd: repo.dir)
        let left = Set(try Self.findings(history.stdout).compactMap { $0["file"] as? String })
        XCTAssertEqual(left, ["big.js", "config.js", "keys.js"], "lib.js is at HEAD, so the tree baseline knows it")
    }

    /// fsmonitor, pager, external diff, textconv and hooks configured in the repository never run.
    func testRepositoryConfiguredProgramsNeverRun() throws {
        let repo = try makeHistory()
        let marker = repo.dir + "/../marker-\(UUID().uuidString)"
        let script = repo.dir + "/../evil-\(UUID().uuidString).sh"
        let hooks = repo.dir + "/../hooks-\(UUID().uuidString)"
        try TestSupport.write("#!/bin/sh\ntouch '\(marker)'\ncat\n", to: script)
        chmod(script, 0o755)
        for hook in ["reference-transaction", "post-index-change", "post-checkout", "pre-auto-gc"] {
            try TestSupport.write("#!/bin/sh\ntouch '\(marker)'\n", to: hooks + "/" + hook)
            chmod(hooks + "/" + hook, 0o755)
        }
        for (key, value) in [
            ("core.fsmonitor", script), ("core.pager", script), ("pager.log", script), ("diff.external", script),
            ("diff.evil.textconv", script), ("filter.evil.smudge", script), ("filter.evil.clean", script),
            ("core.hooksPath", hooks),
        ] {
            _ = try repo.run("config", key, value)
        }
        try repo.write("* diff=evil filter=evil\n", ".gitattributes")
        _ = try TestSupport.run(repo.git, ["-c", "core.fsmonitor=false", "add", "-A"], cwd: repo.dir)
        _ = try TestSupport.run(
            repo.git, ["-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null", "commit", "-qm", "attrs"],
            cwd: repo.dir)
        try? FileManager.default.removeItem(atPath: marker)
        let run = try TestSupport.authlint(["scan", "--history"], cwd: repo.dir)
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker), "a repository-configured program ran")
    }

    func testShallowCloneSaysWhichCommitsLackParents() throws {
        let repo = try makeHistory()
        let clone = try TestSupport.temporaryDirectory() + "/shallow"
        let cloned = try TestSupport.run(
            repo.git, ["clone", "-q", "--depth", "2", "--no-local", "file://" + repo.dir, clone], cwd: repo.dir)
        XCTAssertEqual(cloned.status, 0, cloned.stderr)
        let run = try TestSupport.authlint(["scan", "--history", "--format", "json"], cwd: clone)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let history = try XCTUnwrap((json["summary"] as? [String: Any])?["history"] as? [String: Any])
        let boundary = try XCTUnwrap(history["shallowBoundary"] as? [String])
        let shallowFile = try String(contentsOfFile: clone + "/.git/shallow", encoding: .utf8)
        XCTAssertFalse(boundary.isEmpty)
        XCTAssertEqual(Set(boundary), Set(shallowFile.split(separator: "\n").map(String.init)))
        let text = try TestSupport.authlint(["scan", "--history"], cwd: clone)
        XCTAssertTrue(text.stdout.contains("shallow clone: the parents of"), text.stdout)
    }

    /// A merge's own content (a conflict resolution that adds a secret) is attributed to the merge.
    func testAConflictResolutionIsScannedAtTheMerge() throws {
        let (git, dir) = try TestSupport.makeGitRepository()
        let repo = Repository(git: git, dir: dir)
        _ = try repo.run("checkout", "-qb", "main")
        try repo.write("a\n", "f.js")
        try repo.commit("base")
        _ = try repo.run("checkout", "-qb", "side")
        try repo.write("b\n", "f.js")
        try repo.commit("side")
        _ = try repo.run("checkout", "-q", "main")
        try repo.write("c\n", "f.js")
        try repo.commit("main")
        XCTAssertNotEqual(try TestSupport.run(git, ["merge", "-q", "side"], cwd: dir).status, 0, "a conflict")
        try repo.write("const APP_KEY = '\(Self.firstKey)';\n", "f.js")
        try repo.commit("resolve")
        let run = try TestSupport.authlint(["scan", "--history", "--format", "json"], cwd: dir)
        let findings = try Self.findings(run.stdout)
        XCTAssertEqual(findings.count, 1, run.stdout)
        XCTAssertEqual(findings.first?["commit"] as? String, try repo.run("rev-parse", "HEAD"))
        XCTAssertEqual(try repo.run("rev-list", "--parents", "-1", "HEAD").split(separator: " ").count, 3)
    }

    /// Config excludes and inline suppressions apply per path as in a work-tree scan; LFS
    /// pointers, submodule entries and symbolic links are counted, not scanned.
    func testExcludesSuppressionsAndSkippedEntries() throws {
        let (git, dir) = try TestSupport.makeGitRepository()
        let repo = Repository(git: git, dir: dir)
        try repo.write(#"{ "exclude": ["vendor/"] }"# + "\n", ".authlint.json")
        try repo.write("const APP_KEY = '\(Self.firstKey)';\n", "vendor/lib.js")
        try repo.write("const APP_KEY = '\(Self.secondKey)'; // authlint:ignore hardcoded-appkey -- demo\n", "demo.js")
        try repo.write(
            "version https://git-lfs.github.com/spec/v1\noid sha256:\(String(repeating: "ab", count: 32))\nsize 12\n",
            "model.bin")
        try repo.commit("base")
        let head = try repo.run("rev-parse", "HEAD")
        _ = try repo.run("update-index", "--add", "--cacheinfo", "160000,\(head),sub")
        _ = try repo.run("commit", "-qm", "submodule")
        let run = try TestSupport.authlint(["scan", "--history", "--format", "json"], cwd: dir)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertEqual(try Self.findings(run.stdout).count, 0, run.stdout)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let summary = try XCTUnwrap(json["summary"] as? [String: Any])
        XCTAssertEqual(summary["suppressed"] as? Int, 1, "the inline directive applied")
        let history = try XCTUnwrap(summary["history"] as? [String: Any])
        XCTAssertEqual(history["excluded"] as? Int, 1)
        XCTAssertEqual(history["lfsPointers"] as? Int, 1)
        XCTAssertEqual(history["submodules"] as? Int, 1)
    }

    /// The same content under a new file name can be another language to the rules: a text file
    /// renamed to `.js` is scanned again and reported at the rename.
    /// `--shard I/N` splits history by path: the shards' findings, with their commits, are the
    /// full history scan's, and no finding is in two shards.
    func testShardsOfHistoryCoverTheFullScanOnce() throws {
        let repo = try makeHistory()
        func keys(_ args: [String]) throws -> [String] {
            let run = try TestSupport.authlint(
                ["scan", "--history", "--format", "json", "--fail-on", "never"] + args, cwd: repo.dir)
            XCTAssertEqual(run.status, 0, run.stderr)
            return try Self.findings(run.stdout).map { f in
                "\(f["file"]!):\(f["line"]!) \(f["rule"]!) \(f["commit"] ?? "-")"
            }
        }
        let full = try keys([]).sorted()
        XCTAssertFalse(full.isEmpty)
        for n in [2, 3] {
            var union: [String] = []
            for i in 1...n { union += try keys(["--shard", "\(i)/\(n)"]) }
            XCTAssertEqual(union.sorted(), full, "N=\(n)")
        }
    }

    func testContentRenamedIntoAnotherLanguageIsScannedAgain() throws {
        let (git, dir) = try TestSupport.makeGitRepository()
        let repo = Repository(git: git, dir: dir)
        try repo.write("const APP_KEY = '\(Self.firstKey)';\n", "notes.txt")
        try repo.commit("notes")
        let before = try TestSupport.authlint(["scan", "--history", "--format", "json"], cwd: dir)
        XCTAssertEqual(try Self.findings(before.stdout).count, 0, "not a finding in a text file")
        _ = try repo.run("mv", "notes.txt", "notes.js")
        try repo.commit("rename to js")
        let after = try TestSupport.authlint(["scan", "--history", "--format", "json"], cwd: dir)
        let findings = try Self.findings(after.stdout)
        XCTAssertEqual(findings.map { $0["file"] as? String }, ["notes.js"], after.stdout)
        XCTAssertEqual(findings.first?["commit"] as? String, try repo.run("rev-parse", "HEAD"))
    }
}
