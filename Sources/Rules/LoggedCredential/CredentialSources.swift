import Engine
import Facts
import Model
import Prefilter
import Support

/// Variables assigned from a credential source in a file: a Basic encoding, an auth header read,
/// an environment read of a key, a header map that carries an auth header. Logging rules ask
/// whether a name used at some token was assigned so before it, in the same scope.
struct CredentialSources {
    struct Source {
        var name: String
        var token: Int
        var reason: String
    }

    let facts: FileFacts
    let sources: [Source]
    /// Names and member paths the file uses as a credential, before or after a log: see `credentialUses(_:)`.
    let uses: [Source]

    /// Calls that produce the base64 half of a Basic credential.
    static let basicEncoders: Set<String> = [
        "btoa", "b64encode", "standard_b64encode", "encodebytes", "base64EncodedString", "EncodeToString",
        "encodeToString",
        "ToBase64String", "encode64", "strict_encode64", "base64_encode", "basicAuth", "BasicAuth", "HTTPBasicAuth",
    ]

    /// Calls that return all headers of the current request, Authorization included.
    static let requestHeaderReaders: Set<String> = ["getallheaders", "apache_request_headers"]

    init(_ facts: FileFacts) {
        self.facts = facts
        var sources: [Source] = []
        let credentialSetStarts = facts.objectLiteralHeaderSets.compactMap { $0.headers.first?.nameToken }
        for binding in facts.bindings where !binding.nameIsQuoted && facts.tokens[binding.nameToken].kind == .identifier
        {
            // Keyword arguments and object keys are not variables.
            if let before = facts.previous(binding.nameToken),
                facts.isPunct(before, "(") || facts.isPunct(before, ",") || facts.isPunct(before, "{")
                    || facts.isPunct(before, ".")
            {
                continue
            }
            let end = Self.statementEnd(from: binding.valueToken, facts)
            if let reason = Self.sourceReason(binding, binding.valueToken..<end, facts, credentialSetStarts) {
                sources.append(Source(name: facts.string(binding.nameText), token: binding.nameToken, reason: reason))
            }
        }
        // `headers["Authorization"] = …` / `h.set("X-API-Key", …)`: the map now carries auth.
        for named in facts.namedValues
        where named.isHeader && (named.via == .indexAssignment || named.via == .headerCall)
            && CredentialNames.mechanism(ofHeader: facts.string(named.nameText)) != nil
        {
            guard let open = facts.previous(named.nameToken) else { continue }
            var receiver: Int?
            if facts.isPunct(open, "[") {
                receiver = facts.previous(open)  // headers["Authorization"] = …
            } else if facts.isPunct(open, "("), let setter = facts.previous(open), let dot = facts.previous(setter),
                facts.isPunct(dot, ".")
            {
                receiver = facts.previous(dot)  // h.set("X-API-Key", …)
            }
            if let r = receiver, facts.tokens[r].kind == .identifier {
                sources.append(
                    Source(
                        name: facts.text(r), token: r,
                        reason: "'\(facts.text(r))', which carries the \(facts.string(named.nameText)) header"))
            }
        }
        // `headers[req_header] = "NTLM %s" % …`: an auth scheme value stored under a computed key.
        for i in facts.tokens.indices where facts.isPunct(i, "]") {
            guard let eq = facts.next(i), facts.isPunct(eq, "="), let value = facts.next(eq),
                facts.tokens[value].kind == .string,
                let open = facts.tokens[i].pairIndex >= 0 ? facts.tokens[i].pairIndex : nil,
                let receiver = facts.previous(open), facts.tokens[receiver].kind == .identifier
            else { continue }
            let lower = (facts.value(of: facts.tokens[value]) ?? "").lowercased()
            if ["basic ", "bearer ", "ntlm ", "negotiate ", "token "].contains(where: lower.hasPrefix) {
                sources.append(
                    Source(
                        name: facts.text(receiver), token: receiver,
                        reason: "'\(facts.text(receiver))', which carries an Authorization value"))
            }
        }
        sources += Self.headerConstantSources(facts)
        self.sources = sources
        self.uses = Self.credentialUses(facts)
    }

    /// Why the name or member path `path` (`mailgunKey`, `this.token`), logged at token `use`,
    /// is a credential because the file uses it as one: member paths count file-wide (fields),
    /// plain names when the use and the log share a scope.
    func useReason(for path: String, at use: Int) -> String? {
        for source in uses where source.name == path {
            if path.contains(".") || facts.sameScope(min(source.token, use), max(source.token, use)) {
                return source.reason
            }
        }
        return nil
    }

    /// Why `name`, used at token `use`, holds a credential, or nil.
    func reason(for name: String, usedAt use: Int) -> String? {
        for source in sources.reversed()
        where source.name == name && source.token < use && facts.sameScope(source.token, use) {
            return source.reason
        }
        return nil
    }

    private static func sourceReason(_ binding: Binding, _ range: Range<Int>, _ facts: FileFacts, _ setStarts: [Int])
        -> String?
    {
        let tokens = facts.tokens
        // Read only when a reason is found (most bindings have none).
        lazy var name = facts.string(binding.nameText)
        if setStarts.contains(where: range.contains) {
            return "'\(name)', a header map with a credential header"
        }
        for i in range {
            switch tokens[i].kind {
            case .identifier:
                let text = facts.text(i)
                if basicEncoders.contains(text) { return "'\(name)', an encoded credential" }
                if requestHeaderReaders.contains(text) {
                    return "'\(name)', every request header (\(text)())"
                }
                if text.lowercased() == "authorization", let p = facts.previous(i), facts.isPunct(p, "."),
                    let r = facts.previous(p), facts.text(r).lowercased().contains("header")
                {
                    return "'\(name)', read from the Authorization header"
                }
                if binding.valueKind == .environment && CredentialNames.isCredentialName(text) {
                    return "'\(name)', read from \(text)"
                }
            case .string:
                let value = facts.value(of: tokens[i]) ?? ""
                let lower = value.lowercased()
                if lower.hasPrefix("basic ") || lower.hasPrefix("bearer ") {
                    return "'\(name)', an Authorization value"
                }
                if lower == "base64", let p = facts.previous(i), facts.isPunct(p, "(") {
                    return "'\(name)', an encoded credential"
                }
                if CredentialNames.headers.contains(lower), let p = facts.previous(i),
                    facts.isPunct(p, "[") || facts.isPunct(p, "(") || facts.isPunct(p, ":")
                {
                    return "'\(name)', read from the \(value) header"
                }
                // `token = os.environ["CRM_TOKEN"]`: a `*_TOKEN` / `*_KEY` variable is a credential too.
                if binding.valueKind == .environment
                    && (CredentialNames.isCredentialName(value) || CredentialNames.isWeakCredentialName(value))
                {
                    return "'\(name)', read from \(value)"
                }
                // `const mailgunKey = "key-…"`: a secret-shaped literal under a credential-like name.
                if binding.valueKind == .literal, i == range.lowerBound,
                    CredentialNames.isCredentialName(name)
                        || CredentialNames.isWeakCredentialName(name),
                    LiteralSecretShape.looksLikeSecretForWeakName(value, name: name)
                {
                    return "'\(name)', a literal credential"
                }
            default:
                continue
            }
        }
        return nil
    }

    /// A statement ends at `;` or at a line break outside brackets.
    static func statementEnd(from start: Int, _ facts: FileFacts) -> Int {
        let tokens = facts.tokens
        var i = start
        var last = start
        while i < tokens.count {
            if facts.isPunct(i, ";") || facts.isPunct(i, ",") || facts.isPunct(i, ")") || facts.isPunct(i, "}")
                || facts.isPunct(i, "]")
            {
                break
            }
            if i > start && facts.file.line(at: tokens[i].start) != facts.file.line(at: tokens[last].end - 1)
                && !facts.isPunct(i, ".")
            {
                break
            }
            last = i
            i = facts.isOpeningBracket(i) && tokens[i].pairIndex > i ? tokens[i].pairIndex + 1 : i + 1
            if i - start > 400 { break }
        }
        return max(start + 1, min(i, tokens.count))
    }

}
