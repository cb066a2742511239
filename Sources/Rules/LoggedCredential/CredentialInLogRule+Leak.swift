import Engine
import Facts
import Model
import Prefilter
import Support

extension CredentialInLogRule {
    /// Why this argument leaks a credential, or nil. `tainted` names variables assigned from a
    /// credential source before the call.
    func leak(in argument: Range<Int>, _ facts: FileFacts, _ tainted: (String, Int) -> String?) -> String? {
        let tokens = facts.tokens
        if isMaskedOrPresence(argument, facts) { return nil }
        func inside(_ j: Int?) -> Int? { j.flatMap { argument.contains($0) ? $0 : nil } }
        var i = argument.lowerBound
        while i < argument.upperBound {
            defer { i += 1 }
            let token = tokens[i]
            switch token.kind {
            case .identifier:
                let name = facts.text(i)
                let after = inside(facts.next(i))
                let isCall = after.map { facts.isPunct($0, "(") } ?? false
                let isMember =
                    after.map { facts.isPunct($0, ".") || facts.isPunct($0, "?.") || facts.isPunct($0, "->") } ?? false
                let isIndex = after.map { facts.isPunct($0, "[") } ?? false
                let before = facts.previous(i).flatMap { argument.contains($0) ? $0 : nil }
                let prevIsDot =
                    before.map {
                        facts.isPunct($0, ".") || facts.isPunct($0, "?.") || facts.isPunct($0, "->")
                            || facts.isPunct($0, "::")
                    } ?? false
                // `password=` keyword argument, `{ apiKey: … }` key: the label is not the value.
                if let a = after, facts.isPunct(a, "=") || facts.isPunct(a, ":"), inside(facts.next(a)) != nil {
                    continue
                }
                if isCall {
                    // `getPassword()`, `get_api_key()`: a getter of a credential.
                    let words = CredentialNames.words(name)
                    if words.first == "get", words.count > 1,
                        CredentialNames.isCredentialName(words.dropFirst().joined(separator: "_")),
                        let close = after.flatMap({ facts.next($0) }), facts.isPunct(close, ")")
                    {
                        return "'\(name)()'"
                    }
                    continue
                }
                // C# `request.Headers.ToString()`: the whole set, printed.
                if Self.headerCollections.contains(name), isMember, prevIsDot, let dot = after,
                    let member = facts.next(dot), ["ToString", "toString", "description"].contains(facts.text(member)),
                    let receiver = before.flatMap({ facts.previous($0) }),
                    !Self.responseNames.contains(facts.text(receiver))
                {
                    return "the request's whole header set (\(facts.text(receiver)).\(name))"
                }
                if Self.headerCollections.contains(name) && !isMember && !isIndex {
                    // `allHeaders(headers: request.headers, except: …)`: an unknown call transforms the set.
                    if let wrapper = facts.enclosingCall(of: i), wrapper.openParen >= argument.lowerBound,
                        !Self.transparentCalls.contains(wrapper.name)
                    {
                        continue
                    }
                    if prevIsDot, let dot = before, let receiver = facts.previous(dot) {
                        if Self.responseNames.contains(facts.text(receiver)) { continue }
                        return "the request's whole header set (\(facts.text(receiver)).\(name))"
                    }
                    if let reason = tainted(name, i) { return reason }
                    if isParameter(name, before: i, facts) {
                        return "the request's whole header set (parameter \(name))"
                    }
                    continue
                }
                // The shell's working directory, not a password.
                let credential =
                    CredentialNames.isCredentialName(name) && !(name == "PWD" || name == "OLDPWD")
                    && !Self.namesCredentialsNotValues(name)
                if isIndex, let open = after, credential || tainted(name, i) != nil {
                    // `token[:8]`, `apiKey[0..4]`: a truncation.
                    if tokens[open].pairIndex > open,
                        (open..<tokens[open].pairIndex).contains(where: {
                            facts.isPunct($0, ":") || facts.isPunct($0, "..") || tokens[$0].kind == .number
                        })
                    {
                        i = tokens[open].pairIndex
                    }
                    continue
                }
                if isMember {
                    // `apiKey.toString()` keeps the value; `credentials.username` does not.
                    if credential || tainted(name, i) != nil, let dot = after, let member = facts.next(dot),
                        Self.valueMethods.contains(facts.text(member))
                    {
                        return "'\(name)'"
                    }
                    continue
                }
                if credential {
                    // `HttpHeaders.AUTHORIZATION`, `HTTPHeaderField.authorization`: a header *name* constant.
                    if prevIsDot, let dot = before, let receiver = facts.previous(dot),
                        CredentialNames.headers.contains(name.lowercased())
                    {
                        let r = facts.text(receiver)
                        if r.first?.isUppercase == true && r.lowercased().contains("header") { continue }
                    }
                    return "'\(name)'"
                }
                if !prevIsDot, let reason = tainted(name, i) { return reason }
                // `$this->token`, `self.apiKey`: a field the file sends as a credential.
                if prevIsDot, let path = CredentialSources.memberPath(endingAt: i, within: argument, facts),
                    let reason = tainted(path, i)
                {
                    return reason
                }
            case .string:
                guard let value = facts.value(of: token) else { continue }
                let holes = facts.templateHoles(of: i)
                for hole in holes {
                    if let reason = leakInHole(hole, facts, tainted) { return reason }
                    if let at = value.range(of: hole.opener.rawValue + hole.expression),
                        let reason = Self.labelledLeak(label: value[..<at.lowerBound], path: hole.expression)
                    {
                        return reason
                    }
                }
                if !holes.isEmpty || token.isTemplate { continue }
                // `"Authorization: Basic " + encoded`: the printed text is a header value.
                let lower = value.lowercased()
                if ["authorization: basic ", "authorization: bearer ", "authorization: token "].contains(where: {
                    lower.hasSuffix($0)
                }), let next = inside(facts.next(i)), facts.isPunct(next, "+") || facts.isPunct(next, ".") {
                    return "an Authorization header value"
                }
                // `"session token: " + token`: the label names what a weak name holds.
                if let op = inside(facts.next(i)), facts.isPunct(op, "+") || facts.isPunct(op, "."),
                    let operand = inside(facts.next(op)), tokens[operand].kind == .identifier,
                    let reason = Self.labelledLeak(label: Substring(value), path: facts.text(operand))
                {
                    return reason
                }
                if CredentialNames.headers.contains(value.lowercased()), isHeaderRead(at: i, facts) {
                    return "the \(value) header"
                }
                if CredentialNames.isCredentialName(value), isHeaderRead(at: i, facts) { return "the '\(value)' entry" }
            default:
                continue
            }
        }
        return nil
    }

    /// `"session token: \(token)"`: a weak name (`token`, `key`) whose label in the message names
    /// a credential (`session token`, `API key`); `"lexer token: \(token)"` does not.
    static func labelledLeak(label: Substring, path: String) -> String? {
        guard let name = CredentialSources.normalizedPath(path)?.split(separator: ".").last.map(String.init),
            CredentialNames.isWeakCredentialName(name)
        else { return nil }
        let words = label.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).suffix(2)
        guard words.count == 2, label.last.map({ " :=\t".contains($0) }) ?? false else { return nil }
        let labelName = words.joined(separator: "_")
        guard CredentialNames.isCredentialName(labelName) else { return nil }
        return "'\(path)', labelled '\(words.joined(separator: " "))'"
    }

    /// Calls that print what they are given (`str(headers)`, `JSON.stringify(req.headers)`).
    static let transparentCalls: Set<String> = [
        "str", "repr", "dict", "list", "String", "describing", "stringify", "dumps", "inspect", "Sprintf", "Sprint",
        "format",
        "stringConvertible", "toString", "json", "pformat", "pprint", "Dictionary", "entries", "items", "string",
        "sprintf",
    ]

    /// `def f(headers)`, `func f(headers: [String: String])`: the header set came in as a parameter.
    private func isParameter(_ name: String, before use: Int, _ facts: FileFacts) -> Bool {
        var j = use - 1
        while j >= 0 && use - j < 4000 {
            if facts.tokens[j].kind == .identifier, ["def", "func", "function", "fun"].contains(facts.text(j)) {
                guard var open = facts.next(j) else { return false }
                if !facts.isPunct(open, "("), let n = facts.next(open) { open = n }
                guard facts.isPunct(open, "("), facts.tokens[open].pairIndex > open else { return false }
                return (open..<facts.tokens[open].pairIndex).contains {
                    facts.tokens[$0].kind == .identifier && facts.text($0) == name
                }
            }
            j -= 1
        }
        return false
    }

    /// A hole's expression (lexed on its own by the facts) is judged like an argument.
    private func leakInHole(_ hole: TemplateHole, _ facts: FileFacts, _ tainted: (String, Int) -> String?) -> String? {
        let holeFacts = facts.expressionFacts(hole.expression)
        guard !holeFacts.tokens.isEmpty else { return nil }
        return leak(in: 0..<holeFacts.tokens.count, holeFacts, tainted)
    }

    /// Sanitizers, redaction markers and presence checks anywhere in the argument.
    private func isMaskedOrPresence(_ argument: Range<Int>, _ facts: FileFacts) -> Bool {
        let tokens = facts.tokens
        for i in argument {
            switch tokens[i].kind {
            case .identifier:
                let name = facts.text(i)
                if Self.sanitizers.contains(name) || Self.presenceWords.contains(name) { return true }
                if CredentialNames.words(name).contains(where: Self.sanitizerWords.contains) { return true }
            case .punctuation:
                if facts.isPunct(i, "==") || facts.isPunct(i, "!=") || facts.isPunct(i, "?") { return true }
                // Prefix `!token` / `!!token` (not Swift's postfix force-unwrap `token!`).
                if facts.isPunct(i, "!"), let n = facts.next(i), tokens[n].kind == .identifier || facts.isPunct(n, "!"),
                    facts.previous(i).map({
                        tokens[$0].kind != .identifier && !facts.isPunct($0, ")") && !facts.isPunct($0, "]")
                    }) ?? true
                {
                    return true
                }
            case .string where !tokens[i].isTemplate:
                let value = (facts.value(of: tokens[i]) ?? "").lowercased()
                if value.containsBytes("***") || value.containsBytes("redacted") || value.containsBytes("[filtered]")
                    || value.containsBytes("xxxx")
                {
                    return true
                }
            default:
                continue
            }
        }
        return false
    }

    /// `headers['Authorization']`, `.get("appkey")`, `value(forHTTPHeaderField: "appkey")`, `Header.Get("...")`.
    private func isHeaderRead(at i: Int, _ facts: FileFacts) -> Bool {
        guard let before = facts.previous(i) else { return false }
        if facts.isPunct(before, "[") { return true }
        if facts.isPunct(before, ":"), let label = facts.previous(before), facts.text(label) == "forHTTPHeaderField" {
            return true
        }
        if facts.isPunct(before, "("), let name = facts.previous(before) {
            return Self.headerReaders.contains(facts.text(name))
        }
        return false
    }
}
