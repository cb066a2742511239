import Lexing
import Model
import Support

/// Names one fact and the type of its value, so a fact is stored and read back under one key
/// with one type (no string keys, no casts at the call sites). Declare one as a `static let`.
public final class FactKey<Value>: Sendable {
    public let name: String
    public init(_ name: String) { self.name = name }
}

/// Language-neutral answers to the questions most rules ask, computed once per file from its
/// tokens on first use. Rule families add their own facts in their own files through `memo`
/// and a `FactKey`, so a new fact does not touch this one.
public final class FileFacts: @unchecked Sendable {
    public let file: SourceFile
    public let tokens: [Token]
    /// The tokens with what their values are read from (`value(of:)`).
    public let tokenList: TokenList
    /// Which hosts the scan allows and which are the APIs it guards (from the settings).
    public let hosts: HostPolicy
    private var memos: [ObjectIdentifier: Any] = [:]
    /// Strings made while finding facts, read through `FactText.stored`.
    var storedTexts: [String] = []
    /// Reused by `bindings` to spell a dotted path as bytes.
    var pathScratch: [UInt8] = []

    package init(file: SourceFile, tokens: TokenList, hosts: HostPolicy = HostPolicy()) {
        self.file = file
        self.tokens = tokens.tokens
        self.tokenList = tokens
        self.hosts = hosts
    }

    /// Computes a fact once per file. A file is checked by one thread, so no lock is needed.
    public func memo<Value>(_ key: FactKey<Value>, _ make: () -> Value) -> Value {
        // The key's type parameter fixes the stored value's type, so the cast cannot fail.
        if let cached = memos[ObjectIdentifier(key)] { return cached as! Value }
        let value = make()
        memos[ObjectIdentifier(key)] = value
        return value
    }

    /// The source text of token `index` (identifiers, punctuation; strings use `value`).
    public func text(_ index: Int) -> String { file.text(tokens[index].start..<tokens[index].end) }

    /// Decoded value of a string token, or the source text of any other token.
    public func value(_ index: Int) -> String {
        let token = tokens[index]
        return token.kind == .string || token.kind == .comment ? (value(of: token) ?? text(index)) : text(index)
    }

    /// A string's decoded value or a comment's text; nil for identifiers, numbers, punctuation.
    public func value(of token: Token) -> String? { tokenList.value(of: token) }

    /// True when token `index` is punctuation spelled exactly `symbol`. A `StaticString` and
    /// always inlined: fact extraction asks this millions of times per scan, and with the
    /// symbol's bytes known at compile time it is a length test and a byte compare or two.
    @inline(__always)
    public func isPunct(_ index: Int, _ symbol: StaticString) -> Bool {
        guard index >= 0 && index < tokens.count, tokens[index].kind == .punctuation else { return false }
        let start = tokens[index].start
        let length = symbol.utf8CodeUnitCount
        guard tokens[index].end - start == length else { return false }
        let expected = symbol.utf8Start
        for k in 0..<length where file.bytes[start + k] != expected[k] { return false }
        return true
    }

    /// Next / previous token index skipping comments, or nil at the ends.
    public func next(_ index: Int) -> Int? {
        var i = index + 1
        while i < tokens.count && tokens[i].kind == .comment { i += 1 }
        return i < tokens.count ? i : nil
    }

    public func previous(_ index: Int) -> Int? {
        var i = index - 1
        while i >= 0 && tokens[i].kind == .comment { i -= 1 }
        return i >= 0 ? i : nil
    }
}
