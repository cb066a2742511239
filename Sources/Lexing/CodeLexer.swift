import Model
import Support

/// One lexer for the code-like families, configured per family: comment markers, string
/// quotes, interpolation syntax, and (for shell and server configs) bare words as strings.
struct CodeLexer: Lexer {
    struct Dialect: Sendable {
        var lineComments: [[UInt8]]
        var blockComment: (open: [UInt8], close: [UInt8], nests: Bool)?
        /// `#` starts a comment only at the start of a word (shell: `a#b` is one word).
        var hashCommentAtWordStart = false
        var singleQuoteEscapes = true
        var backtickIsTemplate = false
        var tripleQuotes = false
        /// Python string prefixes (f, r, b, rb, fr …) before a quote.
        var pythonPrefixes = false
        /// Template holes inside double quotes: `\(`, `#{`, `${` / `$name`.
        var doubleQuoteHoles: [[UInt8]] = []
        /// Bare words (not identifiers-then-punctuation) are string values: shell arguments,
        /// nginx directive arguments. The first word of a statement stays an identifier.
        var wordsAreStrings = false
        /// Rust: `'static`, `'a` are lifetimes and loop labels, not the start of a character literal.
        var quoteLedLifetimes = false

        static let cLike = Dialect(
            lineComments: [Array("//".utf8)], blockComment: (Array("/*".utf8), Array("*/".utf8), true),
            backtickIsTemplate: true, tripleQuotes: true,
            doubleQuoteHoles: [Array("\\(".utf8), Array("${".utf8)])
        static let rust: Dialect = {
            var rust = cLike
            rust.quoteLedLifetimes = true
            return rust
        }()
        /// Go: backticks are raw strings, not templates.
        static let go = Dialect(
            lineComments: [Array("//".utf8)], blockComment: (Array("/*".utf8), Array("*/".utf8), false))
        static let python = Dialect(lineComments: [Array("#".utf8)], tripleQuotes: true, pythonPrefixes: true)
        static let ruby = Dialect(
            lineComments: [Array("#".utf8)], singleQuoteEscapes: false, backtickIsTemplate: false,
            doubleQuoteHoles: [Array("#{".utf8)])
        static let shell = Dialect(
            lineComments: [Array("#".utf8)], hashCommentAtWordStart: true, singleQuoteEscapes: false,
            doubleQuoteHoles: [Array("$".utf8)], wordsAreStrings: true)
        static let json = Dialect(
            lineComments: [Array("//".utf8)], blockComment: (Array("/*".utf8), Array("*/".utf8), false))
        static let serverConfig = Dialect(
            lineComments: [Array("#".utf8)], hashCommentAtWordStart: true,
            doubleQuoteHoles: [Array("$".utf8)], wordsAreStrings: true)
    }

    let dialect: Dialect
    /// Swift's `\(` hole (seen at a backslash) apart from the holes that start with a plain byte,
    /// and which bytes can start one: the string loop tests a table, not every hole at every byte.
    let hasInterpolationHole: Bool
    let plainHoles: [[UInt8]]
    let holeStart: [Bool]
    /// Bytes that begin a line or block comment marker.
    private let commentStart: [Bool]

    @inline(__always) private static func isPythonStringPrefix(_ b: UInt8) -> Bool {
        switch b | 0x20 {
        case UInt8(ascii: "r"), UInt8(ascii: "b"), UInt8(ascii: "u"), UInt8(ascii: "f"): return true
        default: return false
        }
    }

    init(_ dialect: Dialect) {
        self.dialect = dialect
        let interpolation: [UInt8] = [0x5C, 0x28]
        hasInterpolationHole = dialect.doubleQuoteHoles.contains(interpolation)
        plainHoles = dialect.doubleQuoteHoles.filter { $0 != interpolation }
        var starts = [Bool](repeating: false, count: 256)
        for hole in plainHoles { starts[Int(hole[0])] = true }
        starts[Int(UInt8(ascii: "$"))] = true  // `${` in template literals
        holeStart = starts
        var comments = [Bool](repeating: false, count: 256)
        for marker in dialect.lineComments + (dialect.blockComment.map { [$0.open] } ?? []) {
            comments[Int(marker[0])] = true
        }
        commentStart = comments
    }

    func tokenize(_ bytes: [UInt8], values: inout TokenValues) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 6)
        let n = bytes.count
        var i = 0
        var statementStart = true  // for wordsAreStrings: is the next word a command/directive?
        func starts(_ marker: [UInt8], at k: Int) -> Bool {
            k + marker.count <= n && bytes[k..<(k + marker.count)].elementsEqual(marker)
        }
        while i < n {
            let b = bytes[i]
            // `\` + line break continues a shell line: whitespace, not a word.
            if dialect.wordsAreStrings && b == UInt8(ascii: "\\") && i + 1 < n
                && (bytes[i + 1] == 0x0A || bytes[i + 1] == 0x0D)
            {
                i += 1
                if bytes[i] == 0x0D && i + 1 < n && bytes[i + 1] == 0x0A { i += 1 }
                i += 1
                continue
            }
            if LexerSupport.isSpace(b) {
                if b == 0x0A && dialect.wordsAreStrings {
                    // A line break ends a statement unless the line ended with `\`.
                    var k = i - 1
                    while k >= 0 && (bytes[k] == 0x20 || bytes[k] == 0x09 || bytes[k] == 0x0D) { k -= 1 }
                    if k < 0 || bytes[k] != UInt8(ascii: "\\") { statementStart = true }
                }
                i += 1
                continue
            }
            // Comments (the table test first: most bytes start no comment).
            if commentStart[Int(b)], let marker = dialect.lineComments.first(where: { starts($0, at: i) }),
                !(dialect.hashCommentAtWordStart && i > 0 && !LexerSupport.isSpace(bytes[i - 1])
                    && bytes[i - 1] != UInt8(ascii: ";"))
            {
                var end = i
                while end < n && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
                tokens.append(
                    Token(
                        kind: .comment, start: i, end: end, content: (i + marker.count)..<end))
                i = end
                continue
            }
            if commentStart[Int(b)], let block = dialect.blockComment, starts(block.open, at: i) {
                var depth = 1
                var k = i + block.open.count
                while k < n && depth > 0 {
                    if block.nests && starts(block.open, at: k) {
                        depth += 1; k += block.open.count
                    } else if starts(block.close, at: k) {
                        depth -= 1; k += block.close.count
                    } else {
                        k += 1
                    }
                }
                let contentEnd = depth == 0 ? k - block.close.count : k
                tokens.append(
                    Token(
                        kind: .comment, start: i, end: k,
                        content: (i + block.open.count)..<max(i + block.open.count, contentEnd)))
                i = k
                continue
            }
            // Strings (with Python prefixes like f"…", rb'…').
            var prefixLength = 0
            var rawString = false
            var formatString = false
            if dialect.pythonPrefixes && LexerSupport.isIdentStart(b) {
                var k = i
                while k < n && k - i < 3 && Self.isPythonStringPrefix(bytes[k]) { k += 1 }
                if k > i && k < n && (bytes[k] == 0x22 || bytes[k] == 0x27) && (k == n - 1 || true) {
                    let prefix = bytes[i..<k].map { $0 | 0x20 }
                    rawString = prefix.contains(UInt8(ascii: "r"))
                    formatString = prefix.contains(UInt8(ascii: "f"))
                    prefixLength = k - i
                }
            }
            let q = bytes[i + prefixLength < n ? i + prefixLength : i]
            if q == 0x27 && dialect.quoteLedLifetimes, let end = lifetimeEnd(bytes, quoteAt: i) {
                tokens.append(Token(kind: .identifier, start: i + 1, end: end))
                i = end
                statementStart = false
                continue
            }
            if q == 0x22 || q == 0x27 || (q == 0x60 && !dialect.wordsAreStrings) {
                let token = lexString(
                    bytes, start: i, quoteAt: i + prefixLength, raw: rawString, format: formatString, values: &values)
                tokens.append(token)
                i = token.end
                statementStart = false
                continue
            }
            // Numbers.
            if LexerSupport.isDigit(b) && !dialect.wordsAreStrings {
                var k = i + 1
                while k < n && (LexerSupport.isIdentPart(bytes[k]) || bytes[k] == UInt8(ascii: ".")) { k += 1 }
                tokens.append(Token(kind: .number, start: i, end: k))
                i = k
                continue
            }
            // Bare words: shell arguments / directive arguments.
            if dialect.wordsAreStrings && !isWordBreak(b) {
                var k = i
                var template = false
                while k < n && !isWordBreak(bytes[k]) {
                    if bytes[k] == UInt8(ascii: "\\") && k + 1 < n { k += 2; continue }
                    if bytes[k] == UInt8(ascii: "$") { template = true }
                    if bytes[k] == UInt8(ascii: "=") && statementStart && k > i
                        && bytes[i..<k].allSatisfy(LexerSupport.isIdentPart)
                    {
                        break
                    }
                    k += 1
                }
                let word = bytes[i..<k]
                if k < n && bytes[k] == UInt8(ascii: "=") && statementStart && word.allSatisfy(LexerSupport.isIdentPart)
                {
                    // `KEY=value` assignment: identifier, `=`, then the value as a word or string.
                    tokens.append(Token(kind: .identifier, start: i, end: k))
                    tokens.append(Token(kind: .punctuation, start: k, end: k + 1))
                    i = k + 1
                    if i < n && !isWordBreak(bytes[i]) && bytes[i] != 0x22 && bytes[i] != 0x27 {
                        var e = i
                        var t = false
                        while e < n && !isWordBreak(bytes[e]) { if bytes[e] == UInt8(ascii: "$") { t = true }; e += 1 }
                        tokens.append(Token(kind: .string, start: i, end: e, content: i..<e, isTemplate: t))
                        i = e
                    }
                    continue
                }
                if statementStart && word.first.map(LexerSupport.isIdentStart) == true && !template {
                    tokens.append(Token(kind: .identifier, start: i, end: k))
                    if !["export", "sudo", "exec", "env", "local", "readonly", "declare", "then", "do", "else", "time"]
                        .contains(String(decoding: word, as: UTF8.self))
                    {
                        statementStart = false
                    }
                } else {
                    tokens.append(
                        Token(
                            kind: .string, start: i, end: k, content: i..<k, isTemplate: template))
                    statementStart = false
                }
                i = k
                continue
            }
            // Identifiers.
            if LexerSupport.isIdentStart(b) || b == UInt8(ascii: "@") {
                var k = i + 1
                while k < n && LexerSupport.isIdentPart(bytes[k]) { k += 1 }
                tokens.append(Token(kind: .identifier, start: i, end: k))
                i = k
                statementStart = false
                continue
            }
            // Punctuation: a few two-byte operators, else one byte.
            var length = 1
            if i + 1 < n {
                let pair = (b, bytes[i + 1])
                switch pair {
                case (UInt8(ascii: "="), UInt8(ascii: ">")), (UInt8(ascii: ":"), UInt8(ascii: "=")),
                    (UInt8(ascii: "?"), UInt8(ascii: ".")),
                    (UInt8(ascii: ":"), UInt8(ascii: ":")), (UInt8(ascii: "-"), UInt8(ascii: ">")),
                    (UInt8(ascii: "="), UInt8(ascii: "=")),
                    (UInt8(ascii: "!"), UInt8(ascii: "=")), (UInt8(ascii: "&"), UInt8(ascii: "&")),
                    (UInt8(ascii: "|"), UInt8(ascii: "|")),
                    (UInt8(ascii: "?"), UInt8(ascii: "?")), (UInt8(ascii: "<"), UInt8(ascii: "=")),
                    (UInt8(ascii: ">"), UInt8(ascii: "=")):
                    length = 2
                default: break
                }
            }
            tokens.append(Token(kind: .punctuation, start: i, end: i + length))
            if b == UInt8(ascii: ";") || b == UInt8(ascii: "|") || b == UInt8(ascii: "&") || b == UInt8(ascii: "{")
                || b == UInt8(ascii: "}") || b == UInt8(ascii: "(")
            {
                statementStart = true
            }
            i += length
        }
        return tokens
    }

    @inline(__always) private func isWordBreak(_ b: UInt8) -> Bool {
        LexerSupport.isSpace(b) || b == UInt8(ascii: ";") || b == UInt8(ascii: "|") || b == UInt8(ascii: "&")
            || b == UInt8(ascii: "(") || b == UInt8(ascii: ")") || b == UInt8(ascii: "{") || b == UInt8(ascii: "}")
            || b == 0x22 || b == 0x27 || b == UInt8(ascii: "<") || b == UInt8(ascii: ">")
    }
}
