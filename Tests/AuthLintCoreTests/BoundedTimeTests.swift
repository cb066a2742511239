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

/// Every built-in pattern rule runs in bounded time on lines built from its own keywords: a
/// lazy `datadog[a-z0-9_.-]*?` once made 100 KB of `datadog_` take 27 s (every start position
/// scanned to the end of the line), and the rule time budget did not stop built-in rules.
final class BoundedTimeTests: XCTestCase {
    /// Long enough that a quadratic rule needs minutes (datadog took over 300 s on 400 KB) and a
    /// rule that rescans a window per hit needs well over the budget below (pkcs12-private-key
    /// before b1bdacd: over 10 s on 250 KB in a debug build, under 1 s after), short enough that
    /// 380 linear rules finish in about a minute of a debug build.
    static let lineBytes = 250_000
    /// The rule budget: ten times what a linear rule needs here on a loaded machine.
    static let ruleTimeout = 10

    /// The hostile lines for one keyword: the keyword repeated (bare and with separators), and
    /// the keyword followed by one long run of secret-alphabet or blank characters.
    static func hostileLines(_ keyword: String) -> [(name: String, text: String)] {
        func repeated(_ unit: String) -> String {
            String(String(repeating: unit, count: lineBytes / max(1, unit.utf8.count) + 1).utf8.prefix(lineBytes))!
        }
        var lines: [(String, String)] = []
        for (name, separator) in [("bare", ""), ("underscore", "_")] {
            lines.append(("repeat-\(name)", repeated(keyword + separator)))
        }
        for (name, run) in [("alnum", "aB3_")] {
            lines.append(("run-\(name)", keyword + repeated(run)))
        }
        return lines
    }

    /// Each pattern rule against its hostile lines, through the real binary with a watchdog (so
    /// a hang fails the test instead of stalling the suite), and no rule cut short by the 10 s
    /// budget: a rule that is linear in the line finishes in well under a second even in a debug
    /// build on a loaded machine, one that is quadratic needs minutes. The default 2 s budget
    /// would make the test depend on the machine's load. Rules go in batches of ten, each in
    /// its own folder, one run per batch: a run per rule was most of the suite at 370 rules.
    func testEveryPatternRuleIsBoundedOnItsOwnKeywords() throws {
        let catalog = try RuleLoader.builtinRules()
        let rules = catalog.filter { $0.engine == .pattern }
        XCTAssertGreaterThan(rules.count, 30)
        let allIDs = catalog.map(\.id)
        for batch in stride(from: 0, to: rules.count, by: 10).map({ rules[$0..<min(rules.count, $0 + 10)] }) {
            let dir = try TestSupport.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            for rule in batch {
                // The first keyword (the rule's main word) and three shapes.
                for (k, keyword) in rule.keywords.prefix(1).enumerated() {
                    for line in Self.hostileLines(keyword) {
                        try TestSupport.write(line.text + "\n", to: "\(dir)/\(rule.id)/k\(k)-\(line.name).txt")
                    }
                }
            }
            // Only the batch's rules run: every other rule is switched off, so a batch costs its own
            // rules' work on its own lines, not the whole catalog's (which made this test minutes long).
            let batchIDs = Set(batch.map(\.id))
            let off = allIDs.filter { !batchIDs.contains($0) }.map { "\"\($0)\": \"off\"" }
            try TestSupport.write(
                "{ \"ruleTimeout\": \(Self.ruleTimeout), \"rules\": {\(off.joined(separator: ", "))} }\n",
                to: dir + "/.authlint.json")
            let ids = batch.map(\.id).joined(separator: ", ")
            let run = try BoundedRun.authlint(
                ["scan", ".", "--format", "json", "--jobs", "2", "--fail-on", "never"],
                cwd: dir, timeout: 180)
            XCTAssertFalse(run.timedOut, "\(ids): no result within the watchdog's 180 s")
            guard !run.timedOut else { continue }
            let report = try XCTUnwrap(
                JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], ids)
            let errors = (report["summary"] as? [String: Any])?["errors"] as? [[String: String]] ?? []
            XCTAssertEqual(errors.map { "\($0["file"] ?? ""): \($0["message"] ?? "")" }, [], ids)
        }
    }
}

/// Runs the authlint binary with a watchdog: SIGKILL after `timeout` seconds.
enum BoundedRun {
    typealias Outcome = TestSupport.WatchedRun

    static func authlint(_ args: [String], cwd: String, stdin: FileHandle = .nullDevice, timeout: Double) throws
        -> Outcome
    {
        try TestSupport.runWatched(TestSupport.binary, args, cwd: cwd, stdin: stdin, timeout: timeout)
    }
}
