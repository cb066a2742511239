import XCTest

@testable import Facts
@testable import Lexing
@testable import Model
@testable import Support

/// Bindings and named values keep where their text is (`FactText`), and the byte comparisons
/// rules use must answer exactly as the String they stand for would: ASCII, decoded escapes,
/// dotted paths, the Kelvin sign (canonically `K`, lower-cases to `k`), `ä`, invalid UTF-8.
final class FactTextTests: XCTestCase {
    private static let sources: [(path: String, code: String)] = [
        ("a.js", "const API_KEY = 'k1'; let o = { 'Authorization': 'Bearer x', kind: \"Secret\" };"),
        ("a.js", "const key = process.env.APP_KEY; const t = cfg?.auth.token; h['X-Api-Key'] = \"v\\u0041\";"),
        ("a.py", "secret = os.environ['SECRET']\ntoken = get_token()\nKIND = \"secret\"\nname = \"$HOME\""),
        ("a.go", "apiKey := cfg.Key\nvar b string = \"y\"\nreq.Header.Set(\"Authorization\", a)"),
        ("a.rb", "{ 'appkey' => 'abc', '\u{212A}ind' => 'S\u{212A}ecret', 'Authorizätion' => '%X%' }"),
        ("a.yaml", "kind: Secret\ndata:\n  token: '{{ secrets.T }}'\n  \u{212A}IND: secret\nstringData: {}\n"),
        ("a.json", #"{"key": "Authorization", "value": "Basic eA==", "name": "\u0061ppkey", "type": "apiKey"}"#),
        (".env", "DB_PASSWORD=hunter2\nAPI_TOKEN= ${VAR} \nEMPTY=\n"),
        ("a.sh", "curl -H 'X-API-Key: abc' --password s3cret --api-key=k2 https://x"),
        ("a.php", "$d .= \"w\"; $headers['Authorization'] = getenv('T') ?: 'fallback';"),
    ]

    private static let literals: [StaticString] = [
        "kind", "Secret", "secret", "authorization", "appkey", "key", "value", "name", "data", "stringData", "ENV",
        "header", "auth", "type", "security", "", "KIND",
    ]

    private func texts(_ facts: FileFacts) -> [FactText] {
        facts.bindings.flatMap { [$0.nameText, $0.valueText] }
            + facts.namedValues.flatMap { [$0.nameText, $0.valueText] }
    }

    func testByteComparisonsAnswerAsTheirStrings() {
        var compared = 0
        var bytes = [(String, [UInt8])]()
        for (path, code) in Self.sources { bytes.append((path, Array(code.utf8))) }
        // Invalid UTF-8 in a name and a value: the String is repaired, the bytes are not.
        bytes.append(("a.js", Array("const k".utf8) + [0xFF] + Array("ey = 'v".utf8) + [0xC3] + Array("';".utf8)))
        for (path, code) in bytes {
            let file = SourceFile(path: path, bytes: code)
            let facts = FileFacts(file: file, tokens: LexerRegistry.tokenize(file))
            let all = texts(facts)
            XCTAssertFalse(all.isEmpty, path)
            for text in all {
                let string = facts.string(text)
                XCTAssertEqual(facts.isEmpty(text), string.isEmpty, "\(path) \(string)")
                XCTAssertEqual(facts.isHeaderName(text), CredentialNames.isHeaderName(string), "\(path) \(string)")
                XCTAssertEqual(
                    facts.mayContainCredentialWord(text), CredentialNames.mayContainCredentialWord(string),
                    "\(path) \(string)")
                XCTAssertEqual(
                    facts.looksLikeEnvironmentReference(text), FileFacts.looksLikeEnvironmentReference(string),
                    "\(path) \(string)")
                for literal in Self.literals {
                    XCTAssertEqual(facts.equals(text, literal), string == literal.description, "\(path) \(string)")
                    XCTAssertEqual(facts.equals(text, literal.description), string == literal.description)
                    XCTAssertEqual(
                        facts.equalsIgnoringCase(text, literal), string.lowercased() == literal.description,
                        "\(path) \(string) \(literal)")
                    compared += 1
                }
                for other in all {
                    XCTAssertEqual(facts.equals(text, facts.string(other)), string == facts.string(other))
                }
            }
        }
        XCTAssertGreaterThan(compared, 500)
    }

    /// The cases above reach every kind of `FactText` and the comparisons' non-ASCII paths.
    func testTheSourcesCoverEveryKindOfText() {
        var kinds = Set<String>()
        var nonASCII = 0
        for (path, code) in Self.sources {
            let file = SourceFile(path: path, bytes: Array(code.utf8))
            let facts = FileFacts(file: file, tokens: LexerRegistry.tokenize(file))
            for text in texts(facts) {
                switch text {
                case .value: kinds.insert("value")
                case .content: kinds.insert("content")
                case .source: kinds.insert("source")
                case .path(let first, let last): kinds.insert(first == last ? "path" : "dotted path")
                case .stored: kinds.insert("stored")
                }
                if facts.string(text).utf8.contains(where: { $0 >= 0x80 }) { nonASCII += 1 }
            }
        }
        XCTAssertEqual(kinds, ["value", "content", "source", "path", "dotted path", "stored"])
        XCTAssertGreaterThanOrEqual(nonASCII, 3)
    }

    /// Where a binding's name and value are read from, spelled as before (`a.b.c` for a path).
    func testBindingTextsSpellAsBefore() {
        let file = SourceFile(path: "a.js", bytes: Array("const t = cfg?.auth .token; x = 'a\\'b'".utf8))
        let facts = FileFacts(file: file, tokens: LexerRegistry.tokenize(file))
        XCTAssertEqual(
            facts.bindings.map { "\(facts.string($0.nameText))=\(facts.string($0.valueText))" },
            ["t=cfg.auth.token", "x=a'b"])
    }

    /// `headerLineArrays` rules most elements out from their bytes; which elements become headers
    /// is still what the String test (first `:` Character, a name of letters, digits, `-`, `_`) says.
    func testHeaderLineArraysKeepTheStringTest() {
        let elements = [
            "X-Api-Key: k", "no colon", ":leading", "a b: c", "Authorization:Bearer t", "https://host/x", "Käse: 1",
            "n:\u{301}x", "t\u{301}: v", "a_1-b: v", "é:", "k:v:w", "", "Name:  spaced\\tvalue \\t", "Name:  value  ",
        ]
        func oracle(_ line: String) -> Bool {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else { return false }
            return line[..<colon].allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        }
        for element in elements {
            let code = "x = [\"A: 1\", \"\(element)\"]"
            let file = SourceFile(path: "a.py", bytes: Array(code.utf8))
            let facts = FileFacts(file: file, tokens: LexerRegistry.tokenize(file))
            let headers = facts.headerLineArrays().flatMap(\.headers)
            let decoded = facts.value(facts.tokens.lastIndex { $0.kind == .string }!)
            XCTAssertEqual(headers.count == 2, oracle(decoded), element)
            if headers.count == 2, let colon = decoded.firstIndex(of: ":") {
                XCTAssertEqual(headers[1].name, String(decoded[..<colon]), element)
                XCTAssertEqual(
                    headers[1].value, String(decoded[decoded.index(after: colon)...]).trimmingSpaces, element)
            }
        }
    }
}
