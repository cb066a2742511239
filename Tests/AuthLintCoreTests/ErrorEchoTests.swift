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

/// Config and rule-file errors name the file, position and key, but never echo a long value
/// verbatim: a secret pasted under the wrong key would otherwise land in CI logs.
final class ErrorEchoTests: XCTestCase {
    static let secret = "sk_live_Zq8wX2rT5yU7iO9pWq3"

    func testConfigErrorsRedactEchoedValues() throws {
        let dir = try TestSupport.temporaryDirectory()
        let cases = [
            #"{"rules": {"hardcoded-secret": "\#(Self.secret)"}}"#,
            #"{"rules": {"hardcoded-secret": {"severity": "\#(Self.secret)"}}}"#,
        ]
        for (i, text) in cases.enumerated() {
            let path = dir + "/c\(i).json"
            try TestSupport.write(text, to: path)
            XCTAssertThrowsError(try Configuration.load(path: path)) { error in
                let message = "\(error)"
                XCTAssertTrue(message.hasPrefix(path + ":1:"), message)
                XCTAssertTrue(message.contains("hardcoded-secret"), message)
                XCTAssertFalse(message.contains("Zq8wX2rT"), message)
            }
        }
        // A short word is still shown as written, so typos stay easy to see.
        let path = dir + "/typo.json"
        try TestSupport.write(#"{"rules": {"hardcoded-secret": "warn"}}"#, to: path)
        XCTAssertThrowsError(try Configuration.load(path: path)) {
            XCTAssertTrue("\($0)".contains("\"warn\""), "\($0)")
        }
    }

    func testIdentifiersAreEchoedAndRandomValuesAreNot() {
        for shown in ["warn", "github-personal-access-token-chk", "bech32-checksum", "test_key", "severity-in"] {
            XCTAssertEqual(ConfigError.echo(shown), shown)
        }
        for hidden in [
            Self.secret, "d41d8cd98f00b204e9800998ecf8427e", "9f86d081-884c-7d65-9a2f-eaa0c55ad015",
            "a1b2c3-d4e5f6", "kqzvbwmxjtrplnydhgfs", "ghp_lno4r0gyjer87dgdw5zbttgayi5afw0ihlm1",
        ] {
            XCTAssertFalse(ConfigError.echo(hidden).contains(hidden), hidden)
        }
    }

    func testRuleFileErrorsRedactEchoedValues() throws {
        for field in ["category", "severity", "engine", "id", "validator"] {
            var fields = ["id": "x-echo", "category": "hardcoded-credential", "severity": "error", "engine": "pattern"]
            fields[field] = Self.secret
            let extra = fields.map { #""\#($0.key)": "\#($0.value)""# }.joined(separator: ", ")
            let text =
                #"{\#(extra), "summary": "s", "description": "d", "fix": "f", "keywords": ["x"], "pattern": "x"}"#
            XCTAssertThrowsError(try RuleLoader.parse(bytes: Array(text.utf8), source: "x-echo.json"), field) { error in
                let message = "\(error)"
                XCTAssertTrue(message.hasPrefix("x-echo.json:1:"), message)
                XCTAssertFalse(message.contains("Zq8wX2rT"), message)
            }
        }
    }
}
