import Lexing
import Model
import Support

/// A call `a.b.c(x, y)`: the callee path, the receiver, and argument token ranges.
public struct Call: Sendable {
    /// Dotted callee path as written, e.g. `console.log`, `logger.info`, `req.Header.Set`.
    public var callee: String
    /// Last segment of the callee (`log`, `info`, `Set`).
    public var name: String
    /// Token index where the callee path begins and of the `(`.
    public var calleeStart: Int
    public var openParen: Int
    /// Token index of the matching `)`, or the last token when unmatched.
    public var closeParen: Int
    /// Arguments split on top-level commas: half-open token index ranges.
    public var arguments: [Range<Int>]
    /// The tokens between the parentheses (empty for `f(` as a file's last token, where
    /// `closeParen == openParen`: a range built by hand there trapped).
    public var innerTokens: Range<Int> { (openParen + 1)..<max(openParen + 1, closeParen) }
}

extension FileFacts {
    private static let callsKey = FactKey<[Call]>("calls")
    /// Every call in the file (nested calls included), in order of their `(`.
    public var calls: [Call] { memo(Self.callsKey) { extractCalls() } }

    private func extractCalls() -> [Call] {
        var calls: [Call] = []
        for i in tokens.indices where tokens[i].kind == .punctuation && isPunct(i, "(") {
            guard var nameIndex = previous(i) else { continue }
            // Rust macros: `println!(…)`, `log::info!(…)`, `format!(…)`.
            if file.dialect == .rust, isPunct(nameIndex, "!"), let macro = previous(nameIndex),
                tokens[macro].kind == .identifier, tokens[macro].end == tokens[nameIndex].start
            {
                nameIndex = macro
            }
            guard tokens[nameIndex].kind == .identifier,
                tokens[nameIndex].end == tokens[i].start || isCallSyntaxLanguage || isPunct(i - 1, "!")
            else { continue }
            // Walk back over `a.b.` / `a?.b` / `a::b` / `a->b` to the start of the path.
            var start = nameIndex
            var path = text(nameIndex)
            while let sep = previous(start),
                isPunct(sep, ".") || isPunct(sep, "?.") || isPunct(sep, "::") || isPunct(sep, "->"),
                let part = previous(sep), tokens[part].kind == .identifier
            {
                path = text(part) + "." + path
                start = part
            }
            let close = tokens[i].pairIndex >= 0 ? tokens[i].pairIndex : tokens.count - 1
            calls.append(
                Call(
                    callee: path, name: text(nameIndex), calleeStart: start, openParen: i, closeParen: close,
                    arguments: splitArguments(open: i, close: close)))
        }
        return calls
    }

    /// In programming languages `f (x)` with a space is still a call (most C-like code is written `f(x)`).
    private var isCallSyntaxLanguage: Bool { file.language.isProgrammingLanguage }

    /// Token ranges between top-level commas inside `( … )`.
    func splitArguments(open: Int, close: Int) -> [Range<Int>] {
        var args: [Range<Int>] = []
        var start = open + 1
        var i = open + 1
        while i < close {
            let token = tokens[i]
            if token.kind == .punctuation && token.pairIndex > i && isOpeningBracket(i) {
                i = token.pairIndex + 1
                continue
            }
            if isPunct(i, ",") {
                if start < i { args.append(start..<i) }
                start = i + 1
            }
            i += 1
        }
        if start < close { args.append(start..<close) }
        return args
    }

    package func isOpeningBracket(_ i: Int) -> Bool { isPunct(i, "(") || isPunct(i, "[") || isPunct(i, "{") }

    private static let innermostOpenBracketKey = FactKey<[Int32]>("innermostOpenBracket")
    private static let innermostCallKey = FactKey<[Int32]>("innermostCall")

    /// The innermost unclosed bracket before token `i`, if it is fewer than `limit` tokens back.
    /// Brackets of any kind nest by depth, as written (not by the lexer's pairing). O(1): one
    /// forward pass per file records it for every token.
    package func enclosingBracket(of i: Int, lookingBack limit: Int) -> Int? {
        guard i >= 0 && i < tokens.count else { return nil }
        let open = Int(memo(Self.innermostOpenBracketKey) { innermostOpenBrackets() }[i])
        return open >= 0 && i - open < limit ? open : nil
    }

    /// The innermost call whose parentheses hold token `i` (`(` before it, `)` after it). O(1):
    /// one pass over the calls records it for every token.
    public func enclosingCall(of i: Int) -> Call? {
        guard i >= 0 && i < tokens.count else { return nil }
        let index = Int(memo(Self.innermostCallKey) { innermostCalls() }[i])
        return index >= 0 ? calls[index] : nil
    }

    private func innermostOpenBrackets() -> [Int32] {
        var result = [Int32](repeating: -1, count: tokens.count)
        var stack: [Int32] = []
        for k in tokens.indices {
            result[k] = stack.last ?? -1
            guard tokens[k].kind == .punctuation else { continue }
            if isOpeningBracket(k) {
                stack.append(Int32(k))
            } else if isPunct(k, ")") || isPunct(k, "]") || isPunct(k, "}") {
                _ = stack.popLast()
            }
        }
        return result
    }

    /// Calls come in order of their `(`; a stack of the open ones, dropped once past their `)`,
    /// has the innermost one on top (an unmatched call runs to the end of the file).
    private func innermostCalls() -> [Int32] {
        let calls = self.calls
        var result = [Int32](repeating: -1, count: tokens.count)
        var stack: [Int] = []
        var nextCall = 0
        for k in tokens.indices {
            while let top = stack.last, calls[top].closeParen <= k { stack.removeLast() }
            if let top = stack.last { result[k] = Int32(top) }
            while nextCall < calls.count && calls[nextCall].openParen <= k {
                if calls[nextCall].openParen == k { stack.append(nextCall) }
                nextCall += 1
            }
        }
        return result
    }
}
