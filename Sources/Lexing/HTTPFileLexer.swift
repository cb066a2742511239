import Model
import Support

/// `.http` / `.rest` request files: request lines, `Name: value` headers, bodies, `###`.
package struct HTTPFileLexer: Lexer {
    package static let methods: Set<String> = [
        "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "CONNECT",
    ]

    package func tokenize(_ bytes: [UInt8], values: inout TokenValues) -> [Token] {
        var tokens: [Token] = []
        var cursor = LineCursor(bytes: bytes)
        var inBody = false
        var sawRequest = false
        while let line = cursor.nextLine() {
            let i = cursor.skipSpaces(line.start, line.end)
            if i == line.end { if sawRequest { inBody = true }; continue }
            if bytes[i] == UInt8(ascii: "#")
                || (i + 1 < line.end && bytes[i] == UInt8(ascii: "/") && bytes[i + 1] == UInt8(ascii: "/"))
            {
                let isSeparator = line.end - i >= 3 && bytes[i..<(i + 3)].elementsEqual("###".utf8)
                if isSeparator { inBody = false; sawRequest = false }
                tokens.append(LineLexing.comment(bytes, i, line.end, marker: bytes[i] == UInt8(ascii: "#") ? 1 : 2))
                continue
            }
            if inBody {
                LineLexing.embedded(CodeLexer(.json), bytes, i, line.end, into: &tokens, values: &values)
                continue
            }
            var w = i
            while w < line.end && bytes[w] != 0x20 && bytes[w] != UInt8(ascii: ":") { w += 1 }
            let word = String(decoding: bytes[i..<w], as: UTF8.self)
            if bytes[i] == UInt8(ascii: "@") {
                LineLexing.embedded(KeyValueLexer(), bytes, i + 1, line.end, into: &tokens, values: &values)
            } else if Self.methods.contains(word) || (!sawRequest && word.hasPrefix("http")) {
                tokens.append(Token(kind: .identifier, start: i, end: w))
                var k = cursor.skipSpaces(w, line.end)
                while k < line.end {
                    var e = k
                    while e < line.end && bytes[e] != 0x20 { e += 1 }
                    tokens.append(
                        Token(kind: .string, start: k, end: e, content: k..<e))
                    k = cursor.skipSpaces(e, line.end)
                }
                sawRequest = true
            } else if w < line.end && bytes[w] == UInt8(ascii: ":") {
                tokens.append(Token(kind: .identifier, start: i, end: w))
                tokens.append(Token(kind: .punctuation, start: w, end: w + 1))
                LineLexing.value(
                    bytes, cursor.skipSpaces(w + 1, line.end), line.end, hashComments: false, into: &tokens,
                    values: &values)
            } else {
                LineLexing.value(bytes, i, line.end, hashComments: false, into: &tokens, values: &values)
            }
        }
        return tokens
    }
}
