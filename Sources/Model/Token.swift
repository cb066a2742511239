import Support

/// What a lexer produces. Every language family maps onto these few kinds, so rules and fact
/// extraction stay language-neutral.
public enum TokenKind: UInt8, Sendable {
    /// Names: identifiers, keywords, YAML/INI/.env keys, shell words that are not quoted,
    /// nginx directives, XML tag and attribute names, HTTP header names in `.http` files.
    case identifier
    /// Any literal text value: quoted strings, YAML plain scalars, `.env`/INI values, quoted and
    /// unquoted shell arguments, XML attribute values and text, header values in `.http` files.
    case string
    case number
    case comment
    /// Operators and brackets. Brackets `( ) [ ] { }` carry `pairIndex`.
    case punctuation
}

public struct Token: Sendable, Equatable {
    public var kind: TokenKind
    /// Strings: the opening quote byte (`'`, `"`, `` ` ``), or 0 when unquoted (YAML plain scalar,
    /// shell word, `.env` value, heredoc body).
    public var quote: UInt8
    /// Strings with interpolation holes (`${}`, f-strings, `\(...)`, `#{}`, `$VAR` in shell).
    public var isTemplate: Bool
    // Offsets are stored as Int32 (lexed files are at most `maxLexBytes`): a token is 40 bytes
    // instead of 64, and tokens are most of a scan's memory (~30 bytes per byte of dense code).
    private var start32: Int32
    private var end32: Int32
    private var pairIndex32: Int32
    private var contentStart32: Int32
    /// Strings: the decoded content (escapes resolved, quotes removed; for templates the raw
    /// text between the quotes with holes kept as written, e.g. `Basic ${token}`).
    /// Comments: the comment text without markers. Identifiers and punctuation: nil (use the bytes).
    public var value: String?

    /// Byte range in the file, including quotes or comment markers.
    public var start: Int {
        get { Int(start32) }
        set { start32 = Int32(truncatingIfNeeded: newValue) }
    }
    public var end: Int {
        get { Int(end32) }
        set { end32 = Int32(truncatingIfNeeded: newValue) }
    }
    /// Brackets: index of the matching bracket token in the same token array, or -1 when unmatched.
    public var pairIndex: Int {
        get { Int(pairIndex32) }
        set { pairIndex32 = Int32(truncatingIfNeeded: newValue) }
    }
    /// Byte offset where the decoded content begins (after the opening quote), for precise
    /// locations inside strings. Equals `start` for unquoted tokens.
    public var contentStart: Int {
        get { Int(contentStart32) }
        set { contentStart32 = Int32(truncatingIfNeeded: newValue) }
    }

    public init(
        kind: TokenKind, start: Int, end: Int, value: String? = nil, quote: UInt8 = 0,
        isTemplate: Bool = false, pairIndex: Int = -1, contentStart: Int? = nil
    ) {
        self.kind = kind
        self.start32 = Int32(truncatingIfNeeded: start)
        self.end32 = Int32(truncatingIfNeeded: end)
        self.value = value
        self.quote = quote
        self.isTemplate = isTemplate
        self.pairIndex32 = Int32(truncatingIfNeeded: pairIndex)
        self.contentStart32 = Int32(truncatingIfNeeded: contentStart ?? start)
    }
}

/// One lexer per language family. Lexers never throw: bad input (unterminated strings or
/// comments, stray bytes, invalid UTF-8) still yields tokens up to the end of the file.
public protocol Lexer: Sendable {
    func tokenize(_ bytes: [UInt8]) -> [Token]
}
