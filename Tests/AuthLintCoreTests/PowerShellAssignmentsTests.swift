import XCTest

@testable import Facts
@testable import Lexing
@testable import Model

/// `.ps1` files are lexed as shell, where `name = value` is a command: the PowerShell forms
/// (`$var = '…'`, `$env:NAME = '…'`, hashtable entries) are named values only there.
final class PowerShellAssignmentsTests: XCTestCase {
    /// Each named value with its name and value read as Strings.
    private func namedValues(_ path: String, _ code: String) -> [(NamedValue, name: String, value: String)] {
        let file = SourceFile(path: path, bytes: Array(code.utf8))
        let facts = FileFacts(file: file, tokens: LexerRegistry.tokenize(file))
        return facts.namedValues.map { ($0, facts.string($0.nameText), facts.string($0.valueText)) }
    }

    func testAssignmentsAndHashtableEntries() {
        typealias V = (name: String, value: String, via: NamedValue.Via, isHeader: Bool)
        let table: [(code: String, values: [V])] = [
            ("$apiKey = 'k1'", [("apiKey", "k1", .binding, false)]),
            ("$env:API_TOKEN = \"t1\"", [("API_TOKEN", "t1", .binding, false)]),
            ("$script:password = 'p1'; $x = 'y'", [("password", "p1", .binding, false), ("x", "y", .binding, false)]),
            (
                "Invoke-RestMethod -Uri $u -Headers @{ 'X-API-KEY' = 'k2'; Authorization = 'Bearer k6' }",
                [("X-API-KEY", "k2", .nameValuePair, true), ("Authorization", "Bearer k6", .nameValuePair, true)]
            ),
            ("$body = @{\n    client_secret = 's1'\n}", [("client_secret", "s1", .nameValuePair, false)]),
            // Not assignments: an argument, a comparison, a value that is no literal, help text.
            ("Write-Host token = 'k3'", []),
            ("if ($token -eq 'k4') { }", []),
            ("$apiKey = $env:API_KEY", []),
            ("<#\n.EXAMPLE\n    $apiKey = 'k5'\n#>\n", []),
        ]
        for (code, expected) in table {
            let found = namedValues("script.ps1", code)
            XCTAssertEqual(found.map(\.name), expected.map(\.name), code)
            XCTAssertEqual(found.map(\.value), expected.map(\.value), code)
            XCTAssertEqual(found.map(\.0.via), expected.map(\.via), code)
            XCTAssertEqual(found.map(\.0.isHeader), expected.map(\.isHeader), code)
            // The value range points at the literal in the file, for the finding and redaction.
            for (value, _, text) in found {
                XCTAssertEqual(String(decoding: Array(code.utf8)[value.valueRange], as: UTF8.self), text, code)
            }
        }
    }

    /// In a POSIX shell script the same text runs a command named `apiKey`: no named value.
    func testPosixShellIsNotReadAsPowerShell() {
        XCTAssertTrue(namedValues("script.sh", "apiKey = 'k1'\n").isEmpty)
        XCTAssertTrue(namedValues("script.ps1", "apiKey = 'k1'\n").count == 1)
    }
}
