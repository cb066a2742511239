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

/// Every report format on the same findings: valid against its consumer's format, escaped for
/// any file name or text, and never carrying a secret in full.
final class ReporterTests: XCTestCase {
    static let secret = "rf_9Zq2Lw8Xv4Nm7Tk3Hp6Ys1"

    /// A tree with a tricky file name (spaces, quotes, `<&>`, `%`, `:`, `,`, non-ASCII).
    func makeTree() throws -> String {
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write(
            "const APP_KEY = '\(Self.secret)';\nfetch('http://api.reeflow.com/x');\n",
            to: dir + "/src/we <&> \"odd\" 100% a:b,c é.js")
        // authlint:ignore on the second file makes a suppressed finding for SARIF.
        try TestSupport.write(
            "const APP_KEY = 'rf_Xw3Kq8Lm2Np7Zt5Vb9'; // authlint:ignore hardcoded-appkey -- test fixture\n",
            to: dir + "/src/fixture.js")
        return dir
    }

    func report(_ format: String, in dir: String) throws -> String {
        let run = try TestSupport.authlint(["scan", "src", "--format", format], cwd: dir)
        XCTAssertEqual(run.status, 1, "\(format): \(run.stderr)")
        XCTAssertFalse(run.stdout.contains(Self.secret), "\(format) leaks the secret")
        return run.stdout
    }

    func testSARIFValidatesAgainstTheOfficialSchema() throws {
        let dir = try makeTree()
        let sarif = try report("sarif", in: dir)
        try sarif.write(toFile: dir + "/out.sarif", atomically: true, encoding: .utf8)
        try TestSupport.assertValidSARIF(file: dir + "/out.sarif")

        // GitHub code scanning's own requirements.
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let run = try XCTUnwrap((json["runs"] as? [[String: Any]])?.first)
        let rules = try XCTUnwrap(
            ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        XCTAssertEqual(Set(ids).count, ids.count, "one entry per rule id")
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertTrue(results.contains { $0["suppressions"] != nil }, "suppressed findings are kept as suppressions")
        for result in results {
            let index = try XCTUnwrap(result["ruleIndex"] as? Int)
            XCTAssertEqual(ids[index], result["ruleId"] as? String)
            let location = try XCTUnwrap(
                ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
            let region = try XCTUnwrap(location["region"] as? [String: Any])
            XCTAssertGreaterThanOrEqual(region["startLine"] as! Int, 1)
            XCTAssertGreaterThan(region["endColumn"] as! Int, 0)
            let uri = try XCTUnwrap((location["artifactLocation"] as? [String: Any])?["uri"] as? String)
            XCTAssertFalse(uri.contains(" ") || uri.contains("<") || uri.contains("\""), uri)
            XCTAssertFalse(uri.hasPrefix("/"), "relative URIs")
            XCTAssertNotNil(URL(string: uri), uri)
        }
    }

    func testXMLFormatsAreWellFormed() throws {
        let python = try TestSupport.requireTool("python3")
        let dir = try makeTree()
        for format in ["junit", "checkstyle"] {
            let xml = try report(format, in: dir)
            let parsed = try TestSupport.run(
                python,
                [
                    "-c",
                    "import sys, xml.dom.minidom; d = xml.dom.minidom.parseString(sys.stdin.read()); print(d.documentElement.tagName)",
                ], stdin: xml)
            XCTAssertEqual(
                parsed.stdout.trimmingCharacters(in: .whitespacesAndNewlines),
                format == "junit" ? "testsuites" : "checkstyle", parsed.stderr)
            XCTAssertTrue(xml.contains("we &lt;&amp;&gt; &quot;odd&quot;"), xml)
        }
    }

    func testGitHubAnnotationsEscapeProperties() throws {
        let dir = try makeTree()
        let out = try report("github", in: dir)
        let line = try XCTUnwrap(out.split(separator: "\n").first { $0.contains("hardcoded-appkey") })
        XCTAssertTrue(line.hasPrefix("::error file=src/we <&> \"odd\" 100%25 a%3Ab%2Cc é.js,line=1,col="), String(line))
        XCTAssertTrue(out.split(separator: "\n").allSatisfy { $0.hasPrefix("::") })
    }

    func testGitLabAndCompact() throws {
        let dir = try makeTree()
        let gitlab = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(try report("gitlab", in: dir).utf8)) as? [[String: Any]])
        XCTAssertFalse(gitlab.isEmpty)
        for issue in gitlab {
            XCTAssertNotNil(issue["fingerprint"] as? String)
            XCTAssertTrue(["critical", "major", "minor"].contains(issue["severity"] as? String))
            XCTAssertNotNil((issue["location"] as? [String: Any])?["path"] as? String)
        }
        let compact = try report("compact", in: dir)
        XCTAssertTrue(
            compact.contains(
                ": error: Report Flow appkey written literally (APP_KEY): load it from the environment or a secret manager [hardcoded-appkey]"
            ), compact)
    }
}
