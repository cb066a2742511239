import XCTest

@testable import Lexing
@testable import Model

/// Tokens carry no String: a value is the token's bytes unless decoding changed it, and then an
/// entry of the file's decoded values. These check both paths give the old decoded values.
final class TokenValueTests: XCTestCase {
    private func lex(_ path: String, _ code: String) -> TokenList {
        LexerRegistry.tokenize(SourceFile(path: path, bytes: Array(code.utf8)))
    }

    func testTokenIsPlainData() {
        // A String (or any reference) inside Token would make every copy retain and release.
        XCTAssertTrue(_isPOD(Token.self))
        XCTAssertLessThanOrEqual(MemoryLayout<Token>.stride, 28)
    }

    func testPlainStringsAreReadFromTheirBytesAndEscapedOnesAreDecoded() {
        let list = lex("a.js", #"a = "plain"; b = "line\nbreak"; c = 'it\'s'; d = `t ${x}`; // note"#)
        let strings = list.filter { $0.kind == .string }
        XCTAssertEqual(strings.map(list.value(of:)), ["plain", "line\nbreak", "it's", "t ${x}"])
        XCTAssertEqual(strings.map(\.valueSource), [.bytes, .decoded(index: 0), .decoded(index: 1), .bytes])
        XCTAssertEqual(list.values.decoded.count, 2)
        let comment = list.first { $0.kind == .comment }!
        XCTAssertEqual(comment.valueSource, .bytes)
        XCTAssertEqual(list.value(of: comment), " note")
        let identifier = list.first { $0.kind == .identifier }!
        XCTAssertEqual(identifier.valueSource, .none)
        XCTAssertNil(list.value(of: identifier))
    }

    func testEntitiesAndLineValuesDecodeOnlyWhenThereIsSomethingToDecode() {
        let xml = lex("a.xml", #"<a k="x &amp; y" j="z">t &lt; u</a>"#)
        XCTAssertEqual(xml.filter { $0.kind == .string }.map(xml.value(of:)), ["x & y", "z", "t < u"])
        XCTAssertEqual(xml.values.decoded, ["x & y", "t < u"])
        let env = lex(".env", "A=\"q\\tr\"\nB='s\\t'\nC=${HOME}/x # c\n")
        XCTAssertEqual(env.filter { $0.kind == .string }.map(env.value(of:)), ["q\tr", "s\\t", "${HOME}/x"])
        XCTAssertEqual(env.filter { $0.kind == .string }.map(\.isTemplate), [false, false, true])
        XCTAssertEqual(env.values.decoded, ["q\tr"])
    }

    /// A fenced block is lexed on its own bytes and shifted into place: its bytes-backed values
    /// must point into the file, and its decoded ones into the same table.
    func testEmbeddedBlocksKeepTheirValues() {
        let list = lex("README.md", "Intro \"x\\n\"\n\n```js\nk = 'a\\tb'; v = 'plain'\n```\n")
        let strings = list.filter { $0.kind == .string }
        XCTAssertEqual(strings.map(list.value(of:)), ["a\tb", "plain"])
        XCTAssertEqual(list.value(of: list.first { $0.kind == .comment }!), "Intro \"x\\n\"")
    }

    /// A pasted command's continuation prefix is blanked before it is lexed as shell: a string
    /// across it keeps the blanked text, as it did when values were Strings made from those bytes.
    func testPlainTextCommandValuesAcrossBlankedPrefixes() {
        let list = lex("notes.txt", "# curl -H 'X: a \\\n#  b' https://x.example\n")
        let quoted = list.filter { $0.kind == .string && $0.quote != 0 }
        XCTAssertEqual(quoted.map(list.value(of:)), ["X: a \\\n   b"])
        XCTAssertEqual(quoted.map(\.valueSource), [.decoded(index: 0)])
    }
}
