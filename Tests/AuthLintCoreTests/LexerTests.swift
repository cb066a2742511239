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

final class LexerTests: XCTestCase {
    func tokens(_ path: String, _ code: String) -> (SourceFile, TokenList) {
        let file = SourceFile(path: path, bytes: Array(code.utf8))
        return (file, LexerRegistry.tokenize(file))
    }

    func strings(_ path: String, _ code: String) -> [String] {
        let list = tokens(path, code).1
        return list.filter { $0.kind == .string }.compactMap(list.value(of:))
    }

    func testCLikeStringsTemplatesCommentsAndBrackets() {
        let (file, toks) = tokens(
            "a.js", "const a = 'it\\'s'; // note\nconst b = `Basic ${id}:${s}`; /* block */ f({x: [1]})")
        let strs = toks.filter { $0.kind == .string }
        XCTAssertEqual(strs.map(toks.value(of:)), ["it's", "Basic ${id}:${s}"])
        XCTAssertEqual(strs.map(\.isTemplate), [false, true])
        XCTAssertEqual(file.position(at: strs[1].start).line, 2)
        XCTAssertEqual(toks.filter { $0.kind == .comment }.map(toks.value(of:)), [" note", " block "])
        let open = toks.firstIndex { $0.kind == .punctuation && file.text($0.start..<$0.end) == "(" }!
        XCTAssertEqual(file.text(toks[toks[open].pairIndex].start..<toks[toks[open].pairIndex].end), ")")
        XCTAssertEqual(strings("a.swift", ##"let s = "auth \(token)"; let r = #"raw"#"##).first, #"auth \(token)"#)
        XCTAssertTrue(tokens("a.swift", #"let s = "auth \(token)""#).1.first { $0.kind == .string }!.isTemplate)
        XCTAssertEqual(strings("a.swift", "/* outer /* nested */ still */ let x = \"y\""), ["y"])
        XCTAssertEqual(strings("a.go", "x := `raw\\n`"), ["raw\\n"])
    }

    func testRustLifetimesAreNotCharacterLiterals() {
        let code = "static KEY: &'static str = \"k1\";\nfn f<'a>(x: &'a str) -> char { 'outer: loop { return 'c' } }"
        XCTAssertEqual(strings("a.rs", code), ["k1", "c"])
        let (file, toks) = tokens("a.rs", code)
        let names = toks.filter { $0.kind == .identifier }.map { file.text($0.start..<$0.end) }
        XCTAssertEqual(
            names.filter { ["static", "a", "outer"].contains($0) }, ["static", "static", "a", "a", "outer"])
        // In C-like languages without lifetimes the quote still opens a character literal or string.
        XCTAssertEqual(strings("a.js", "x = 'static str = '"), ["static str = "])
    }

    func testPythonRubyShell() {
        XCTAssertEqual(
            strings("a.py", "x = f'{a}b' # c\ny = r'\\d'\nz = '''multi\nline'''"), ["{a}b", "\\d", "multi\nline"])
        XCTAssertTrue(tokens("a.py", "x = f'{a}'").1.first { $0.kind == .string }!.isTemplate)
        XCTAssertEqual(strings("a.rb", "h = { 'k' => \"v #{x}\" } # c"), ["k", "v #{x}"])
        let (file, sh) = tokens("a.sh", "export KEY=abc123 # c\ncurl -H \"appkey: $KEY\" \\\n  https://x.io")
        XCTAssertEqual(
            sh.filter { $0.kind == .identifier }.map { file.text($0.start..<$0.end) }, ["export", "KEY", "curl"])
        XCTAssertEqual(
            sh.filter { $0.kind == .string }.map(sh.value(of:)), ["abc123", "-H", "appkey: $KEY", "https://x.io"])
        XCTAssertTrue(sh.first { sh.value(of: $0) == "appkey: $KEY" }!.isTemplate)
    }

    func testConfigFamilies() {
        let (yf, yaml) = tokens(
            "a.yaml",
            "api:\n  - key: \"v1\" # c\n  base_url: http://x.io/v1\n  block: |\n    line one\n    line two\nnext: 2")
        XCTAssertEqual(
            yaml.filter { $0.kind == .identifier }.map { yf.text($0.start..<$0.end) },
            ["api", "key", "base_url", "block", "next"])
        XCTAssertEqual(
            yaml.filter { $0.kind == .string }.map(yaml.value(of:)),
            ["v1", "http://x.io/v1", "line one\n    line two", "2"])
        XCTAssertEqual(strings(".env", "# c\nexport A=\"x y\"\nB=plain # tail\nC: 'q'"), ["x y", "plain", "q"])
        XCTAssertEqual(
            strings("Dockerfile", "FROM x\nENV TOKEN=abc123\nRUN curl -u me:pw https://h"),
            ["abc123", "-u", "me:pw", "https://h"])
        XCTAssertEqual(strings("a.json", "{\"k\": \"v\", // c\n \"n\": 1}"), ["k", "v", "n"])
        let (hf, http) = tokens(
            "api.http", "### list\nGET https://api.io/x HTTP/1.1\nAuthorization: Basic abc\n\n{\"a\": \"b\"}\n")
        XCTAssertEqual(
            http.filter { $0.kind == .identifier }.map { hf.text($0.start..<$0.end) }, ["GET", "Authorization"])
        XCTAssertEqual(
            http.filter { $0.kind == .string }.map(http.value(of:)),
            ["https://api.io/x", "HTTP/1.1", "Basic abc", "a", "b"])
        XCTAssertEqual(
            strings("site.xml", "<!DOCTYPE x SYSTEM \"http://dtd\"><a href=\"http://h\">text &amp; more</a><!-- c -->"),
            ["http://h", "text & more"])
        XCTAssertEqual(
            strings("nginx.conf", "log_format x '$http_authorization';\nserver { listen 80; }"),
            ["x", "$http_authorization", "80"])
    }

    func testMarkdownFencesAreLexedAsTheirLanguage() {
        let code = "Some prose with http://docs.io\n\n```js\nconst k = 'v';\n```\nmore prose\n"
        let (file, toks) = tokens("README.md", code)
        let string = toks.first { $0.kind == .string }!
        XCTAssertEqual(toks.value(of: string), "v")
        XCTAssertEqual(file.position(at: string.start).line, 4)
        XCTAssertEqual(file.text(string.start..<string.end), "'v'")
        XCTAssertEqual(toks.filter { $0.kind == .comment }.count, 2)
    }

    /// Plain text keeps prose as words, but a pasted command line (after a prompt or a `#`) and
    /// its continuation lines are shell: quoted arguments are one string, at their own offsets.
    func testPlainTextCommandLinesAreLexedAsShell() {
        let code =
            "Notes\nbash-5.1$ curl -X POST https://ci.example \\\n  -H 'X-Key: a b'\n"
            + "# curl -s \\\n#   -u 'ops:k9 z' https://x.example\n- a 'list item'\nsay 'hello there'\n"
        let (file, toks) = tokens("notes.txt", code)
        let quoted = toks.filter { $0.kind == .string && $0.quote != 0 }
        XCTAssertEqual(quoted.compactMap(toks.value(of:)), ["X-Key: a b", "ops:k9 z"])
        XCTAssertEqual(file.text(quoted[0].start..<quoted[0].end), "'X-Key: a b'")
        // The prose line after the commented command is words again, its quotes kept.
        XCTAssertTrue(strings("notes.txt", code).contains("'hello"))
        XCTAssertTrue(strings("notes.txt", code).contains("'list"))  // a bullet is no option line
        let commands = FileFacts(file: file, tokens: toks).shellCommands
        XCTAssertEqual(commands.map(\.program), ["curl", "curl"])
        XCTAssertEqual(commands.first?.words.map(\.text).suffix(2), ["-H", "X-Key: a b"])
    }

    /// No lexer may crash, hang or emit out-of-order / out-of-bounds tokens, whatever the input.
    func testRobustnessOnHostileInput() {
        var inputs: [[UInt8]] = [
            "\"", "'", "`", "/*", "\"\"\"", "<<EOF\nno end", "${", "f'{", "<!--", "<![CDATA[", "```js\nx",
            "key: |\n", "#{", "\\", "r'", "@\"", "- - -", "[[[", "{{{",
        ].map { Array($0.utf8) }
        inputs.append(Array(repeating: UInt8(ascii: "{"), count: 100_000))
        inputs.append(
            Array(repeating: UInt8(ascii: "("), count: 10_000) + Array(repeating: UInt8(ascii: ")"), count: 10_000))
        inputs.append([0xFF, 0xFE, 0x00, 0xC3, 0x28, 0x22, 0x0A, 0x0D])
        var x: UInt64 = 0x9E3779B97F4A7C15
        let alphabet = Array("ab =:'\"`{}()[]<>#/*\\$\n\r\t-|!&;,@?".utf8) + [0x00, 0xC3, 0xA9, 0xFF]
        for _ in 0..<1_500 {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17
            let length = Int(x % 64)
            inputs.append((0..<length).map { k in alphabet[Int((x >> UInt64(k % 50)) % UInt64(alphabet.count))] })
        }
        let paths = [
            "a.js", "a.swift", "a.py", "a.rb", "a.sh", "a.yaml", "a.json", ".env", "Dockerfile", "a.xml", "nginx.conf",
            "a.http", "a.md", "a.txt",
        ]
        for path in paths {
            for input in inputs {
                let file = SourceFile(path: path, bytes: input)
                let toks = LexerRegistry.tokenize(file)
                var last = 0
                for (i, t) in toks.enumerated() {
                    XCTAssertTrue(
                        t.start >= last && t.start <= t.end && t.end <= input.count,
                        "\(path): token \(i) out of order or bounds")
                    XCTAssertTrue(t.pairIndex < toks.count)
                    last = t.start
                }
            }
        }
    }
}
