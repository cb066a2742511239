import Foundation
import XCTest

@testable import CLI
@testable import Model
@testable import Session
@testable import Support

/// `scan --shard I/N` and `merge`: N shards scan disjoint files whose findings together are the
/// full scan's, and merging their reports gives the full scan's report (timing aside).
final class ShardTests: XCTestCase {
    static let root = TestSupport.packageRoot

    /// Runs a scan and returns its parsed JSON report.
    func scanJSON(_ args: [String], cwd: String) throws -> (text: String, json: [String: Any]) {
        let run = try TestSupport.authlint(["scan", "--format", "json", "--fail-on", "never"] + args, cwd: cwd)
        XCTAssertEqual(run.status, 0, "\(args): \(run.stderr)")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        return (run.stdout, json)
    }

    func findings(_ json: [String: Any]) -> [String] {
        ((json["findings"] as? [[String: Any]]) ?? []).map { f in
            "\(f["file"]!):\(f["line"]!):\(f["column"]!) \(f["rule"]!) \(f["fingerprint"]!)"
        }
    }

    func withoutTiming(_ report: String) -> String {
        report.replacingOccurrences(of: #""durationMs": \d+"#, with: "", options: .regularExpression)
    }

    /// For each N: shards' findings are disjoint by file, their union is the full scan's, and
    /// `merge` of the shards' reports is the full report.
    func checkShardsCover(_ path: String, cwd: String, counts: [Int]) throws {
        let full = try scanJSON([path], cwd: cwd)
        XCTAssertFalse(findings(full.json).isEmpty, "the tree must have findings for the test to mean anything")
        for n in counts {
            var union: [String] = []
            var filesSeen: [String: Int] = [:]
            var reports: [String] = []
            let dir = try TestSupport.temporaryDirectory()
            for i in 1...n {
                let shard = try scanJSON([path, "--shard", "\(i)/\(n)"], cwd: cwd)
                let shardFindings = findings(shard.json)
                for file in Set(shardFindings.map { String($0.split(separator: ":")[0]) }) {
                    XCTAssertNil(filesSeen[file], "\(file) scanned by shards \(filesSeen[file] ?? 0) and \(i) of \(n)")
                    filesSeen[file] = i
                }
                union += shardFindings
                reports.append(dir + "/shard-\(i).json")
                try shard.text.write(toFile: reports.last!, atomically: true, encoding: .utf8)
            }
            XCTAssertEqual(
                union.sorted(), findings(full.json).sorted(), "N=\(n): the shards' union is not the full scan")
            let merged = try TestSupport.authlint(["merge"] + reports)
            XCTAssertEqual(merged.status, 0, merged.stderr)
            XCTAssertEqual(withoutTiming(merged.stdout), withoutTiming(full.text), "N=\(n): merged report differs")
        }
    }

    func testShardsOfTheSamplesCoverTheFullScanOnce() throws {
        try checkShardsCover("samples", cwd: Self.root, counts: [1, 2, 3, 7])
    }

    func testShardsOfAGeneratedTreeCoverTheFullScanOnce() throws {
        let dir = try TestSupport.temporaryDirectory()
        var generator = SeededGenerator(seed: 20)
        for i in 0..<240 {
            let folder = ["src", "src/api", "lib/deep/er", "config", "tools"][i % 5]
            let token = String(
                (0..<16).map { _ in "abcdefghjkmnpqrstuvwxyz23456789".randomElement(using: &generator)! })
            let text = i % 3 == 0 ? "const APP_KEY = 'rf_\(token)';\n" : "const name = 'file \(i)';\n"
            try TestSupport.write(text, to: "\(dir)/tree/\(folder)/file-\(i).js")
        }
        // Skipped files are per-file issues: each must be reported by exactly one shard.
        try FileManager.default.createDirectory(atPath: dir + "/tree/bin", withIntermediateDirectories: true)
        for i in 0..<9 {
            try Data([0x41, 0, 0x42]).write(to: URL(fileURLWithPath: "\(dir)/tree/bin/blob-\(i).bin"))
        }
        try checkShardsCover("tree", cwd: dir, counts: [1, 2, 3, 7])
        let full = try scanJSON(["tree"], cwd: dir)
        var scanned = 0
        for i in 1...3 {
            let summary = try XCTUnwrap(
                try scanJSON(["tree", "--shard", "\(i)/3"], cwd: dir).json["summary"] as? [String: Any])
            scanned += summary["filesScanned"] as? Int ?? 0
        }
        XCTAssertEqual(scanned, (full.json["summary"] as? [String: Any])?["filesScanned"] as? Int)
    }

    /// `--staged` splits the index the same way: the shards' findings are the full staged scan's.
    func testShardsOfTheStagedIndexCoverTheFullScanOnce() throws {
        let (git, dir) = try TestSupport.makeGitRepository()
        for i in 0..<40 {
            let text = i % 2 == 0 ? "const APP_KEY = 'rf_Q8w2Er5Ty9Ui3Op\(i)';\n" : "const n = \(i);\n"
            try TestSupport.write(text, to: "\(dir)/src/m\(i % 4)/file-\(i).js")
        }
        try TestSupport.run(git, ["add", "."], cwd: dir)
        let full = findings(try scanJSON(["--staged"], cwd: dir).json)
        XCTAssertEqual(full.count, 20)
        var union: [String] = []
        for i in 1...3 { union += findings(try scanJSON(["--staged", "--shard", "\(i)/3"], cwd: dir).json) }
        XCTAssertEqual(union.sorted(), full.sorted())
        let stdin = try TestSupport.authlint(
            ["scan", "--stdin-filename", "a.js", "--shard", "1/2"], cwd: dir, stdin: "")
        XCTAssertEqual(stdin.status, 2, "standard input is one file: nothing to split")
    }

    func testMergedSARIFIsTheFullScansAndValidatesAgainstTheSchema() throws {
        let dir = try TestSupport.temporaryDirectory()
        func sarif(_ extra: [String]) throws -> String {
            let run = try TestSupport.authlint(
                ["scan", "samples", "--format", "sarif", "--fail-on", "never"] + extra, cwd: Self.root)
            XCTAssertEqual(run.status, 0, run.stderr)
            return run.stdout
        }
        var paths: [String] = []
        for i in 1...3 {
            paths.append(dir + "/shard-\(i).sarif")
            try sarif(["--shard", "\(i)/3"]).write(toFile: paths.last!, atomically: true, encoding: .utf8)
        }
        let merged = try TestSupport.authlint(
            ["merge", "--format", "sarif", "--output", dir + "/merged.sarif"] + paths)
        XCTAssertEqual(merged.status, 0, merged.stderr)
        XCTAssertEqual(merged.stdout, "", "with --output the report goes to the file only")
        let mergedText = try String(contentsOfFile: dir + "/merged.sarif", encoding: .utf8)
        XCTAssertEqual(mergedText, try sarif([]))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(mergedText.utf8)) as? [String: Any])
        XCTAssertEqual((json["runs"] as? [Any])?.count, 1, "one run per tool")

        try TestSupport.assertValidSARIF(file: dir + "/merged.sarif")
    }

    func testBadShardsAreUsageErrors() throws {
        for (value, words) in [
            ("0/3", "from 1 to N"), ("4/3", "from 1 to N"), ("1/0", "N from 1"), ("2", "I/N"), ("a/b", "I/N"),
            ("1/3/5", "I/N"), ("-1/3", "from 1 to N"),
        ] {
            let run = try TestSupport.authlint(["scan", "samples", "--shard", value], cwd: Self.root)
            XCTAssertEqual(run.status, 2, value)
            XCTAssertTrue(run.stderr.contains(words), "\(value): \(run.stderr)")
            XCTAssertEqual(run.stdout, "")
        }
    }

    func testMergeErrorsNameTheFile() throws {
        let dir = try TestSupport.temporaryDirectory()
        let json = try TestSupport.authlint(["scan", "samples/node-reportflow", "--format", "json"], cwd: Self.root)
        let sarif = try TestSupport.authlint(["scan", "samples/node-reportflow", "--format", "sarif"], cwd: Self.root)
        try json.stdout.write(toFile: dir + "/a.json", atomically: true, encoding: .utf8)
        try sarif.stdout.write(toFile: dir + "/b.sarif", atomically: true, encoding: .utf8)
        try TestSupport.write("{\"findings\": [\n", to: dir + "/broken.json")
        try TestSupport.write("{\"name\": \"not a report\"}\n", to: dir + "/other.json")
        let cases: [([String], String)] = [
            ([dir + "/a.json", dir + "/b.sarif"], "b.sarif is a sarif report, but \(dir)/a.json is json"),
            ([dir + "/a.json", dir + "/missing.json"], "cannot read report \(dir)/missing.json"),
            ([dir + "/a.json", dir + "/broken.json"], "\(dir)/broken.json:2:1: not a JSON report"),
            ([dir + "/other.json"], "\(dir)/other.json: not an authlint JSON or SARIF report"),
            (["--format", "sarif", dir + "/a.json"], "a.json is a json report, but --format asks for sarif"),
        ]
        for (args, message) in cases {
            let run = try TestSupport.authlint(["merge"] + args)
            XCTAssertEqual(run.status, 2, "\(args): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains(message), "\(args): \(run.stderr)")
            XCTAssertEqual(run.stdout, "")
        }
        XCTAssertEqual(try TestSupport.authlint(["merge"]).status, 2)
    }

    func testShardChoiceIsFixedByThePathRelativeToItsRoot() throws {
        // FNV-1a 64 reference values: the partition must never depend on the machine or the run.
        XCTAssertEqual(FNV1a.hash64(Array("".utf8)), 0xcbf2_9ce4_8422_2325)
        XCTAssertEqual(FNV1a.hash64(Array("a".utf8)), 0xaf63_dc4c_8601_ec8c)
        XCTAssertEqual(FNV1a.hash64(Array("foobar".utf8)), 0x8594_4171_f739_67e8)
        XCTAssertEqual(Shard.relative("samples/a/b.js", roots: ["samples"]), "a/b.js")
        XCTAssertEqual(Shard.relative("./samples/a/b.js", roots: ["./samples/"]), "a/b.js")
        XCTAssertEqual(Shard.relative("a/b.js", roots: ["."]), "a/b.js")
        let shards = try (1...5).map { try Shard(index: $0, count: 5) }
        for path in ["a/b.js", "src/config.yaml", ".env", "x"] {
            XCTAssertEqual(shards.filter { $0.contains(relativePath: path) }.count, 1, path)
            XCTAssertEqual(
                shards.map { $0.contains(path: "one/" + path, roots: ["one"]) },
                shards.map { $0.contains(path: "./two/" + path, roots: ["./two/"]) })
        }
    }
}
