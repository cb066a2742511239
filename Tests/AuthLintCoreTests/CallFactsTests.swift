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

/// `calls`, `enclosingCall(of:)` and `enclosingBracket(of:lookingBack:)` on real code.
final class CallFactsTests: XCTestCase {
    private func facts(_ path: String, _ code: String) -> FileFacts {
        let file = SourceFile(path: path, bytes: Array(code.utf8))
        return FileFacts(file: file, tokens: LexerRegistry.tokenize(file))
    }

    private func index(of text: String, in facts: FileFacts, occurrence: Int = 0) -> Int {
        facts.tokens.indices.filter { facts.value($0) == text }[occurrence]
    }

    func testCallees() {
        let table: [(path: String, code: String, callees: [String])] = [
            ("a.js", "console.log(JSON.stringify(req.headers))", ["console.log", "JSON.stringify"]),
            (
                "a.go", "req.Header.Set(\"Authorization\", fmt.Sprintf(\"Bearer %s\", t))",
                ["req.Header.Set", "fmt.Sprintf"]
            ),
            ("a.py", "requests.get (url, verify=False)", ["requests.get"]),
            ("a.rb", "Net::HTTP.start(host, port, use_ssl: true)", ["Net.HTTP.start"]),
            ("a.swift", "request.setValue(key, forHTTPHeaderField: \"appkey\")", ["request.setValue"]),
        ]
        for (path, code, callees) in table {
            XCTAssertEqual(facts(path, code).calls.map(\.callee), callees, code)
        }
    }

    /// (code, token text, occurrence, name of the innermost call around it or nil).
    func testEnclosingCall() {
        let table: [(path: String, code: String, token: String, occurrence: Int, call: String?)] = [
            ("a.py", "requests.get(url, verify=False)", "verify", 0, "get"),
            ("a.py", "log.info(str(headers))", "headers", 0, "str"),
            ("a.py", "log.info(str(headers), x)", "x", 0, "info"),
            ("a.js", "fetch(url, { headers: { a: b } })", "headers", 0, "fetch"),
            ("a.js", "f(a)(b)", "b", 0, nil),
            ("a.js", "x = (y + z)", "y", 0, nil),
            ("a.go", "http.Get(u); other(v)", "v", 0, "other"),
            ("a.go", "http.Get(u); other(v)", "u", 0, "Get"),
            ("a.py", "outer(inner(a), b, c", "b", 0, "outer"),  // unmatched: runs to the end
        ]
        for (path, code, token, occurrence, call) in table {
            let facts = facts(path, code)
            XCTAssertEqual(
                facts.enclosingCall(of: index(of: token, in: facts, occurrence: occurrence))?.name, call, code)
        }
    }

    /// The index agrees with a linear search over the calls for every token of real code.
    func testEnclosingCallMatchesALinearSearch() throws {
        for sample in [
            "samples/tls-and-transport/python/reeflow_client.py", "samples/node-reeflow/src/client.js",
            "samples/tls-and-transport/go/main.go",
        ] {
            let bytes = try XCTUnwrap(FileManager.default.contents(atPath: TestSupport.packageRoot + "/" + sample))
            let file = SourceFile(path: sample, bytes: Array(bytes))
            let facts = FileFacts(file: file, tokens: LexerRegistry.tokenize(file))
            XCTAssertFalse(facts.calls.isEmpty, sample)
            for i in facts.tokens.indices {
                let linear = facts.calls.filter { $0.openParen < i && i < $0.closeParen }.max {
                    $0.openParen < $1.openParen
                }
                XCTAssertEqual(facts.enclosingCall(of: i)?.openParen, linear?.openParen, "\(sample) token \(i)")
            }
        }
    }

    func testEnclosingBracketHonoursTheLookBackLimit() {
        let facts = facts("a.js", "f({ a: [1, 2], b: x })")
        let x = index(of: "x", in: facts)
        let brace = try? XCTUnwrap(facts.enclosingBracket(of: x, lookingBack: 100))
        XCTAssertTrue(brace.map { facts.isPunct($0, "{") } ?? false)
        XCTAssertNil(facts.enclosingBracket(of: x, lookingBack: x - brace!))
        XCTAssertEqual(facts.enclosingBracket(of: x, lookingBack: x - brace! + 1), brace)
        XCTAssertTrue(
            facts.enclosingBracket(of: index(of: "2", in: facts), lookingBack: 10).map { facts.isPunct($0, "[") }
                ?? false)
        XCTAssertNil(facts.enclosingBracket(of: 0, lookingBack: 10))
    }
}
