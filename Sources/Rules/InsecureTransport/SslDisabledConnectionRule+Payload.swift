import Engine
import Facts
import Foundation
import Model
import Prefilter
import Support

extension SslDisabledConnectionRule {
    // MARK: payload detection

    /// True when the outermost object literal around `i` goes into a request body:
    /// `JSON.stringify(obj)`, `json=obj`, `body: obj`, or is written inline there.
    func isSentAsPayload(_ i: Int, _ facts: FileFacts) -> Bool {
        var outer: Int?
        var k = i
        while let open = facts.enclosingBracket(of: k, lookingBack: 2000),
            facts.isPunct(open, "{") || facts.isPunct(open, "[")
        {
            outer = open
            k = open
        }
        guard let outer else { return false }
        if isBodyPosition(outer, facts) { return true }
        // The name it is bound to, used in a body position later.
        guard let eq = facts.previous(outer), facts.isPunct(eq, "=") || facts.isPunct(eq, ":="),
            let nameIndex = facts.previous(eq),
            facts.tokens[nameIndex].kind == .identifier
        else { return false }
        let name = facts.text(nameIndex)
        let close = max(outer, facts.tokens[outer].pairIndex)
        for u in (close + 1)..<facts.tokens.count where facts.tokens[u].kind == .identifier && facts.text(u) == name {
            if isBodyPosition(u, facts) { return true }
        }
        return false
    }

    /// The value of a `body` / `json` / `data` option, a later argument of a request call
    /// (`axios.post(url, x)`), or `JSON.stringify(x)` / `json.dumps(x)` standing in such a place
    /// (serialising for a log line is not sending).
    private func isBodyPosition(_ k: Int, _ facts: FileFacts, depth: Int = 0) -> Bool {
        guard depth < 3, let before = facts.previous(k) else { return false }
        if facts.isPunct(before, ":") || facts.isPunct(before, "="), let key = facts.previous(before),
            Self.bodyOptions.contains(facts.value(key)), let open = facts.enclosingBracket(of: key, lookingBack: 2000),
            facts.isPunct(open, "(") || facts.isPunct(open, "{")
        {
            return true
        }
        guard facts.isPunct(before, "(") || facts.isPunct(before, ","),
            let open = facts.enclosingBracket(of: k, lookingBack: 2000), facts.isPunct(open, "("),
            let call = facts.calls.first(where: { $0.openParen == open })
        else { return false }
        if Self.serializers.contains(call.name) { return isBodyPosition(call.calleeStart, facts, depth: depth + 1) }
        return Self.requestCalls.contains(call.name) && facts.isPunct(before, ",")
    }
    static let requestCalls: Set<String> = ["post", "put", "patch", "fetch", "request", "send"]
}
