/// Lexers for line-oriented formats. They share `LineCursor` and `valueToken`, so a YAML
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
            tokens.append(Token(kind: .string, start: start, end: min(end, k + 1), value: decoded, quote: q,
                                isTemplate: decoded.contains("${") || decoded.contains("{{"), contentStart: start + 1))
            var rest = min(end, k + 1)
            while rest < end && (bytes[rest] == 0x20 || bytes[rest] == 0x09) { rest += 1 }
            if rest < end && bytes[rest] == UInt8(ascii: "#") {
                tokens.append(Token(kind: .comment, start: rest, end: end, value: String(decoding: bytes[(rest + 1)..<end], as: UTF8.self), contentStart: rest + 1))
            }
            return
        }
        var valueEnd = end
        var commentAt: Int?
        if hashComments {
            var k = start
            while k < end {
                if bytes[k] == UInt8(ascii: "#") && (k == start || bytes[k - 1] == 0x20 || bytes[k - 1] == 0x09) { commentAt = k; valueEnd = k; break }
                k += 1
            }
        }
        while valueEnd > start && (bytes[valueEnd - 1] == 0x20 || bytes[valueEnd - 1] == 0x09) { valueEnd -= 1 }
        if valueEnd > start {
            let text = String(decoding: bytes[start..<valueEnd], as: UTF8.self)
            tokens.append(Token(kind: .string, start: start, end: valueEnd, value: text, quote: 0,
                                isTemplate: text.contains("${") || text.contains("{{")))
        }
        if let c = commentAt {
            tokens.append(Token(kind: .comment, start: c, end: end, value: String(decoding: bytes[(c + 1)..<end], as: UTF8.self), contentStart: c + 1))
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
        Token(kind: .comment, start: start, end: end, value: String(decoding: bytes[min(end, start + marker)..<end], as: UTF8.self),
              contentStart: min(end, start + marker))
    }
}

/// YAML: `key: value`, `- key: value`, quoted keys and values, block scalars, comments.
struct YAMLLexer: Lexer {
    func tokenize(_ bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        var cursor = LineCursor(bytes: bytes)
        var blockIndent: Int?  // inside a `|` / `>` block scalar deeper than this indent
        var block: (start: Int, end: Int)?
        func flushBlock() {
            if let b = block {
                tokens.append(Token(kind: .string, start: b.start, end: b.end, value: String(decoding: bytes[b.start..<b.end], as: UTF8.self)))
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
            if bytes[i] == UInt8(ascii: "#") { tokens.append(LineLexing.comment(bytes, i, line.end, marker: 1)); continue }
            if bytes[i] == UInt8(ascii: "-") && (i + 1 == line.end || bytes[i + 1] == 0x20) {
                if i + 2 < line.end && bytes[i + 1] == UInt8(ascii: "-") { continue }
                i = cursor.skipSpaces(i + 1, line.end)
            }
            if i + 2 < line.end && bytes[i] == UInt8(ascii: "-") && bytes[i + 1] == UInt8(ascii: "-") && bytes[i + 2] == UInt8(ascii: "-") { continue }
            // Find `key:` (colon followed by space or end of line), outside quotes.
            var keyEnd: Int?
            var k = i
            var quote: UInt8 = 0
            while k < line.end {
                let c = bytes[k]
                if quote != 0 { if c == quote { quote = 0 } } else if (c == 0x22 || c == 0x27) && k == i { quote = c } else if c == UInt8(ascii: "#") && k > i && bytes[k - 1] == 0x20 { break } else if c == UInt8(ascii: ":") && (k + 1 == line.end || bytes[k + 1] == 0x20 || bytes[k + 1] == 0x09) { keyEnd = k; break } else if c == 0x20 && (bytes[i] == UInt8(ascii: "{") || bytes[i] == UInt8(ascii: "[")) { break }
                k += 1
            }
            var valueStart = i
            if let colon = keyEnd {
                let nameEnd = cursor.trimEnd(i, colon)
                if bytes[i] == 0x22 || bytes[i] == 0x27 {
                    LineLexing.value(bytes, i, nameEnd, hashComments: false, into: &tokens)
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
                LineLexing.embedded(CodeLexer(.json), bytes, valueStart, line.end, into: &tokens)
                continue
            }
            if first == UInt8(ascii: "&") || first == UInt8(ascii: "*") || first == UInt8(ascii: "!") {
                // Anchors, aliases and tags: skip the marker word.
                var w = valueStart
                while w < line.end && bytes[w] != 0x20 { w += 1 }
                valueStart = cursor.skipSpaces(w, line.end)
            }
            LineLexing.value(bytes, valueStart, line.end, hashComments: true, into: &tokens)
        }
        flushBlock()
        return tokens
    }
}

/// `.env`, INI, TOML, `.properties`, `.npmrc`: `[section]`, `key = value`, `KEY=value`,
/// `export KEY=value`, `key: value`; `#` and `;` comments at line start.
struct KeyValueLexer: Lexer {
    func tokenize(_ bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        var cursor = LineCursor(bytes: bytes)
        while let line = cursor.nextLine() {
            var i = cursor.skipSpaces(line.start, line.end)
            guard i < line.end else { continue }
            let b = bytes[i]
            if b == UInt8(ascii: "#") || b == UInt8(ascii: ";") || b == UInt8(ascii: "!") {
                tokens.append(LineLexing.comment(bytes, i, line.end, marker: 1))
                continue
            }
            if b == UInt8(ascii: "[") {
                LineLexing.embedded(CodeLexer(.json), bytes, i, line.end, into: &tokens)
                continue
            }
            if line.end - i > 7 && bytes[i..<(i + 7)].elementsEqual("export ".utf8) { i = cursor.skipSpaces(i + 7, line.end) }
            var k = i
            while k < line.end && bytes[k] != UInt8(ascii: "=") && bytes[k] != UInt8(ascii: ":") { k += 1 }
            guard k < line.end, k > i else {
                LineLexing.value(bytes, i, line.end, hashComments: true, into: &tokens)
                continue
            }
            let nameEnd = cursor.trimEnd(i, k)
            if bytes[i] == 0x22 || bytes[i] == 0x27 {
                LineLexing.value(bytes, i, nameEnd, hashComments: false, into: &tokens)
            } else {
                tokens.append(Token(kind: .identifier, start: i, end: nameEnd))
            }
            tokens.append(Token(kind: .punctuation, start: k, end: k + 1))
            let valueStart = cursor.skipSpaces(k + 1, line.end)
            if valueStart < line.end && (bytes[valueStart] == UInt8(ascii: "[") || bytes[valueStart] == UInt8(ascii: "{")) {
                LineLexing.embedded(CodeLexer(.json), bytes, valueStart, line.end, into: &tokens)
            } else {
                LineLexing.value(bytes, valueStart, line.end, hashComments: true, into: &tokens)
            }
        }
        return tokens
    }
}

/// Dockerfile: instructions as identifiers; `ENV`/`ARG`/`LABEL` pairs as bindings; `RUN` and
/// the rest lexed as shell (with `\` continuations).
struct DockerfileLexer: Lexer {
    func tokenize(_ bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        var cursor = LineCursor(bytes: bytes)
        while let line = cursor.nextLine() {
            let i = cursor.skipSpaces(line.start, line.end)
            guard i < line.end else { continue }
            if bytes[i] == UInt8(ascii: "#") { tokens.append(LineLexing.comment(bytes, i, line.end, marker: 1)); continue }
            // Join `\`-continued lines into one instruction.
            var end = line.end
            while end > i && bytes[cursor.trimEnd(i, end) - 1] == UInt8(ascii: "\\"), let more = cursor.nextLine() { end = more.end }
            var w = i
            while w < end && LexerSupport.isIdentPart(bytes[w]) { w += 1 }
            let instruction = String(decoding: bytes[i..<w], as: UTF8.self).uppercased()
            tokens.append(Token(kind: .identifier, start: i, end: w))
            let rest = cursor.skipSpaces(w, end)
            if instruction == "ENV" || instruction == "ARG" || instruction == "LABEL" {
                let text = bytes[rest..<end]
                if !text.contains(UInt8(ascii: "=")), let space = text.firstIndex(of: 0x20) {
                    // `ENV KEY value` form.
                    tokens.append(Token(kind: .identifier, start: rest, end: space))
                    tokens.append(Token(kind: .punctuation, start: space, end: space))
                    LineLexing.value(bytes, cursor.skipSpaces(space, end), end, hashComments: false, into: &tokens)
                    continue
                }
            }
            // Shell words; `KEY=value` pairs become identifier, `=`, string.
            LineLexing.embedded(CodeLexer(.shell), bytes, rest, end, into: &tokens)
        }
        return tokens
    }
}

/// `.http` / `.rest` request files: request lines, `Name: value` headers, bodies, `###`.
struct HTTPFileLexer: Lexer {
    static let methods: Set<String> = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "CONNECT"]

    func tokenize(_ bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        var cursor = LineCursor(bytes: bytes)
        var inBody = false
        var sawRequest = false
        while let line = cursor.nextLine() {
            let i = cursor.skipSpaces(line.start, line.end)
            if i == line.end { if sawRequest { inBody = true }; continue }
            if bytes[i] == UInt8(ascii: "#") || (i + 1 < line.end && bytes[i] == UInt8(ascii: "/") && bytes[i + 1] == UInt8(ascii: "/")) {
                let isSeparator = line.end - i >= 3 && bytes[i..<(i + 3)].elementsEqual("###".utf8)
                if isSeparator { inBody = false; sawRequest = false }
                tokens.append(LineLexing.comment(bytes, i, line.end, marker: bytes[i] == UInt8(ascii: "#") ? 1 : 2))
                continue
            }
            if inBody {
                LineLexing.embedded(CodeLexer(.json), bytes, i, line.end, into: &tokens)
                continue
            }
            var w = i
            while w < line.end && bytes[w] != 0x20 && bytes[w] != UInt8(ascii: ":") { w += 1 }
            let word = String(decoding: bytes[i..<w], as: UTF8.self)
            if bytes[i] == UInt8(ascii: "@") {
                LineLexing.embedded(KeyValueLexer(), bytes, i + 1, line.end, into: &tokens)
            } else if Self.methods.contains(word) || (!sawRequest && word.hasPrefix("http")) {
                tokens.append(Token(kind: .identifier, start: i, end: w))
                var k = cursor.skipSpaces(w, line.end)
                while k < line.end {
                    var e = k
                    while e < line.end && bytes[e] != 0x20 { e += 1 }
                    tokens.append(Token(kind: .string, start: k, end: e, value: String(decoding: bytes[k..<e], as: UTF8.self)))
                    k = cursor.skipSpaces(e, line.end)
                }
                sawRequest = true
            } else if w < line.end && bytes[w] == UInt8(ascii: ":") {
                tokens.append(Token(kind: .identifier, start: i, end: w))
                tokens.append(Token(kind: .punctuation, start: w, end: w + 1))
                LineLexing.value(bytes, cursor.skipSpaces(w + 1, line.end), line.end, hashComments: false, into: &tokens)
            } else {
                LineLexing.value(bytes, i, line.end, hashComments: false, into: &tokens)
            }
        }
        return tokens
    }
}

/// Markdown: fenced code blocks lexed as their language; prose as comment tokens, one per line.
struct MarkdownLexer: Lexer {
    static let fenceLanguages: [String: Language] = [
        "js": .cLike, "javascript": .cLike, "ts": .cLike, "typescript": .cLike, "swift": .cLike, "go": .cLike, "java": .cLike,
        "kotlin": .cLike, "csharp": .cLike, "cs": .cLike, "php": .cLike, "rust": .cLike, "c": .cLike, "cpp": .cLike, "jsx": .cLike, "tsx": .cLike,
        "python": .python, "py": .python, "ruby": .ruby, "rb": .ruby, "bash": .shell, "sh": .shell, "shell": .shell, "console": .shell,
        "zsh": .shell, "curl": .shell, "yaml": .yaml, "yml": .yaml, "json": .json, "jsonc": .json, "http": .http, "ini": .keyValue,
        "toml": .keyValue, "env": .keyValue, "dotenv": .keyValue, "properties": .keyValue, "dockerfile": .dockerfile, "docker": .dockerfile,
        "xml": .xml, "html": .xml, "nginx": .serverConfig, "apache": .serverConfig,
    ]

    func tokenize(_ bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        var cursor = LineCursor(bytes: bytes)
        while let line = cursor.nextLine() {
            let i = cursor.skipSpaces(line.start, line.end)
            guard i < line.end else { continue }
            let fenceByte = bytes[i]
            if (fenceByte == UInt8(ascii: "`") || fenceByte == UInt8(ascii: "~")) && line.end - i >= 3
                && bytes[i + 1] == fenceByte && bytes[i + 2] == fenceByte {
                let info = String(decoding: bytes[(i + 3)..<line.end], as: UTF8.self).trimmingCharacters(in: .whitespaces).lowercased()
                let language = Self.fenceLanguages[String(info.prefix { $0 != " " && $0 != "{" })] ?? .plainText
                let bodyStart = line.next
                var bodyEnd = bytes.count
                while let inner = cursor.nextLine() {
                    let j = cursor.skipSpaces(inner.start, inner.end)
                    if inner.end - j >= 3 && bytes[j] == fenceByte && bytes[j + 1] == fenceByte && bytes[j + 2] == fenceByte {
                        bodyEnd = inner.start
                        break
                    }
                }
                LineLexing.embedded(LexerRegistry.lexer(for: language), bytes, bodyStart, bodyEnd, into: &tokens)
                continue
            }
            tokens.append(LineLexing.comment(bytes, i, line.end, marker: 0))
        }
        return tokens
    }
}

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
                if wordEnd > i && bytes[wordEnd - 1] == UInt8(ascii: ":") && (e == line.end || bytes[e] != UInt8(ascii: "=")) { wordEnd -= 1 }
                if wordEnd > i {
                    let isName = (e < line.end && bytes[e] == UInt8(ascii: "=")) || wordEnd < e
                    tokens.append(Token(kind: isName ? .identifier : .string, start: i, end: wordEnd,
                                        value: isName ? nil : String(decoding: bytes[i..<wordEnd], as: UTF8.self)))
                }
                if wordEnd < e { tokens.append(Token(kind: .punctuation, start: wordEnd, end: e)) }
                if e < line.end && bytes[e] == UInt8(ascii: "=") { tokens.append(Token(kind: .punctuation, start: e, end: e + 1)); e += 1 }
                i = cursor.skipSpaces(e, line.end)
            }
        }
        return tokens
    }
}
