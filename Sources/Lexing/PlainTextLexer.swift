import Model
import Support

/// Unknown text: words as strings, with `=` / `:` split out so `KEY=value` still binds.
struct PlainTextLexer: Lexer {
    func tokenize(_ bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        var cursor = LineCursor(bytes: bytes)
        while let line = cursor.nextLine() {
            var i = cursor.skipSpaces(line.start, line.end)
            while i < line.end {
                var e = i
                while e < line.end && bytes[e] != 0x20 && bytes[e] != 0x09 && bytes[e] != UInt8(ascii: "=") { e += 1 }
                var wordEnd = e
                if wordEnd > i && bytes[wordEnd - 1] == UInt8(ascii: ":")
                    && (e == line.end || bytes[e] != UInt8(ascii: "="))
                {
                    wordEnd -= 1
                }
                if wordEnd > i {
                    let isName = (e < line.end && bytes[e] == UInt8(ascii: "=")) || wordEnd < e
                    tokens.append(
                        Token(
                            kind: isName ? .identifier : .string, start: i, end: wordEnd,
                            value: isName ? nil : String(decoding: bytes[i..<wordEnd], as: UTF8.self)))
                }
                if wordEnd < e { tokens.append(Token(kind: .punctuation, start: wordEnd, end: e)) }
                if e < line.end && bytes[e] == UInt8(ascii: "=") {
                    tokens.append(Token(kind: .punctuation, start: e, end: e + 1)); e += 1
                }
                i = cursor.skipSpaces(e, line.end)
            }
        }
        return tokens
    }
}
