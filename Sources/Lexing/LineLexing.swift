import Model
import Support

/// What the line-oriented lexers share (`LineCursor` and `LineLexing.valueToken`), so a YAML
/// `key: value`, an `.env` `KEY=value` and an `.http` `Name: value` all come out as
/// identifier, punctuation, string: the shape bindings and header facts look for.
struct LineCursor {
    let bytes: [UInt8]
    var lineStart = 0

    /// Next line as (start, end-without-break, next-line-start), or nil at the end.
    mutating func nextLine() -> (start: Int, end: Int, next: Int)? {
        guard lineStart < bytes.count else { return nil }
        var end = lineStart
        while end < bytes.count && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
        var next = end
        if next < bytes.count && bytes[next] == 0x0D { next += 1 }
        if next < bytes.count && bytes[next] == 0x0A { next += 1 }
        let line = (lineStart, end, next)
        lineStart = next
        return line
    }

    func skipSpaces(_ i: Int, _ end: Int) -> Int {
        var i = i
        while i < end && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
        return i
    }

    func trimEnd(_ start: Int, _ end: Int) -> Int {
        var end = end
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        return end
    }
}

enum LineLexing {
    /// A value from `start` to `end`: quoted (decoded, quote recorded) or bare (quote 0, trailing
    /// ` #comment` split off when `hashComments`).
    static func value(_ bytes: [UInt8], _ start: Int, _ end: Int, hashComments: Bool, into tokens: inout [Token]) {
        guard start < end else { return }
        let q = bytes[start]
        if q == 0x22 || q == 0x27 {
            var k = start + 1
            while k < end && bytes[k] != q { if q == 0x22 && bytes[k] == UInt8(ascii: "\\") { k += 1 }; k += 1 }
            let contentEnd = min(k, end)
            let content = bytes[(start + 1)..<max(start + 1, contentEnd)]
            let decoded = q == 0x22 ? LexerSupport.decodeEscapes(content) : String(decoding: content, as: UTF8.self)
            tokens.append(
                Token(
                    kind: .string, start: start, end: min(end, k + 1), value: decoded, quote: q,
                    isTemplate: decoded.containsBytes("${") || decoded.containsBytes("{{"), contentStart: start + 1))
            var rest = min(end, k + 1)
            while rest < end && (bytes[rest] == 0x20 || bytes[rest] == 0x09) { rest += 1 }
            if rest < end && bytes[rest] == UInt8(ascii: "#") {
                tokens.append(
                    Token(
                        kind: .comment, start: rest, end: end,
                        value: String(decoding: bytes[(rest + 1)..<end], as: UTF8.self), contentStart: rest + 1))
            }
            return
        }
        var valueEnd = end
        var commentAt: Int?
        if hashComments {
            var k = start
            while k < end {
                if bytes[k] == UInt8(ascii: "#") && (k == start || bytes[k - 1] == 0x20 || bytes[k - 1] == 0x09) {
                    commentAt = k; valueEnd = k; break
                }
                k += 1
            }
        }
        while valueEnd > start && (bytes[valueEnd - 1] == 0x20 || bytes[valueEnd - 1] == 0x09) { valueEnd -= 1 }
        if valueEnd > start {
            let text = String(decoding: bytes[start..<valueEnd], as: UTF8.self)
            tokens.append(
                Token(
                    kind: .string, start: start, end: valueEnd, value: text, quote: 0,
                    isTemplate: text.containsBytes("${") || text.containsBytes("{{")))
        }
        if let c = commentAt {
            tokens.append(
                Token(
                    kind: .comment, start: c, end: end, value: String(decoding: bytes[(c + 1)..<end], as: UTF8.self),
                    contentStart: c + 1))
        }
    }

    /// Lexes `bytes[start..<end]` with another lexer and shifts its tokens into place.
    static func embedded(_ lexer: any Lexer, _ bytes: [UInt8], _ start: Int, _ end: Int, into tokens: inout [Token]) {
        guard start < end else { return }
        for var token in lexer.tokenize(Array(bytes[start..<end])) {
            token.start += start
            token.end += start
            token.contentStart += start
            token.pairIndex = -1
            tokens.append(token)
        }
    }

    static func comment(_ bytes: [UInt8], _ start: Int, _ end: Int, marker: Int) -> Token {
        Token(
            kind: .comment, start: start, end: end,
            value: String(decoding: bytes[min(end, start + marker)..<end], as: UTF8.self),
            contentStart: min(end, start + marker))
    }
}
