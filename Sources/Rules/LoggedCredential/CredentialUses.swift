import Engine
import Facts
import Model
import Prefilter
import Support

/// How a file shows that a name holds a credential by what it does with it, rather than by the
/// name: the value is handed to a credential sink, appended to an auth scheme, or stored under a
/// credential header named by a constant. Logging such a name leaks what the request sends.
extension CredentialSources {
    /// Auth scheme prefixes a credential is appended to (`"Bearer " + token`).
    static let schemePrefixes = ["bearer ", "basic ", "token ", "bearer=", "apikey "]

    /// Calls that store a header on a map or request: `h.insert(AUTHORIZATION, …)`.
    static let headerStoreCalls: Set<String> = [
        "insert", "set", "append", "add", "put", "header", "addHeader", "setHeader", "insert_header",
        "append_header", "Add", "Set",
    ]

    /// `req.SetBasicAuth("api", mailgunKey)`, `jwt.sign(p, secret)`, `'Bearer ' . $this->token`,
    /// `"Bearer \(token)"`: each name or member path used as a credential, with the use's token.
    static func credentialUses(_ facts: FileFacts) -> [Source] {
        var uses: [Source] = []
        for call in facts.calls {
            guard let sinks = HardcodedSecretAtSinkRule.sinksByName[call.name.lowercased()] else { continue }
            let callee = call.callee.lowercased()
            for sink in sinks where HardcodedSecretAtSinkRule.calleeMatches(callee, sink.callee) {
                guard let argument = HardcodedSecretAtSinkRule.argument(of: call, sink, facts),
                    let last = argument.last, facts.tokens[last].kind == .identifier,
                    let path = memberPath(endingAt: last, within: argument, facts)
                else { continue }
                uses.append(
                    Source(name: path, token: last, reason: "'\(path)', which the file sends to \(call.callee)()"))
            }
        }
        for i in facts.tokens.indices where facts.tokens[i].kind == .string {
            let value = facts.value(of: facts.tokens[i]) ?? ""
            // `'Bearer ' . $this->token`, `"Bearer " + token`.
            let lower = value.lowercased()
            if schemePrefixes.contains(where: lower.hasSuffix), let op = facts.next(i),
                facts.isPunct(op, "+") || facts.isPunct(op, "."), let first = facts.next(op),
                facts.tokens[first].kind == .identifier
            {
                var end = first
                while let sep = facts.next(end), isMemberSeparator(sep, facts), let part = facts.next(sep),
                    facts.tokens[part].kind == .identifier
                {
                    end = part
                }
                let isCall = facts.next(end).map { facts.isPunct($0, "(") } ?? false
                if !isCall, let path = memberPath(endingAt: end, within: first..<(end + 1), facts) {
                    uses.append(
                        Source(name: path, token: end, reason: "'\(path)', which the file sends after an auth scheme"))
                }
            }
            // `"Bearer \(token)"`, `` `Bearer ${this.token}` ``.
            for hole in facts.templateHoles(of: i) {
                guard let at = value.range(of: hole.opener.rawValue + hole.expression),
                    schemePrefixes.contains(where: value[..<at.lowerBound].lowercased().hasSuffix),
                    let path = normalizedPath(hole.expression)
                else { continue }
                uses.append(
                    Source(name: path, token: i, reason: "'\(path)', which the file sends after an auth scheme"))
            }
        }
        return uses
    }

    /// `h.insert(AUTHORIZATION, …)`, `headers.set(HttpHeaders.AUTHORIZATION, …)`: the receiver
    /// now carries a credential header named by a constant (string names are `namedValues`).
    static func headerConstantSources(_ facts: FileFacts) -> [Source] {
        var sources: [Source] = []
        for call in facts.calls where headerStoreCalls.contains(call.name) && call.arguments.count >= 2 {
            guard let nameToken = call.arguments[0].last, facts.tokens[nameToken].kind == .identifier,
                call.callee.contains(".")
            else { continue }
            let header = facts.text(nameToken).lowercased().replacingOccurrences(of: "_", with: "-")
            guard CredentialNames.headers.contains(header) else { continue }
            let receiver = String(call.callee[..<call.callee.lastIndex(of: ".")!])
            guard !receiver.contains("."), let name = facts.previous(call.openParen), let dot = facts.previous(name),
                let receiverToken = facts.previous(dot)
            else { continue }
            sources.append(
                Source(
                    name: receiver, token: receiverToken,
                    reason: "'\(receiver)', which carries the \(facts.text(nameToken)) header"))
        }
        return sources
    }

    static func isMemberSeparator(_ i: Int, _ facts: FileFacts) -> Bool {
        facts.isPunct(i, ".") || facts.isPunct(i, "?.") || facts.isPunct(i, "->") || facts.isPunct(i, "::")
    }

    /// The dotted path of identifiers ending at token `end` (`$this->token` → `this.token`),
    /// inside `bounds`; nil when a call or index is part of it.
    static func memberPath(endingAt end: Int, within bounds: Range<Int>, _ facts: FileFacts) -> String? {
        var parts = [facts.text(end)]
        var start = end
        while let sep = facts.previous(start), bounds.contains(sep), isMemberSeparator(sep, facts),
            let part = facts.previous(sep), bounds.contains(part), facts.tokens[part].kind == .identifier
        {
            parts.insert(facts.text(part), at: 0)
            start = part
        }
        return normalizedPath(parts.joined(separator: "."))
    }

    /// `$this->token` / `this?.token` → `this.token`; nil unless it is a plain identifier path.
    static func normalizedPath(_ expression: String) -> String? {
        var text = expression.trimmingSpaces
        for separator in ["->", "?.", "::", "!."] { text = text.replacingOccurrences(of: separator, with: ".") }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map {
            $0.hasPrefix("$") ? $0.dropFirst() : $0
        }
        guard !parts.isEmpty,
            parts.allSatisfy({ part in
                !part.isEmpty && part.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
                    && !(part.first?.isNumber ?? true)
            })
        else { return nil }
        return parts.joined(separator: ".")
    }
}
