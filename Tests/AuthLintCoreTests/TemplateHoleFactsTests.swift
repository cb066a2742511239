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

/// `templateHoles(of:)`: the one reading of interpolation holes, per language.
final class TemplateHoleFactsTests: XCTestCase {
    func testHolesPerLanguage() {
        typealias Hole = (TemplateHole.Opener, String, Bool)
        let table: [(path: String, code: String, holes: [Hole])] = [
            (
                "a.js", "log(`Bearer ${token} for ${user.name}`)",
                [(.dollarBrace, "token", false), (.dollarBrace, "user.name", false)]
            ),
            ("a.ts", "fetch(`${BASE}/x`)", [(.dollarBrace, "BASE", true)]),
            (
                "a.py", "print(f\"{self.base_url}/x {token!r} {n:>10} {a == b}\")",
                [
                    (.brace, "self.base_url", true), (.brace, "token", false), (.brace, "n", false),
                    (.brace, "a == b", false),
                ]
            ),
            ("a.py", "print(f\"{{literal}} {x}\")", [(.brace, "x", false)]),
            (
                "a.swift", "print(\"auth \\(request.allHTTPHeaderFields)\")",
                [(.backslashParen, "request.allHTTPHeaderFields", false)]
            ),
            ("a.rb", "puts \"key #{api_key}\"", [(.hashBrace, "api_key", false)]),
            ("a.sh", "echo \"$TOKEN and ${SECRET}\"", [(.dollarName, "TOKEN", true), (.dollarBrace, "SECRET", false)]),
            ("a.php", "echo \"key $apiKey\";", [(.dollarName, "$apiKey", false)]),
            (
                "a.kt", "println(\"$token ${user.id}\")",
                [(.dollarName, "token", true), (.dollarBrace, "user.id", false)]
            ),
            ("a.cs", "Console.WriteLine($\"{token} {n:F2}\");", [(.brace, "token", true), (.brace, "n", false)]),
            ("a.sh", "echo '$TOKEN'", []),
            // Dart interpolates single-quoted strings too; PHP and shell do not.
            (
                "a.dart", "print('headers: $headers ${user.id}');",
                [(.dollarName, "headers", false), (.dollarBrace, "user.id", false)]
            ),
            ("a.php", "echo 'key $apiKey';", []),
            ("a.js", "log('plain ${x}')", []),
            ("a.go", "fmt.Println(\"${x}\")", []),
        ]
        for (path, code, expected) in table {
            let file = SourceFile(path: path, bytes: Array(code.utf8))
            let facts = FileFacts(file: file, tokens: LexerRegistry.tokenize(file))
            let holes = facts.tokens.indices.flatMap { facts.templateHoles(of: $0) }
            XCTAssertEqual(holes.map(\.opener), expected.map(\.0), code)
            XCTAssertEqual(holes.map(\.expression), expected.map(\.1), code)
            XCTAssertEqual(holes.map(\.isLeading), expected.map(\.2), code)
        }
    }

    func testHoleExpressionsAreLexedInTheFilesLanguage() {
        let file = SourceFile(path: "a.js", bytes: Array("log(`${JSON.stringify(req.headers)}`)".utf8))
        let facts = FileFacts(file: file, tokens: LexerRegistry.tokenize(file))
        let hole = facts.tokens.indices.flatMap { facts.templateHoles(of: $0) }.first
        let holeFacts = facts.expressionFacts(hole?.expression ?? "")
        XCTAssertEqual(holeFacts.calls.map(\.callee), ["JSON.stringify"])
    }
}
