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
    static func value(
        _ bytes: [UInt8], _ start: Int, _ end: Int, hashComments: Bool, into tokens: inout [Token],
        values: inout TokenValues
    ) {
        guard start < end else { return }
        let q = bytes[start]
        if q == 0x22 || q == 0x27 {
            var k = start + 1
            while k < end && bytes[k] != q { if q == 0x22 && bytes[k] == UInt8(ascii: "\\") { k += 1 }; k += 1 }
            let content = (start + 1)..<max(start + 1, min(k, end))
            let tokenEnd = min(end, k + 1)
            if q == 0x22, let decoded = LexerSupport.decodedEscapes(bytes[content]) {
                let isTemplate = decoded.containsBytes("${") || decoded.containsBytes("{{")
                tokens.append(
                    Token(
                        kind: .string, start: start, end: tokenEnd, content: content, decoded: decoded, in: &values,
                        quote: q, isTemplate: isTemplate))
            } else {
                tokens.append(
                    Token(
                        kind: .string, start: start, end: tokenEnd, content: content, quote: q,
                        isTemplate: hasTemplateHole(bytes[content])))
            }
            var rest = min(end, k + 1)
            while rest < end && (bytes[rest] == 0x20 || bytes[rest] == 0x09) { rest += 1 }
            if rest < end && bytes[rest] == UInt8(ascii: "#") {
                tokens.append(
                    Token(kind: .comment, start: rest, end: end, content: (rest + 1)..<end))
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
            tokens.append(
                Token(
                    kind: .string, start: start, end: valueEnd, content: start..<valueEnd,
                    isTemplate: hasTemplateHole(bytes[start..<valueEnd])))
        }
        if let c = commentAt {
            tokens.append(
                Token(kind: .comment, start: c, end: end, content: (c + 1)..<end))
        }
    }

    /// Lexes `bytes[start..<end]` with another lexer and shifts its tokens into place.
    static func embedded(
        _ lexer: any Lexer, _ bytes: [UInt8], _ start: Int, _ end: Int, into tokens: inout [Token],
        values: inout TokenValues
    ) {
        guard start < end else { return }
        // The inner lexer appends its decoded values to the same table, so indexes stay valid.
        for token in lexer.tokenize(Array(bytes[start..<end]), values: &values) {
            tokens.append(token.shifted(by: start))
        }
    }

    /// `${` or `{{` in the bytes (what a line value's template holes look like).
    static func hasTemplateHole(_ content: ArraySlice<UInt8>) -> Bool {
        var k = content.startIndex
        while k + 1 < content.endIndex {
            let b = content[k]
            if (b == UInt8(ascii: "$") || b == UInt8(ascii: "{")) && content[k + 1] == UInt8(ascii: "{") { return true }
            k += 1
        }
        return false
    }

    static func comment(_ bytes: [UInt8], _ start: Int, _ end: Int, marker: Int) -> Token {
        Token(kind: .comment, start: start, end: end, content: min(end, start + marker)..<end)
    }
}
