import Foundation
import Model
import Support

/// XML, plist, HTML: tag and attribute names as identifiers, attribute values and text as
/// strings, `<!-- -->` comments and `<!DOCTYPE …>` / `<?xml …?>` as comments (their URLs are
/// identifiers, not connection targets).
struct XMLLexer: Lexer {
    func tokenize(_ bytes: [UInt8], values: inout TokenValues) -> [Token] {
        var tokens: [Token] = []
        let n = bytes.count
        var i = 0
        func starts(_ s: String, _ k: Int) -> Bool {
            let m = Array(s.utf8); return k + m.count <= n && bytes[k..<(k + m.count)].elementsEqual(m)
        }
        func find(_ s: String, from k: Int) -> Int? {
            let m = Array(s.utf8)
            var j = k
            while j + m.count <= n {
                if bytes[j] == m[0] && bytes[j..<(j + m.count)].elementsEqual(m) { return j }; j += 1
            }
            return nil
        }
        while i < n {
            if starts("<!--", i) {
                let close = find("-->", from: i + 4)
                let end = close.map { $0 + 3 } ?? n
                tokens.append(
                    Token(
                        kind: .comment, start: i, end: end, content: (i + 4)..<(close ?? n)))
                i = end
            } else if starts("<![CDATA[", i) {
                let close = find("]]>", from: i + 9)
                let end = close.map { $0 + 3 } ?? n
                tokens.append(
                    Token(
                        kind: .string, start: i, end: end, content: (i + 9)..<(close ?? n)))
                i = end
            } else if starts("<!", i) || starts("<?", i) {
                var end = i + 2
                while end < n && bytes[end] != UInt8(ascii: ">") { end += 1 }
                end = min(n, end + 1)
                tokens.append(
                    Token(
                        kind: .comment, start: i, end: end, content: (i + 2)..<max(i + 2, end - 1)))
                i = end
            } else if bytes[i] == UInt8(ascii: "<") {
                tokens.append(Token(kind: .punctuation, start: i, end: i + 1))
                i += 1
                // Inside a tag until `>`.
                while i < n && bytes[i] != UInt8(ascii: ">") {
                    let b = bytes[i]
                    if LexerSupport.isSpace(b) { i += 1; continue }
                    if b == 0x22 || b == 0x27 {
                        var k = i + 1
                        while k < n && bytes[k] != b { k += 1 }
                        tokens.append(
                            text(bytes, start: i, end: min(n, k + 1), content: (i + 1)..<min(n, k), quote: b, &values))
                        i = min(n, k + 1)
                    } else if b == UInt8(ascii: "=") || b == UInt8(ascii: "/") || b == UInt8(ascii: "<") {
                        tokens.append(Token(kind: .punctuation, start: i, end: i + 1))
                        i += 1
                    } else {
                        var k = i
                        while k < n && !LexerSupport.isSpace(bytes[k])
                            && ![UInt8(ascii: "="), UInt8(ascii: ">"), UInt8(ascii: "/"), 0x22, 0x27].contains(bytes[k])
                        { k += 1 }
                        tokens.append(Token(kind: .identifier, start: i, end: max(k, i + 1)))
                        i = max(k, i + 1)
                    }
                }
                if i < n { tokens.append(Token(kind: .punctuation, start: i, end: i + 1)); i += 1 }
            } else {
                var k = i
                while k < n && bytes[k] != UInt8(ascii: "<") { k += 1 }
                var s = i, e = k
                while s < e && LexerSupport.isSpace(bytes[s]) { s += 1 }
                while e > s && LexerSupport.isSpace(bytes[e - 1]) { e -= 1 }
                if s < e { tokens.append(text(bytes, start: s, end: e, content: s..<e, quote: 0, &values)) }
                i = k
            }
        }
        return tokens
    }

    /// An attribute value or text run: its bytes, or its entities decoded when it has any.
    private func text(
        _ bytes: [UInt8], start: Int, end: Int, content: Range<Int>, quote: UInt8, _ values: inout TokenValues
    ) -> Token {
        guard let decoded = decodedEntities(bytes[content]) else {
            return Token(kind: .string, start: start, end: end, content: content, quote: quote)
        }
        return Token(
            kind: .string, start: start, end: end, content: content, decoded: decoded, in: &values, quote: quote)
    }

    /// Nil when there is no entity: the value is then the bytes themselves.
    private func decodedEntities(_ raw: ArraySlice<UInt8>) -> String? {
        guard raw.contains(UInt8(ascii: "&")) else { return nil }
        let text = String(decoding: raw, as: UTF8.self)
        guard text.contains("&") else { return nil }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
