import Foundation
import XCTest

@testable import Session

/// `scan --history` carries a modified blob's findings over from its parent blob when the commit
/// changed no line with (or near) a rule keyword: every finding and occurrence must still be at
/// the line `git show` gives, and the report must be the one `--history-full-blobs` gives.
final class HistoryDerivationTests: XCTestCase {
    static let firstKey = "rf_Q8w2Er5Ty9Ui3Op7"
    static let secondKey = "rf_Z9x8C7v6B5n4M3k2"

    static func lines(_ count: Int, from first: Int = 1) -> String {
        (first..<(first + count)).map { "const value\($0) = \($0);\n" }.joined()
    }

    /// settings.js: a secret that moves down when lines are inserted far above it, then is
    /// deleted; other.js: a secret added later at its end, then an edit far from it.
    func makeHistory() throws -> HistoryScanTests.Repository {
        let (git, dir) = try TestSupport.makeGitRepository()
        let repo = HistoryScanTests.Repository(git: git, dir: dir)
        _ = try repo.run("checkout", "-qb", "main")
        try repo.write(Self.lines(10) + "const APP_KEY = '\(Self.firstKey)';\n", "settings.js")
        try repo.write(Self.lines(20), "other.js")
        try repo.commit("base")
        try repo.write(
            "const inserted1 = 1;\nconst inserted2 = 2;\n" + Self.lines(10) + "const APP_KEY = '\(Self.firstKey)';\n",
            "settings.js")
        try repo.commit("insert above")
        try repo.write(Self.lines(20) + "const APP_KEY = '\(Self.secondKey)';\n", "other.js")
        try repo.commit("leak later")
        try repo.write(
            "const value1 = 100;\n" + Self.lines(19, from: 2) + "const APP_KEY = '\(Self.secondKey)';\n", "other.js")
        try repo.commit("edit far away")
        try repo.write("const inserted1 = 1;\nconst inserted2 = 2;\n" + Self.lines(10), "settings.js")
        try repo.commit("delete secret")
        try repo.write("const inserted1 = 1;\n" + Self.lines(10), "settings.js")
        try repo.commit("edit after delete")
        return repo
    }

    func testCarriedFindingsAreAtTheLinesGitShows() throws {
        let repo = try makeHistory()
        let run = try TestSupport.authlint(["scan", "--history", "--format", "json"], cwd: repo.dir)
        XCTAssertEqual(run.status, 1, run.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let history = try XCTUnwrap((json["summary"] as? [String: Any])?["history"] as? [String: Any])
        // "insert above", "edit far away" and "edit after delete" change no line near a keyword.
        XCTAssertEqual(history["derivedBlobs"] as? Int, 3)
        let findings = try HistoryScanTests.findings(run.stdout).filter { $0["rule"] as? String == "hardcoded-appkey" }
        XCTAssertEqual(findings.count, 2, run.stdout)
        var subjects: [String: [String: Int]] = [:]
        for finding in findings {
            let file = try XCTUnwrap(finding["file"] as? String)
            let first = try XCTUnwrap(finding["commit"] as? String)
            let parent = try TestSupport.run(repo.git, ["show", "\(first)^:\(file)"], cwd: repo.dir)
            XCTAssertFalse(parent.status == 0 && parent.stdout.contains("APP_KEY = 'rf_"), "introduced at \(first)")
            let occurrences = try XCTUnwrap(finding["occurrences"] as? [[String: Any]])
            var places = [(first, try XCTUnwrap(finding["line"] as? Int))]
            for occurrence in occurrences {
                XCTAssertEqual(occurrence["file"] as? String, file)
                places.append(
                    (try XCTUnwrap(occurrence["commit"] as? String), try XCTUnwrap(occurrence["line"] as? Int)))
            }
            for (commit, line) in places {
                let lines = try repo.run("show", "\(commit):\(file)").components(separatedBy: "\n")
                XCTAssertTrue(lines[line - 1].contains("APP_KEY = 'rf_"), "\(file):\(line) at \(commit)")
                subjects[file, default: [:]][try repo.run("log", "-1", "--format=%s", commit)] = line
            }
        }
        XCTAssertEqual(subjects["settings.js"], ["base": 11, "insert above": 13], "moved down, gone when deleted")
        XCTAssertEqual(subjects["other.js"], ["leak later": 21, "edit far away": 21])

        let full = try TestSupport.authlint(
            ["scan", "--history", "--history-full-blobs", "--format", "json"], cwd: repo.dir)
        let fullJSON = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(full.stdout.utf8)) as? [String: Any])
        let fullHistory = try XCTUnwrap((fullJSON["summary"] as? [String: Any])?["history"] as? [String: Any])
        XCTAssertEqual(fullHistory["derivedBlobs"] as? Int, 0)
        XCTAssertEqual(
            try HistoryScanTests.findings(full.stdout) as NSArray, try HistoryScanTests.findings(run.stdout) as NSArray,
            "carrying findings over must report what scanning every blob whole reports, in the same order")
    }

    /// A changed value next to an unchanged keyword line, and a new `authlint:ignore` line far
    /// from the secret it does not cover, are scanned whole: nothing is carried over wrongly.
    func testChangesNearAKeywordOrWithADirectiveAreScannedWhole() throws {
        let (git, dir) = try TestSupport.makeGitRepository()
        let repo = HistoryScanTests.Repository(git: git, dir: dir)
        try repo.write("const APP_KEY =\n  '\(Self.firstKey)';\n" + Self.lines(10), "near.js")
        try repo.commit("base")
        try repo.write("const APP_KEY =\n  '\(Self.secondKey)';\n" + Self.lines(10), "near.js")
        try repo.commit("new value on a line without a keyword")
        try repo.write("const APP_KEY =\n  '\(Self.secondKey)';\n" + Self.lines(10) + "// authlint:ignore\n", "near.js")
        try repo.commit("directive")
        let run = try TestSupport.authlint(["scan", "--history", "--format", "json"], cwd: repo.dir)
        let full = try TestSupport.authlint(
            ["scan", "--history", "--history-full-blobs", "--format", "json"], cwd: repo.dir)
        XCTAssertEqual(run.status, full.status, run.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let history = try XCTUnwrap((json["summary"] as? [String: Any])?["history"] as? [String: Any])
        XCTAssertEqual(history["derivedBlobs"] as? Int, 0)
        // Both values are found on line 2 (the first at the first commit, the second at the next).
        let findings = try HistoryScanTests.findings(run.stdout)
        XCTAssertEqual(findings.compactMap { $0["line"] as? Int }, [2, 2], run.stdout)
        XCTAssertEqual(
            try HistoryScanTests.findings(full.stdout) as NSArray, findings as NSArray,
            "the same findings in the same order as scanning every blob whole")
    }
}

/// The line diff behind the carried-over findings: on random edits, every matched pair is the
/// same line, pairs keep their order, and as many lines are matched as the longest common
/// subsequence has (computed here by dynamic programming), so no unchanged line is reported as
/// changed and no changed line as kept.
final class HistoryLineDiffTests: XCTestCase {
    func testMatchesALongestCommonSubsequence() throws {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<300 {
            let old = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                "l\(Int.random(in: 0..<8, using: &generator))"
            }
            var new = old
            for _ in 0..<Int.random(in: 0...6, using: &generator) {
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: new.insert("n\(Int.random(in: 0..<8))", at: Int.random(in: 0...new.count))
                case 1 where !new.isEmpty: new.remove(at: Int.random(in: 0..<new.count))
                default: if !new.isEmpty { new[Int.random(in: 0..<new.count)] = "c\(round)" }
                }
            }
            let a = HistoryLines(Array(old.joined(separator: "\n").utf8))
            let b = HistoryLines(Array(new.joined(separator: "\n").utf8))
            let image = try XCTUnwrap(HistoryLineDiff.match(a, b, maxEdits: 1000), "\(old) → \(new)")
            var last = -1
            for (index, target) in image.enumerated() {
                guard let target else { continue }
                XCTAssertTrue(a.line(index).elementsEqual(b.line(target)), "\(old) → \(new)")
                XCTAssertGreaterThan(target, last, "matches keep their order")
                last = target
            }
            XCTAssertEqual(image.compactMap { $0 }.count, Self.lcs(a, b), "\(old) → \(new)")
        }
        let many = HistoryLines(Array((0..<50).map { "a\($0)" }.joined(separator: "\n").utf8))
        let none = HistoryLines(Array((0..<50).map { "b\($0)" }.joined(separator: "\n").utf8))
        XCTAssertNil(HistoryLineDiff.match(many, none, maxEdits: 20), "over maxEdits: scanned whole")
    }

    static func lcs(_ a: HistoryLines, _ b: HistoryLines) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0..<a.count {
            for j in 0..<b.count {
                table[i + 1][j + 1] =
                    a.line(i).elementsEqual(b.line(j)) ? table[i][j] + 1 : max(table[i][j + 1], table[i + 1][j])
            }
        }
        return table[a.count][b.count]
    }
}
