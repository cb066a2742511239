import Foundation
import XCTest

/// Two secrets met at the same place in different commits (a value replaced on its line) are
/// reported in one order in every run: report order, then fingerprint. (The findings are
/// grouped in a dictionary, whose order changes from process to process, and report order alone
/// ties them.)
final class HistoryOrderTests: XCTestCase {
    func testFindingsTiedOnPlaceAreOrderedByFingerprint() throws {
        let (git, dir) = try TestSupport.makeGitRepository()
        let repo = HistoryScanTests.Repository(git: git, dir: dir)
        let filler = (1...10).map { "const value\($0) = \($0);\n" }.joined()
        for (index, key) in [HistoryScanTests.firstKey, HistoryScanTests.secondKey, HistoryScanTests.bigKey]
            .enumerated()
        {
            try repo.write("const APP_KEY =\n  '\(key)';\n" + filler, "near.js")
            try repo.commit("value \(index)")
        }
        var orders: Set<[String]> = []
        for _ in 0..<4 {
            let run = try TestSupport.authlint(["scan", "--history", "--format", "json"], cwd: repo.dir)
            XCTAssertEqual(run.status, 1, run.stderr)
            let findings = try HistoryScanTests.findings(run.stdout)
            XCTAssertEqual(findings.compactMap { $0["line"] as? Int }, [2, 2, 2], run.stdout)
            let fingerprints = findings.compactMap { $0["fingerprint"] as? String }
            XCTAssertEqual(fingerprints, fingerprints.sorted(), "tied findings by fingerprint")
            orders.insert(fingerprints)
        }
        XCTAssertEqual(orders.count, 1, "the same order in every run")
    }
}
