import Foundation
import XCTest

@testable import CLI
@testable import Config
@testable import Engine
@testable import Model
@testable import Session

/// Findings in tests, fixtures and docs are one severity lower by default; `lowerSeverityIn`
/// in `.authlint.json` chooses the roles; a rule's own `severityIn` cap is never lowered again.
final class RoleSeverityTests: XCTestCase {
    static let secret = "api_key = \"Zq8vR2mT5wX9kL3pN7bC4dF6\"\n"
    static let tlsOff = "import requests\nrequests.get(\"https://billing.acmepay.io/v1\", verify=False)\n"

    /// path → severity of its one finding, from a JSON report of `dir`.
    private func severities(in dir: String, config: String? = nil) throws -> [String: String] {
        if let config { try TestSupport.write(config, to: dir + "/.authlint.json") }
        let result = try TestSupport.authlint(["scan", ".", "--format", "json", "--fail-on", "never"], cwd: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let findings = object?["findings"] as? [[String: Any]] ?? []
        return Dictionary(
            findings.map { ($0["file"] as? String ?? "", $0["severity"] as? String ?? "") },
            uniquingKeysWith: { a, _ in a })
    }

    private func tree() throws -> String {
        let dir = try TestSupport.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/.git", withIntermediateDirectories: true)
        try TestSupport.write(Self.secret, to: dir + "/src/app.py")
        try TestSupport.write(Self.secret, to: dir + "/tests/test_app.py")
        try TestSupport.write(Self.secret, to: dir + "/testdata/config.py")
        try TestSupport.write(Self.secret, to: dir + "/docs/setup.py")
        try TestSupport.write(Self.secret, to: dir + "/vendor/lib/client.py")
        try TestSupport.write(Self.tlsOff, to: dir + "/tests/test_tls.py")
        return dir
    }

    func testTestFixtureAndDocumentationFindingsAreOneSeverityLower() throws {
        let found = try severities(in: try tree())
        XCTAssertEqual(found["src/app.py"], "error", "\(found)")
        XCTAssertEqual(found["tests/test_app.py"], "warning", "\(found)")
        XCTAssertEqual(found["testdata/config.py"], "warning", "\(found)")
        XCTAssertEqual(found["docs/setup.py"], "warning", "\(found)")
        // Vendored code is not lowered by default: a key copied in with a library still ships.
        XCTAssertEqual(found["vendor/lib/client.py"], "error", "\(found)")
        // The TLS rule caps test code at warning itself; the default lowering does not add to it.
        XCTAssertEqual(found["tests/test_tls.py"], "warning", "\(found)")
    }

    func testEveryFindingCarriesItsFileRoleInJSONAndSARIF() throws {
        let dir = try tree()
        let json = try TestSupport.authlint(["scan", ".", "--format", "json", "--fail-on", "never"], cwd: dir)
        let findings =
            (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["findings"]
            as? [[String: Any]] ?? []
        let roles = Dictionary(
            findings.map { ($0["file"] as? String ?? "", $0["role"] as? String ?? "") }, uniquingKeysWith: { a, _ in a }
        )
        XCTAssertEqual(
            roles,
            [
                "src/app.py": "shipped", "tests/test_app.py": "test", "testdata/config.py": "fixture",
                "docs/setup.py": "documentation", "vendor/lib/client.py": "vendored", "tests/test_tls.py": "test",
            ])
        let sarif = try TestSupport.authlint(["scan", ".", "--format", "sarif", "--fail-on", "never"], cwd: dir)
        let results =
            ((try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])?["runs"]
            as? [[String: Any]])?.first?["results"] as? [[String: Any]] ?? []
        let sarifRoles = Set(results.compactMap { ($0["properties"] as? [String: Any])?["role"] as? String })
        XCTAssertEqual(sarifRoles, ["shipped", "test", "fixture", "documentation", "vendored"])
    }

    func testConfigChoosesTheLoweredRoles() throws {
        let keepAll = try severities(in: try tree(), config: "{ \"lowerSeverityIn\": [] }\n")
        XCTAssertEqual(keepAll["tests/test_app.py"], "error", "\(keepAll)")
        XCTAssertEqual(keepAll["docs/setup.py"], "error", "\(keepAll)")
        let vendoredToo = try severities(in: try tree(), config: "{ \"lowerSeverityIn\": [\"vendored\"] }\n")
        XCTAssertEqual(vendoredToo["vendor/lib/client.py"], "warning", "\(vendoredToo)")
        XCTAssertEqual(vendoredToo["tests/test_app.py"], "error", "\(vendoredToo)")
    }

    func testUnknownRoleIsAConfigErrorWithItsPosition() {
        let text = "{\n  \"lowerSeverityIn\": [\"test\", \"tets\"]\n}\n"
        XCTAssertThrowsError(try Configuration.parse(bytes: Array(text.utf8), path: "cfg.json")) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("cfg.json:2:"), message)
            XCTAssertTrue(message.contains("known: test, fixture"), message)
        }
    }
}
