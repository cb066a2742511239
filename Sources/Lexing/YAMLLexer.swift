import Model
import Support

/// YAML: `key: value`, `- key: value`, quoted keys and values, block scalars, comments.
struct YAMLLexer: Lexer {
    func tokenize(_ bytes: [UInt8], values: inout TokenValues) -> [Token] {
        var tokens: [Token] = []
        var cursor = LineCursor(bytes: bytes)
        var blockIndent: Int?  // inside a `|` / `>` block scalar deeper than this indent
        var block: (start: Int, end: Int)?
        func flushBlock() {
            if let b = block {
                tokens.append(
                    Token(kind: .string, start: b.start, end: b.end, content: b.start..<b.end))
            }
            block = nil
        }
        while let line = cursor.nextLine() {
            var i = cursor.skipSpaces(line.start, line.end)
            let indent = i - line.start
            if let bi = blockIndent {
                if i == line.end || indent > bi { if i < line.end { block = (block?.start ?? i, line.end) }; continue }
                flushBlock()
                blockIndent = nil
            }
            guard i < line.end else { continue }
            if bytes[i] == UInt8(ascii: "#") {
                tokens.append(LineLexing.comment(bytes, i, line.end, marker: 1)); continue
            }
            if bytes[i] == UInt8(ascii: "-") && (i + 1 == line.end || bytes[i + 1] == 0x20) {
                if i + 2 < line.end && bytes[i + 1] == UInt8(ascii: "-") { continue }
                i = cursor.skipSpaces(i + 1, line.end)
            }
            if i + 2 < line.end && bytes[i] == UInt8(ascii: "-") && bytes[i + 1] == UInt8(ascii: "-")
                && bytes[i + 2] == UInt8(ascii: "-")
            {
                continue
            }
            // Find `key:` (colon followed by space or end of line), outside quotes.
            var keyEnd: Int?
            var k = i
            var quote: UInt8 = 0
            while k < line.end {
                let c = bytes[k]
                if quote != 0 {
                    if c == quote { quote = 0 }
                } else if (c == 0x22 || c == 0x27) && k == i {
                    quote = c
                } else if c == UInt8(ascii: "#") && k > i && bytes[k - 1] == 0x20 {
                    break
                } else if c == UInt8(ascii: ":") && (k + 1 == line.end || bytes[k + 1] == 0x20 || bytes[k + 1] == 0x09)
                {
                    keyEnd = k; break
                } else if c == 0x20 && (bytes[i] == UInt8(ascii: "{") || bytes[i] == UInt8(ascii: "[")) {
                    break
                }
                k += 1
            }
            var valueStart = i
            if let colon = keyEnd {
                let nameEnd = cursor.trimEnd(i, colon)
                if bytes[i] == 0x22 || bytes[i] == 0x27 {
                    LineLexing.value(bytes, i, nameEnd, hashComments: false, into: &tokens, values: &values)
                } else {
                    tokens.append(Token(kind: .identifier, start: i, end: nameEnd))
                }
                tokens.append(Token(kind: .punctuation, start: colon, end: colon + 1))
                valueStart = cursor.skipSpaces(colon + 1, line.end)
            }
            guard valueStart < line.end else { continue }
            let first = bytes[valueStart]
            if first == UInt8(ascii: "|") || first == UInt8(ascii: ">") {
                blockIndent = indent
                block = nil
                continue
            }
            if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
                LineLexing.embedded(CodeLexer(.json), bytes, valueStart, line.end, into: &tokens, values: &values)
                continue
            }
            if first == UInt8(ascii: "&") || first == UInt8(ascii: "*") || first == UInt8(ascii: "!") {
                // Anchors, aliases and tags: skip the marker word.
                var w = valueStart
                while w < line.end && bytes[w] != 0x20 { w += 1 }
                valueStart = cursor.skipSpaces(w, line.end)
            }
            LineLexing.value(bytes, valueStart, line.end, hashComments: true, into: &tokens, values: &values)
        }
        flushBlock()
        return tokens
    }
}
