import Model
import Support

extension CodeLexer {
    /// A quoted string starting at `start` (prefix included) whose quote is at `quoteAt`.
    /// Unterminated strings end at the line break (single-line quotes) or end of file.
    func lexString(
        _ bytes: [UInt8], start: Int, quoteAt: Int, raw: Bool, format: Bool, values: inout TokenValues
    ) -> Token {
        let n = bytes.count
        let q = bytes[quoteAt]
        var open = 1
        if dialect.tripleQuotes && quoteAt + 2 < n && bytes[quoteAt + 1] == q && bytes[quoteAt + 2] == q { open = 3 }
        let contentStart = quoteAt + open
        let backtick = q == 0x60
        let escapes = !raw && (q != 0x27 || dialect.singleQuoteEscapes) && !(backtick && !dialect.backtickIsTemplate)
        let multiline = open == 3 || backtick || dialect.wordsAreStrings
        var k = contentStart
        var template = format
        var closeEnd = n
        var contentEnd = n
        while k < n {
            let c = bytes[k]
            if escapes && c == UInt8(ascii: "\\") {
                if k + 1 < n && bytes[k + 1] == UInt8(ascii: "(") && hasInterpolationHole && q == 0x22 {
                    template = true
                }
                k += 2; continue
            }
            if c == q && (open == 1 || (k + 2 < n && bytes[k + 1] == q && bytes[k + 2] == q)) {
                contentEnd = k
                closeEnd = k + open
                break
            }
            if !multiline && (c == 0x0A || c == 0x0D) { contentEnd = k; closeEnd = k; break }
            if holeStart[Int(c)] && (q == 0x22 || (backtick && dialect.backtickIsTemplate)) && !template {
                for hole in plainHoles {
                    if k + hole.count <= n && bytes[k..<(k + hole.count)].elementsEqual(hole) {
                        // `$` alone is a hole only before a name or `{`/`(` (shell `$VAR`, `${X}`, `$(cmd)`).
                        if hole == [UInt8(ascii: "$")], k + 1 < n,
                            !(LexerSupport.isIdentStart(bytes[k + 1]) || bytes[k + 1] == UInt8(ascii: "{")
                                || bytes[k + 1] == UInt8(ascii: "("))
                        {
                            continue
                        }
                        template = true
                    }
                }
                if backtick && dialect.backtickIsTemplate && c == UInt8(ascii: "$") && k + 1 < n
                    && bytes[k + 1] == UInt8(ascii: "{")
                {
                    template = true
                }
            }
            k += 1
        }
        if k >= n { contentEnd = n; closeEnd = n }
        let content = contentStart..<max(contentStart, contentEnd)
        let end = max(closeEnd, start + 1)
        guard escapes, let decoded = LexerSupport.decodedEscapes(bytes[content]) else {
            return Token(kind: .string, start: start, end: end, content: content, quote: q, isTemplate: template)
        }
        return Token(
            kind: .string, start: start, end: end, content: content, decoded: decoded, in: &values, quote: q,
            isTemplate: template)
    }

    /// The end of a Rust lifetime or label at `quoteAt` (`'static`, `'a` in `&'a str`, `'outer:`):
    /// a quote, an identifier, and no closing quote right after it (`'a'` is a character literal).
    func lifetimeEnd(_ bytes: [UInt8], quoteAt: Int) -> Int? {
        let n = bytes.count
        guard quoteAt + 1 < n, LexerSupport.isIdentStart(bytes[quoteAt + 1]) else { return nil }
        var k = quoteAt + 2
        while k < n && LexerSupport.isIdentPart(bytes[k]) { k += 1 }
        return k < n && bytes[k] == 0x27 ? nil : k
    }
}
