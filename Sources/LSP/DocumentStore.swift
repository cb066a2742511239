import Engine
import Foundation
import Lexing
import Model
import Session
import Support
import Suppression

/// A position as LSP counts it: 0-based line, 0-based character in UTF-16 code units.
struct LSPPosition: Equatable {
    package var line: Int
    var character: Int

    init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    init?(_ node: JSONNode?) {
        guard let line = node?["line"]?.intValue, let character = node?["character"]?.intValue,
            line >= 0, character >= 0
        else { return nil }
        self.init(line: line, character: character)
    }

    var json: JSONOut { .object([("line", .int(line)), ("character", .int(character))]) }
}

/// One open document: the editor's text (never the file on disk), as UTF-8 bytes like every
/// other input of the engine, with the line index LSP positions are resolved against.
struct TextDocument {
    let uri: String
    /// File system path from the URI: picks the language and the config file.
    let path: String
    var version: Int?
    private(set) var bytes: [UInt8]
    /// Byte offset of each line start; line breaks are LF, CRLF and CR, as in LSP and `SourceFile`.
    private(set) var lineStarts: [Int]

    init(uri: String, path: String, version: Int?, text: String) {
        self.uri = uri
        self.path = path
        self.version = version
        self.bytes = Array(text.utf8)
        self.lineStarts = SourceFile.computeLineStarts(bytes)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Replaces `range` (or everything, for a full-content change) with `text`.
    mutating func apply(range: (start: LSPPosition, end: LSPPosition)?, text: String) {
        let replacement = Array(text.utf8)
        if let range {
            var start = byteOffset(of: range.start), end = byteOffset(of: range.end)
            if end < start { swap(&start, &end) }
            bytes.replaceSubrange(start..<end, with: replacement)
        } else {
            bytes = replacement
        }
        lineStarts = SourceFile.computeLineStarts(bytes)
    }

    /// Byte range of 0-based `line` without its line break.
    func lineContent(_ line: Int) -> Range<Int> {
        guard line >= 0 && line < lineStarts.count else { return bytes.count..<bytes.count }
        let start = lineStarts[line]
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count
        while end > start && (bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D) { end -= 1 }
        return start..<end
    }

    /// Byte offset of an LSP position. A line past the end means the end of the document; a
    /// character past the end of its line means the line end (as the protocol asks); a position
    /// inside a surrogate pair rounds down to the start of that character.
    func byteOffset(of position: LSPPosition) -> Int {
        guard position.line < lineStarts.count else { return bytes.count }
        let content = lineContent(position.line)
        var offset = content.lowerBound, units = 0
        while offset < content.upperBound {
            let width = Self.utf8Width(bytes[offset])
            let unitCount = width == 4 ? 2 : 1
            if units + unitCount > position.character { break }
            units += unitCount
            offset = min(offset + width, content.upperBound)
        }
        return offset
    }

    /// LSP position of an engine position (1-based line, 1-based column counting Unicode
    /// scalars, a BOM on line 1 not counted). Astral characters are two UTF-16 units.
    func lspPosition(line: Int, column: Int) -> LSPPosition {
        let line0 = min(max(line - 1, 0), lineStarts.count - 1)
        let content = lineContent(line0)
        var offset = content.lowerBound, units = 0
        // The editor sees a BOM as a character (U+FEFF); the engine does not count it.
        if line0 == 0 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3; units = 1 }
        var scalars = 1
        while scalars < column && offset < content.upperBound {
            let width = Self.utf8Width(bytes[offset])
            units += width == 4 ? 2 : 1
            offset += width
            scalars += 1
        }
        return LSPPosition(line: line0, character: units)
    }

    /// LSP position of a byte offset (at a character boundary).
    func lspPosition(ofByte offset: Int) -> LSPPosition {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        var units = 0, i = lineStarts[lo]
        while i < min(offset, bytes.count) {
            let width = Self.utf8Width(bytes[i])
            units += width == 4 ? 2 : 1
            i += width
        }
        return LSPPosition(line: lo, character: units)
    }

    /// Bytes in the UTF-8 sequence a lead byte starts (1 for a stray continuation byte).
    static func utf8Width(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...0xF7: return 4
        case 0xE0...0xEF: return 3
        case 0xC0...0xDF: return 2
        default: return 1
        }
    }
}

/// Open documents by URI. One thread owns it (the server loop), so it needs no lock.
struct DocumentStore {
    private var documents: [String: TextDocument] = [:]

    subscript(uri: String) -> TextDocument? {
        get { documents[uri] }
        set { documents[uri] = newValue }
    }

    var uris: [String] { documents.keys.sorted() }
}

/// `file://` URIs to paths and back.
enum DocumentURI {
    /// The path of a `file:` URI, percent-decoded (`file:///a%20b.js` → `/a b.js`;
    /// `file://localhost/x` → `/x`). Other schemes (`untitled:`) get a pseudo path whose name
    /// still picks a language: the last segment, or `untitled` plus an extension for `languageId`.
    static func path(of uri: String, languageId: String? = nil) -> String {
        if uri.lowercased().hasPrefix("file://") {
            var rest = Substring(uri.dropFirst("file://".count))
            if !rest.hasPrefix("/"), let slash = rest.firstIndex(of: "/") { rest = rest[slash...] }  // authority
            if let query = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<query] }
            return percentDecode(rest)
        }
        let afterScheme = uri.split(separator: ":", maxSplits: 1).last.map(String.init) ?? uri
        var name = percentDecode(Substring(afterScheme.split(separator: "/").last ?? "untitled"))
        if Language.fileExtension(name).isEmpty, let ext = languageId.flatMap({ extensionForLanguageId[$0] }) {
            name += "." + ext
        }
        return FileManager.default.currentDirectoryPath + "/" + name
    }

    static func fileURI(_ path: String) -> String {
        var out = "file://"
        for byte in path.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80 && (c.isLetter || c.isNumber || "/-._~".contains(c)) {
                out.append(c)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    /// `%XX` to bytes, then UTF-8; a malformed escape is kept as written.
    static func percentDecode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count,
                let high = ASCII.hexValue(utf8[i + 1]), let low = ASCII.hexValue(utf8[i + 2])
            {
                bytes.append(UInt8(high * 16 + low))
                i += 3
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// For untitled buffers: enough to pick the right lexer.
    static let extensionForLanguageId: [String: String] = [
        "javascript": "js", "javascriptreact": "jsx", "typescript": "ts", "typescriptreact": "tsx",
        "python": "py", "ruby": "rb", "go": "go", "swift": "swift", "java": "java", "kotlin": "kt",
        "csharp": "cs", "c": "c", "cpp": "cpp", "rust": "rs", "php": "php", "shellscript": "sh",
        "sh": "sh", "bash": "sh", "yaml": "yaml", "json": "json", "jsonc": "jsonc", "xml": "xml",
        "html": "html", "markdown": "md", "dockerfile": "dockerfile", "ini": "ini", "toml": "toml",
        "properties": "properties", "dotenv": "env", "http": "http",
    ]
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
