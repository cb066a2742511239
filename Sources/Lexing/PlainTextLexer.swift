import Model
import Support

/// Unknown text: words as strings, with `=` / `:` split out so `KEY=value` still binds.
/// A command line pasted into notes (`curl …`, `$ curl …`, `sh-5.0$ curl …`, `# curl …` and
/// its `\`-continued lines) is lexed as shell, so its headers and `-u` pair are read as a
/// script's would be: a command in a text file leaks the same credential.
struct PlainTextLexer: Lexer {
    /// Programs whose command lines are lexed as shell in plain text (HTTPie's `http` is left
    /// out: "http is …" starts too many prose lines).
    static let commandPrograms: Set<String> = ["curl", "wget"]

    func tokenize(_ bytes: [UInt8], values: inout TokenValues) -> [Token] {
        var tokens: [Token] = []
        var cursor = LineCursor(bytes: bytes)
        while let line = cursor.nextLine() {
            if let command = Self.commandStart(bytes, line.start, line.end) {
                var blanked = Array(bytes[line.start..<line.end])
                for k in line.start..<command { blanked[k - line.start] = 0x20 }
                // The continuation lines: after a `\`, or led by an option (`-H …`) when the
                // `\` was left out. Prompt and comment markers are blanked, offsets kept.
                var previousStart = line.start, previousEnd = line.end
                while cursor.lineStart < bytes.count {
                    let saved = cursor
                    guard let next = cursor.nextLine() else { break }
                    let continued = Self.endsWithBackslash(bytes, previousStart, previousEnd)
                    let body = Self.skipMarkers(bytes, next.start, next.end)
                    guard continued || Self.startsWithOption(bytes, body, next.end) else {
                        cursor = saved
                        break
                    }
                    blanked.append(contentsOf: bytes[previousEnd..<next.start])
                    blanked.append(contentsOf: [UInt8](repeating: 0x20, count: body - next.start))
                    blanked.append(contentsOf: bytes[body..<next.end])
                    previousStart = next.start
                    previousEnd = next.end
                }
                for token in CodeLexer(.shell).tokenize(blanked, values: &values) {
                    tokens.append(Self.inPlace(token, lexedIn: blanked, at: line.start, of: bytes, values: &values))
                }
                continue
            }
            wordTokens(bytes, line.start, line.end, into: &tokens)
        }
        return tokens
    }

    /// A token lexed in `lexed` (the command's lines with their continuation prefixes blanked)
    /// moved to `offset` in the file. A value read from bytes that were blanked keeps the
    /// blanked text, as a decoded value, since the file's bytes there differ.
    private static func inPlace(
        _ token: Token, lexedIn lexed: [UInt8], at offset: Int, of bytes: [UInt8], values: inout TokenValues
    ) -> Token {
        let moved = token.shifted(by: offset)
        guard token.valueSource == .bytes,
            !lexed[token.contentStart..<token.contentEnd].elementsEqual(bytes[moved.contentStart..<moved.contentEnd])
        else { return moved }
        let blankedText = String(decoding: lexed[token.contentStart..<token.contentEnd], as: UTF8.self)
        return moved.withDecodedValue(blankedText, in: &values)
    }

    private func wordTokens(_ bytes: [UInt8], _ start: Int, _ end: Int, into tokens: inout [Token]) {
        let cursor = LineCursor(bytes: bytes)
        var i = cursor.skipSpaces(start, end)
        while i < end {
            var e = i
            while e < end && bytes[e] != 0x20 && bytes[e] != 0x09 && bytes[e] != UInt8(ascii: "=") { e += 1 }
            var wordEnd = e
            if wordEnd > i && bytes[wordEnd - 1] == UInt8(ascii: ":") && (e == end || bytes[e] != UInt8(ascii: "=")) {
                wordEnd -= 1
            }
            if wordEnd > i {
                let isName = (e < end && bytes[e] == UInt8(ascii: "=")) || wordEnd < e
                tokens.append(
                    isName
                        ? Token(kind: .identifier, start: i, end: wordEnd)
                        : Token(kind: .string, start: i, end: wordEnd, content: i..<wordEnd))
            }
            if wordEnd < e { tokens.append(Token(kind: .punctuation, start: wordEnd, end: e)) }
            if e < end && bytes[e] == UInt8(ascii: "=") {
                tokens.append(Token(kind: .punctuation, start: e, end: e + 1)); e += 1
            }
            i = cursor.skipSpaces(e, end)
        }
    }

    /// Where the program word starts when the line is a command line: after blanks, comment
    /// markers (`#`, `//`) and a shell prompt (`$ `, `% `, `> `, `sh-5.0$ `, `user@host:~$ `).
    static func commandStart(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int? {
        var i = skipMarkers(bytes, start, end)
        if let afterPrompt = promptEnd(bytes, i, end) { i = afterPrompt }
        var e = i
        while e < end && ASCII.isIdentifierByte(bytes[e]) { e += 1 }
        guard e > i, e < end, bytes[e] == 0x20 || bytes[e] == 0x09,
            commandPrograms.contains(String(decoding: bytes[i..<e], as: UTF8.self))
        else { return nil }
        return i
    }

    /// Past blanks and line-comment markers (`#`, `//`) and the blanks after them.
    static func skipMarkers(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int {
        var i = start
        while i < end && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
        if i < end && bytes[i] == UInt8(ascii: "#") {
            while i < end && bytes[i] == UInt8(ascii: "#") { i += 1 }
        } else if i + 1 < end && bytes[i] == UInt8(ascii: "/") && bytes[i + 1] == UInt8(ascii: "/") {
            i += 2
        }
        while i < end && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
        return i
    }

    /// The end of a shell prompt at `i` (one word ending in `$`, `%`, `>` or `#`, then a blank),
    /// or nil. The word has no quotes or `=`, so `a=$ b` is not taken for a prompt.
    private static func promptEnd(_ bytes: [UInt8], _ i: Int, _ end: Int) -> Int? {
        var e = i
        while e < end && bytes[e] != 0x20 && bytes[e] != 0x09 {
            if bytes[e] == 0x22 || bytes[e] == 0x27 || bytes[e] == UInt8(ascii: "=") { return nil }
            e += 1
        }
        guard e > i, e < end, e - i <= 64, "$%>#".utf8.contains(bytes[e - 1]) else { return nil }
        var k = e
        while k < end && (bytes[k] == 0x20 || bytes[k] == 0x09) { k += 1 }
        return k
    }

    /// `-H`, `--user`: a dash and a letter or digit (`--` then one), not a `- ` list bullet.
    static func startsWithOption(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        guard start + 1 < end, bytes[start] == UInt8(ascii: "-") else { return false }
        let nameAt = bytes[start + 1] == UInt8(ascii: "-") ? start + 2 : start + 1
        return nameAt < end && ASCII.isAlphanumeric(bytes[nameAt])
    }

    private static func endsWithBackslash(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        var k = end
        while k > start && (bytes[k - 1] == 0x20 || bytes[k - 1] == 0x09 || bytes[k - 1] == 0x0D) { k -= 1 }
        return k > start && bytes[k - 1] == UInt8(ascii: "\\")
    }
}
