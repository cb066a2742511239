/// Language-neutral answers to the questions most rules ask, computed once per file from its
/// tokens on first use (see DESIGN.md "Facts"). Rule families add their own facts in their own
/// files through `memo`, so a new fact does not touch this one.
public final class FileFacts: @unchecked Sendable {
    public let file: SourceFile
    public let tokens: [Token]
    private var memos: [String: Any] = [:]

    init(file: SourceFile, tokens: [Token]) {
        self.file = file
        self.tokens = tokens
    }

    /// Computes a fact once per file. A file is checked by one thread, so no lock is needed.
    public func memo<T>(_ key: String, _ make: () -> T) -> T {
        if let cached = memos[key] as? T { return cached }
        let value = make()
        memos[key] = value
        return value
    }

    /// The source text of token `index` (identifiers, punctuation; strings use `value`).
    public func text(_ index: Int) -> String { file.text(tokens[index].start..<tokens[index].end) }

    /// Decoded value of a string token, or the source text of any other token.
    public func value(_ index: Int) -> String {
        let token = tokens[index]
        return token.kind == .string || token.kind == .comment ? (token.value ?? text(index)) : text(index)
    }

    /// True when token `index` is punctuation spelled exactly `symbol`.
    public func isPunct(_ index: Int, _ symbol: String) -> Bool {
        guard index >= 0 && index < tokens.count, tokens[index].kind == .punctuation else { return false }
        let start = tokens[index].start
        guard tokens[index].end - start == symbol.utf8.count else { return false }
        // A plain loop: zip over a slice and a UTF-8 view cost 5% of a scan in iterator retains.
        var offset = start
        for byte in symbol.utf8 {
            guard file.bytes[offset] == byte else { return false }
            offset += 1
        }
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
