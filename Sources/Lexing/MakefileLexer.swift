import Model
import Support

/// Makefiles (`Makefile`, `GNUmakefile`, `*.mk`): variable assignments with any of make's
/// operators (`=`, `:=`, `::=`, `:::=`, `?=`, `!=`, `+=`, with `export`/`override`) come out as
/// identifier, `=`, value, the shape bindings read; recipe and other lines are shell.
struct MakefileLexer: Lexer {
    static func isMakefile(_ path: String) -> Bool {
        let name = Language.baseName(path).lowercased()
        return name == "makefile" || name == "gnumakefile" || name.hasSuffix(".mk")
    }

    func tokenize(_ bytes: [UInt8], values: inout TokenValues) -> [Token] {
        var tokens: [Token] = []
        var cursor = LineCursor(bytes: bytes)
        while let line = cursor.nextLine() {
            var i = cursor.skipSpaces(line.start, line.end)
            guard i < line.end else { continue }
            if bytes[i] == UInt8(ascii: "#") {
                tokens.append(LineLexing.comment(bytes, i, line.end, marker: 1))
                continue
            }
            // Recipe lines start with a tab; everything but an assignment is shell.
            guard bytes[line.start] != 0x09 else {
                LineLexing.embedded(CodeLexer(.shell), bytes, line.start, line.end, into: &tokens, values: &values)
                continue
            }
            for word in ["export ", "override "] where startsWith(bytes, i, line.end, word) {
                i = cursor.skipSpaces(i + word.utf8.count, line.end)
            }
            var k = i
            while k < line.end && (ASCII.isIdentifierByte(bytes[k]) || bytes[k] == UInt8(ascii: ".")) { k += 1 }
            let nameEnd = k
            k = cursor.skipSpaces(k, line.end)
            guard nameEnd > i, let opEnd = assignmentOperatorEnd(bytes, k, line.end) else {
                LineLexing.embedded(CodeLexer(.shell), bytes, line.start, line.end, into: &tokens, values: &values)
                continue
            }
            tokens.append(Token(kind: .identifier, start: i, end: nameEnd))
            // Only the `=` of the operator: bindings read every make assignment as `=`.
            tokens.append(Token(kind: .punctuation, start: opEnd - 1, end: opEnd))
            LineLexing.value(
                bytes, cursor.skipSpaces(opEnd, line.end), line.end, hashComments: true, into: &tokens, values: &values)
        }
        return tokens
    }

    /// The end of `=`, `:=`, `::=`, `:::=`, `?=`, `!=` or `+=` starting at `k`, if one is there.
    private func assignmentOperatorEnd(_ bytes: [UInt8], _ k: Int, _ end: Int) -> Int? {
        var j = k
        while j < end && j - k < 3 && bytes[j] == UInt8(ascii: ":") { j += 1 }
        if j == k && j < end
            && (bytes[j] == UInt8(ascii: "?") || bytes[j] == UInt8(ascii: "!") || bytes[j] == UInt8(ascii: "+"))
        {
            j += 1
        }
        guard j < end, bytes[j] == UInt8(ascii: "=") else { return nil }
        // `a == b` in a conditional is not an assignment.
        if j + 1 < end && bytes[j + 1] == UInt8(ascii: "=") { return nil }
        return j + 1
    }

    private func startsWith(_ bytes: [UInt8], _ i: Int, _ end: Int, _ word: String) -> Bool {
        let w = Array(word.utf8)
        return end - i >= w.count && bytes[i..<(i + w.count)].elementsEqual(w)
    }
}
