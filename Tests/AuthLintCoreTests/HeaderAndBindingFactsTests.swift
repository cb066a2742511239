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

/// `bindings` and `headerSets` on real code: one table each of (code, expected facts).
final class HeaderAndBindingFactsTests: XCTestCase {
    private func facts(_ path: String, _ code: String) -> FileFacts {
        let file = SourceFile(path: path, bytes: Array(code.utf8))
        return FileFacts(file: file, tokens: LexerRegistry.tokenize(file))
    }

    /// Values of calls and environment reads are their callee path; `.env` values are all text.
    func testBindings() {
        typealias B = (name: String, kind: Binding.ValueKind, value: String)
        let table: [(path: String, code: String, bindings: [B])] = [
            ("a.js", "const API_KEY = 'k1';", [("API_KEY", .literal, "k1")]),
            ("a.js", "const auth = `Basic ${token}`;", [("auth", .template, "Basic ${token}")]),
            ("a.js", "const key = process.env.APP_KEY;", [("key", .environment, "process.env.APP_KEY")]),
            ("a.py", "secret = os.environ['SECRET']", [("secret", .environment, "os.environ")]),
            ("a.py", "token = get_token()", [("token", .call, "get_token")]),
            ("a.go", "apiKey := cfg.Key", [("apiKey", .reference, "cfg.Key")]),
            ("a.rb", "{ 'appkey' => 'abc' }", [("appkey", .literal, "abc")]),
            (
                ".env", "DB_PASSWORD=hunter2\nPORT=3000\n",
                [("DB_PASSWORD", .literal, "hunter2"), ("PORT", .literal, "3000")]
            ),
            ("a.yaml", "auth:\n  token: abc123\n", [("token", .literal, "abc123")]),
        ]
        for (path, code, expected) in table {
            let facts = facts(path, code)
            let bindings = facts.bindings.filter { binding in
                expected.contains { $0.name == facts.string(binding.nameText) }
            }
            XCTAssertEqual(bindings.map { facts.string($0.nameText) }, expected.map(\.name), code)
            XCTAssertEqual(bindings.map(\.valueKind), expected.map(\.kind), code)
            XCTAssertEqual(bindings.map { facts.string($0.valueText) }, expected.map(\.value), code)
        }
    }

    func testHeaderSets() {
        typealias S = (origin: HeaderSet.Origin, names: [String])
        let table: [(path: String, code: String, sets: [S])] = [
            (
                "a.js", "fetch(u, { headers: { 'appkey': k, 'Authorization': `Bearer ${t}` } })",
                [(.literal, ["appkey", "Authorization"])]
            ),
            (
                "a.go", "req.Header.Set(\"Authorization\", a)\nreq.Header.Set(\"X-API-Key\", k)\n",
                [(.setter, ["Authorization", "X-API-Key"])]
            ),
            (
                "a.sh", "curl -H 'appkey: x' -H 'Authorization: Bearer y' https://api.acme.io\n",
                [(.curl, ["appkey", "Authorization"])]
            ),
            (
                "a.http", "GET https://api.acme.io/x\nAuthorization: Bearer y\nappkey: z\n",
                [(.httpFile, ["Authorization", "appkey"])]
            ),
            (
                "a.py", "requests.get(u, headers={'appkey': k}, auth=(i, s))",
                [(.literal, ["appkey"]), (.callOptions, ["appkey", "Authorization"])]
            ),
        ]
        for (path, code, expected) in table {
            let sets = facts(path, code).headerSets
            XCTAssertEqual(sets.map(\.origin), expected.map(\.origin), code)
            XCTAssertEqual(sets.map { $0.headers.map(\.name) }, expected.map(\.names), code)
        }
    }
}
