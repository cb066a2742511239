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

/// A token is plain data (no String, no reference): copying one is a memberwise copy and an
/// array of tokens is trivially copyable. A string's or comment's value is read through the
/// file's `TokenList` (`tokens.value(of: token)`, `facts.value(of: token)`).
public struct Token: Sendable, Equatable {
    public var kind: TokenKind
    /// Strings: the opening quote byte (`'`, `"`, `` ` ``), or 0 when unquoted (YAML plain scalar,
    /// shell word, `.env` value, heredoc body).
    public var quote: UInt8
    /// Strings with interpolation holes (`${}`, f-strings, `\(...)`, `#{}`, `$VAR` in shell).
    public var isTemplate: Bool
    // Offsets are stored as Int32 (lexed files are at most `maxLexBytes`): tokens are most of a
    // scan's memory (~30 bytes per byte of dense code).
    private var start32: Int32
    private var end32: Int32
    private var pairIndex32: Int32
    private var contentStart32: Int32
    private var contentEnd32: Int32
    private var valueSlot32: Int32

    /// Where a string's or comment's value is. Strings: the decoded content (escapes resolved,
    /// quotes removed; for templates the raw text between the quotes with holes kept as written,
    /// e.g. `Basic ${token}`). Comments: the comment text without markers.
    public enum ValueSource: Equatable, Sendable {
        /// Identifiers, numbers, punctuation (read their bytes).
        case none
        /// The value is the bytes `contentStart..<contentEnd` (nothing to decode: the common case).
        case bytes
        /// The value differs from the bytes (escapes, entities): entry `index` of the file's
        /// decoded values (`TokenValues`).
        case decoded(index: Int)
    }

    private static let noValue: Int32 = -1
    private static let valueIsBytes: Int32 = -2

    public var valueSource: ValueSource {
        switch valueSlot32 {
        case Self.noValue: return .none
        case Self.valueIsBytes: return .bytes
        default: return .decoded(index: Int(valueSlot32))
        }
    }

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
    /// End of the content bytes (before a closing quote or comment marker); for a `.bytes` value,
    /// the value is `contentStart..<contentEnd`.
    public var contentEnd: Int {
        get { Int(contentEnd32) }
        set { contentEnd32 = Int32(truncatingIfNeeded: newValue) }
    }

    /// A token without a value (identifier, number, punctuation).
    public init(kind: TokenKind, start: Int, end: Int) {
        self.init(kind: kind, start: start, end: end, content: start..<start, slot: Self.noValue)
    }

    /// A string or comment whose value is the bytes of `content`.
    public init(kind: TokenKind, start: Int, end: Int, content: Range<Int>, quote: UInt8 = 0, isTemplate: Bool = false)
    {
        self.init(
            kind: kind, start: start, end: end, content: content, slot: Self.valueIsBytes, quote: quote,
            isTemplate: isTemplate)
    }

    /// A string whose value was decoded into `values` (it differs from the bytes of `content`).
    public init(
        kind: TokenKind, start: Int, end: Int, content: Range<Int>, decoded: String, in values: inout TokenValues,
        quote: UInt8 = 0, isTemplate: Bool = false
    ) {
        let slot = Int32(truncatingIfNeeded: values.append(decoded))
        self.init(
            kind: kind, start: start, end: end, content: content, slot: slot, quote: quote, isTemplate: isTemplate)
    }

    private init(
        kind: TokenKind, start: Int, end: Int, content: Range<Int>, slot: Int32, quote: UInt8 = 0,
        isTemplate: Bool = false
    ) {
        self.kind = kind
        self.start32 = Int32(truncatingIfNeeded: start)
        self.end32 = Int32(truncatingIfNeeded: end)
        self.quote = quote
        self.isTemplate = isTemplate
        self.pairIndex32 = -1
        self.contentStart32 = Int32(truncatingIfNeeded: content.lowerBound)
        self.contentEnd32 = Int32(truncatingIfNeeded: content.upperBound)
        self.valueSlot32 = slot
    }

    /// This token with `value` stored in `values` as its decoded value.
    public func withDecodedValue(_ value: String, in values: inout TokenValues) -> Token {
        var token = self
        token.valueSlot32 = Int32(truncatingIfNeeded: values.append(value))
        return token
    }

    /// The same token `offset` bytes further on (a fenced block lexed on its own and shifted into
    /// place); its brackets are matched again.
    public func shifted(by offset: Int) -> Token {
        var token = self
        token.start += offset
        token.end += offset
        token.contentStart += offset
        token.contentEnd += offset
        token.pairIndex = -1
        return token
    }
}

/// The values of one file's tokens that differ from their bytes (escapes, entities), in the
/// order lexed. Most strings have none, so most files keep this empty.
public struct TokenValues: Sendable {
    public private(set) var decoded: [String] = []

    public init() {}

    /// Stores `value`; returns its index.
    public mutating func append(_ value: String) -> Int {
        decoded.append(value)
        return decoded.count - 1
    }
}

/// A file's tokens with what their values are read from: the file's bytes and the decoded values.
public struct TokenList: Sendable, RandomAccessCollection {
    public let bytes: [UInt8]
    public var tokens: [Token]
    public let values: TokenValues

    public init(bytes: [UInt8], tokens: [Token], values: TokenValues = TokenValues()) {
        self.bytes = bytes
        self.tokens = tokens
        self.values = values
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { tokens.count }
    public subscript(index: Int) -> Token { tokens[index] }

    /// A string's decoded value or a comment's text, made into a String now; nil for other tokens.
    public func value(of token: Token) -> String? {
        switch token.valueSource {
        case .none: return nil
        case .bytes: return String(decoding: bytes[token.contentStart..<token.contentEnd], as: UTF8.self)
        case .decoded(let index): return values.decoded[index]
        }
    }
}

/// One lexer per language family. Lexers never throw: bad input (unterminated strings or
/// comments, stray bytes, invalid UTF-8) still yields tokens up to the end of the file.
public protocol Lexer: Sendable {
    /// The tokens of `bytes`; a value that differs from its bytes goes into `values`.
    func tokenize(_ bytes: [UInt8], values: inout TokenValues) -> [Token]
}
