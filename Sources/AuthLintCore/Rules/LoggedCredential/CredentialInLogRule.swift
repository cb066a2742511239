/// `credential-in-log`: a logging call whose arguments carry an Authorization / appkey / API-key
/// header read, a whole header collection, or a variable named like a credential. Masked or
/// derived values (`redact(token)`, `token.length`, `Object.keys(headers)`) do not count.
struct CredentialInLogRule: StructuralRule {
    let id = "credential-in-log"

    /// Identifiers that turn a credential into something safe to log.
    static let sanitizers: Set<String> = [
        "redact", "redacted", "mask", "masked", "sanitize", "sanitized", "scrub", "obfuscate", "hash", "sha256", "md5",
        "length", "count", "size", "len", "keys", "isEmpty", "hasPrefix", "startsWith", "prefix", "type", "typeof",
        "bool", "Boolean", "present", "exists", "expiresAt", "expires_in", "expiry",
    ]
    /// Names of whole header collections of a request.
    static let headerCollections: Set<String> = [
        "headers", "Header", "allHTTPHeaderFields", "httpAdditionalHeaders", "requestHeaders", "getHeaders", "getAllHeaders",
        "DefaultRequestHeaders", "all_headers",
    ]

    func check(_ context: FileContext, _ rule: RuleDefinition) {
        let facts = context.facts
        for call in facts.calls where LoggingCalls.isLogging(call) {
            for argument in call.arguments {
                if let reason = leak(in: argument, facts) {
                    let range = facts.tokens[argument.lowerBound].start..<facts.tokens[argument.upperBound - 1].end
                    context.report(rule, range: range, message: "\(rule.summary): \(reason) passed to \(call.callee)()")
                    break
                }
            }
        }
    }

    /// Why this argument leaks a credential, or nil.
    func leak(in argument: Range<Int>, _ facts: FileFacts) -> String? {
        let tokens = facts.tokens
        for i in argument where tokens[i].kind == .identifier && Self.sanitizers.contains(facts.text(i)) { return nil }
        for i in argument {
            let token = tokens[i]
            switch token.kind {
            case .identifier:
                let name = facts.text(i)
                let followed = facts.next(i).map { facts.isPunct($0, "[") || facts.isPunct($0, ".") || facts.isPunct($0, "(") } ?? false
                if Self.headerCollections.contains(name) && !followed { return "the request's whole header set (\(name))" }
                if followed && (facts.next(i).map { facts.isPunct($0, "(") } ?? false) { continue }  // a call's name
                if let next = facts.next(i), facts.isPunct(next, "=") || facts.isPunct(next, ":"), i == argument.lowerBound { continue }  // `password=` keyword label
                if CredentialNames.isCredentialName(name) && !followed { return "'\(name)'" }
            case .string:
                guard let value = token.value else { continue }
                if token.isTemplate {
                    for hole in Self.templateHoles(value) where CredentialNames.isCredentialName(hole) { return "'\(hole)'" }
                } else if CredentialNames.headers.contains(value.lowercased()), isHeaderRead(at: i, facts) {
                    return "the \(value) header"
                }
            default:
                continue
            }
        }
        return nil
    }

    /// `headers['Authorization']`, `.get("appkey")`, `value(forHTTPHeaderField: "appkey")`, `Header.Get("...")`.
    private func isHeaderRead(at i: Int, _ facts: FileFacts) -> Bool {
        guard let before = facts.previous(i) else { return false }
        if facts.isPunct(before, "[") { return true }
        if facts.isPunct(before, ":"), let label = facts.previous(before), facts.text(label) == "forHTTPHeaderField" { return true }
        if facts.isPunct(before, "("), let name = facts.previous(before) {
            return ["get", "Get", "getHeader", "header", "value", "headers", "GetValues", "getFirst", "fetch"].contains(facts.text(name))
        }
        return false
    }

    /// Variable names inside `${…}`, `{…}`, `\(…)`, `#{…}` holes (last path segment).
    static func templateHoles(_ template: String) -> [String] {
        var names: [String] = []
        var current = ""
        var depth = 0
        for ch in template {
            if ch == "{" || ch == "(" { depth += 1; current = ""; continue }
            if ch == "}" || ch == ")" {
                if depth > 0, !current.isEmpty { names.append(current) }
                depth = max(0, depth - 1)
                current = ""
                continue
            }
            if depth > 0 {
                if ch.isLetter || ch.isNumber || ch == "_" { current.append(ch) } else { if !current.isEmpty && ch != "." { names.append(current) }; current = "" }
            }
        }
        return names
    }
}
