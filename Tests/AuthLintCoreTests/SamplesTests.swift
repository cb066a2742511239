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

/// `samples/expected.json` lists every finding the scanner must produce on `samples/`: a new
/// false positive or a lost finding fails here. Regenerate after reviewing a deliberate change:
/// `AUTHLINT_UPDATE_EXPECTED=1 swift test --filter SamplesTests`.
final class SamplesTests: XCTestCase {
    struct Entry: Codable, Hashable, Comparable {
        var rule: String
        var file: String
        var line: Int
        static func < (a: Entry, b: Entry) -> Bool { (a.file, a.line, a.rule) < (b.file, b.line, b.rule) }
    }

    func testSamplesProduceExactlyTheExpectedFindings() throws {
        let root = TestSupport.packageRoot
        // A copy in a repository of its own, the samples tracked: the result must not depend on
        // the checkout being a git work tree (committed-dotenv asks git), nor on its excludes.
        let (git, copy) = try TestSupport.makeGitRepository()
        try FileManager.default.copyItem(atPath: root + "/samples", toPath: copy + "/samples")
        try TestSupport.run(git, ["add", "-A"], cwd: copy)
        let run = try TestSupport.authlint(
            ["scan", "samples", "--format", "json", "--fail-on", "never", "--report-unused-suppressions"], cwd: copy)
        XCTAssertEqual(run.status, 0, run.stderr)
        let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let findings = report["findings"] as! [[String: Any]]
        let actual = findings.map {
            Entry(rule: $0["rule"] as! String, file: $0["file"] as! String, line: $0["line"] as! Int)
        }.sorted()

        let expectedPath = root + "/samples/expected.json"
        if ProcessInfo.processInfo.environment["AUTHLINT_UPDATE_EXPECTED"] == "1" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(["findings": actual]).write(to: URL(fileURLWithPath: expectedPath))
        }
        let expected = try JSONDecoder().decode(
            [String: [Entry]].self, from: Data(contentsOf: URL(fileURLWithPath: expectedPath)))["findings"]!.sorted()
        let missing = Set(expected).subtracting(actual).sorted()
        let unexpected = Set(actual).subtracting(expected).sorted()
        XCTAssertTrue(missing.isEmpty, "lost findings: \(missing)")
        XCTAssertTrue(unexpected.isEmpty, "new findings (false positives?): \(unexpected)")
        XCTAssertEqual(actual.count, expected.count, "duplicate findings differ")
    }

    func testEveryRuleIsCoveredBySamples() throws {
        let expected: [Entry] = try JSONDecoder().decode(
            [String: [Entry]].self,
            from: Data(contentsOf: URL(fileURLWithPath: TestSupport.packageRoot + "/samples/expected.json")))[
                "findings"]!
        let covered = Set(expected.map(\.rule))
        for rule in try RuleLoader.builtinRules() {
            XCTAssertTrue(covered.contains(rule.id), "no sample finding for \(rule.id)")
        }
    }

    func testSeedExamplesBehaveAsTheSeedsSay() throws {
        let scanner = try TestSupport.builtinScanner()
        func rules(_ path: String, _ code: String) -> Set<String> {
            Set(scanner.scan(file: SourceFile(path: path, bytes: Array(code.utf8))).findings.map(\.rule))
        }
        XCTAssertTrue(rules("a.js", "const APP_KEY = 'hardcoded-key';").contains("hardcoded-appkey"))
        XCTAssertTrue(
            rules(
                "a.js",
                "const headers = {\n'appkey': process.env.REPORT_FLOW_APP_KEY,\n'Content-Type': 'application/json'\n};"
            ).isEmpty)
        XCTAssertTrue(
            rules(
                "a.sh",
                "curl -X POST https://api.re-port-flow.com/v1/file/sync/single \\\n-H \"appkey: your-application-key\" \\\n-H \"Content-Type: application/json\""
            ).isEmpty)
        let reeflow = rules(
            "a.js", "const API_KEY_SECRET = 'a1b2c3d4e5f6789abcdef0123456789abcdef0123456789abcdef0123456789abc';")
        XCTAssertFalse(reeflow.isEmpty, "the Reeflow seed's literal secret must be a finding")
        // Reeflow's "create a connection" example posts a connection definition with `ssl: false`:
        // Reeflow then connects to that database without TLS, whatever host the example names.
        let connection = rules(
            "a.js",
            """
            const connectionData = {
            name: 'My Database',
            type: 'pg',
            config: {
            host: 'localhost',
            port: 5432,
            database: 'mydb',
            user: 'myuser',
            password: 'mypassword',
            ssl: false,
            },
            };
            const response = await fetch('https://api.reeflow.com/connections', {
            method: 'POST',
            headers: {
            Authorization: `Basic ${credentials}`,
            'Content-Type': 'application/json',
            },
            body: JSON.stringify(connectionData),
            });
            """)
        XCTAssertTrue(
            connection.contains("ssl-disabled-connection"), "the Reeflow seed's ssl: false connection must be a finding"
        )
        XCTAssertFalse(connection.contains("credentials-over-http"), "the seed sends its credentials over https")
        // The same client configuration used locally (not sent anywhere) is a local connection.
        XCTAssertFalse(
            rules("db.js", "const pool = new Pool({ host: 'localhost', port: 5432, ssl: false });").contains(
                "ssl-disabled-connection"))
    }
}
