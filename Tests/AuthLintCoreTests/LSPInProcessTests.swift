import Foundation
import Glibc
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

/// The language server's pieces in-process (`LSPTests` drives the real `authlint lsp` process):
/// UTF-16 positions, frame resynchronisation, document URIs, ignore edits.
final class LSPInProcessTests: XCTestCase {
    // MARK: - Pieces in-process

    func testPositionsCountUTF16UnitsAcrossAstralCharactersCRLFAndBOM() {
        let doc = TextDocument(uri: "file:///x.js", path: "/x.js", version: 1, text: "\u{FEFF}a😀b\r\nc😀😀d\re\n")
        // Engine positions are 1-based scalars (BOM not counted); LSP: 0-based UTF-16 (BOM counted).
        XCTAssertEqual(doc.lspPosition(line: 1, column: 1), LSPPosition(line: 0, character: 1))
        XCTAssertEqual(doc.lspPosition(line: 1, column: 3), LSPPosition(line: 0, character: 4))
        XCTAssertEqual(doc.lspPosition(line: 2, column: 4), LSPPosition(line: 1, character: 5))
        XCTAssertEqual(doc.lspPosition(line: 2, column: 99), LSPPosition(line: 1, character: 6))  // clamped to the line
        XCTAssertEqual(doc.lspPosition(line: 3, column: 2), LSPPosition(line: 2, character: 1))  // lone CR is a break
        // LSP positions to bytes: inside a surrogate pair rounds down; past the line end clamps.
        // Line 2 starts at byte 11 (BOM 3 + "a" 1 + emoji 4 + "b" 1 + CRLF 2).
        XCTAssertEqual(doc.byteOffset(of: LSPPosition(line: 1, character: 1)), 12)
        XCTAssertEqual(doc.byteOffset(of: LSPPosition(line: 1, character: 2)), 12)
        XCTAssertEqual(doc.byteOffset(of: LSPPosition(line: 1, character: 3)), 16)
        XCTAssertEqual(doc.byteOffset(of: LSPPosition(line: 1, character: 50)), 21)
        XCTAssertEqual(doc.byteOffset(of: LSPPosition(line: 9, character: 0)), doc.bytes.count)
        XCTAssertEqual(doc.lspPosition(ofByte: 16), LSPPosition(line: 1, character: 3))

        var edited = doc
        edited.apply(range: (LSPPosition(line: 1, character: 1), LSPPosition(line: 1, character: 5)), text: "Z")
        XCTAssertEqual(edited.text, "\u{FEFF}a😀b\r\ncZd\re\n")
        edited.apply(range: (LSPPosition(line: 0, character: 5), LSPPosition(line: 1, character: 0)), text: "")
        XCTAssertEqual(edited.text, "\u{FEFF}a😀bcZd\re\n")
        edited.apply(range: nil, text: "new")
        XCTAssertEqual(edited.text, "new")
    }

    func testFrameReaderResynchronisesAfterBadInput() {
        var reader = LSPFrameReader()
        var events: [LSPFrameReader.Event] = []
        let input =
            "junk junk\r\nContent-Length: 2\r\n\r\n{}\r\nContent-Length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n[]"
            + "Content-Length: x\r\n\r\nabcContent-Length: 4\r\n\r\nnull"
        for byte in input.utf8 {  // one byte at a time: every split point
            reader.feed([byte])
            while let event = reader.next() { events.append(event) }
        }
        XCTAssertEqual(
            events,
            [
                .framingError("expected a Content-Length header"), .message(Array("{}".utf8)),
                .message(Array("[]".utf8)),
                .framingError("Content-Length is not a number"), .message(Array("null".utf8)),
            ])
    }

    func testDocumentURIs() {
        XCTAssertEqual(DocumentURI.path(of: "file:///home/u/a%20b/%C3%A9t%C3%A9.js"), "/home/u/a b/été.js")
        XCTAssertEqual(DocumentURI.path(of: "file://localhost/etc/x.py"), "/etc/x.py")
        XCTAssertEqual(DocumentURI.path(of: "file:///bad%zz.js"), "/bad%zz.js")
        XCTAssertTrue(DocumentURI.path(of: "untitled:Untitled-1", languageId: "python").hasSuffix("/Untitled-1.py"))
        XCTAssertEqual(DocumentURI.path(of: DocumentURI.fileURI("/tmp/a b/ü#.js")), "/tmp/a b/ü#.js")
    }

    /// The ignore comment follows each file's comment syntax, or goes above the line where a
    /// trailing comment would change the meaning, or is not offered where neither is safe.
    func testIgnoreEditsFollowTheCommentSyntax() throws {
        func edit(_ path: String, _ text: String, line: Int) -> String? {
            let document = TextDocument(uri: "file://" + path, path: path, version: 1, text: text)
            let source = SourceFile(path: path, bytes: document.bytes)
            guard
                let json = LSPCodeActions.ignoreEdit(
                    rule: "r", line: line, document: document, source: source,
                    tokens: LexerRegistry.tokenize(source).tokens)
            else { return nil }
            guard case .object(let fields) = json,
                case .string(let newText)? = fields.first(where: { $0.0 == "newText" })?.1,
                case .object(let range)? = fields.first(where: { $0.0 == "range" })?.1,
                case .object(let start)? = range.first?.1
            else { return "?" }
            return "\(start.map { "\($0.1.render(pretty: false))" }.joined(separator: ":")) \(newText.debugDescription)"
        }
        XCTAssertEqual(edit("/p/a.py", "KEY = 'x'\n", line: 1), #"0:9 " # authlint:ignore r""#)
        XCTAssertEqual(edit("/p/a.xml", "<k v=\"x\"/>\n", line: 1), #"0:10 " <!-- authlint:ignore r -->""#)
        XCTAssertEqual(edit("/p/.env", "A=1\n  KEY=x\r\n", line: 2), #"1:0 "  # authlint:ignore-next-line r\r\n""#)
        XCTAssertEqual(
            edit("/p/Dockerfile", "FROM x\nENV KEY=x\n", line: 2), ##"1:0 "# authlint:ignore-next-line r\n""##)
        XCTAssertNil(edit("/p/a.json", "{\"key\": \"x\"}\n", line: 1))
        XCTAssertEqual(edit("/p/a.jsonc", "{\"key\": \"x\"}\n", line: 1), #"0:12 " // authlint:ignore r""#)
        // Inside a multi-line template literal: the next line is still in the string, so above.
        XCTAssertEqual(edit("/p/a.js", "const t = `a\nkey=x`;\n", line: 1), #"0:0 "// authlint:ignore-next-line r\n""#)
        // A shell continuation line: neither place is safe.
        XCTAssertNil(edit("/p/a.sh", "curl \\\n  -H \"appkey: x\" \\\n  https://h\n", line: 2))
        XCTAssertEqual(
            edit("/p/a.sh", "curl -H \"appkey: x\" \\\n  https://h\n", line: 1),
            ##"0:0 "# authlint:ignore-next-line r\n""##)
    }
}
