import Engine
import Facts
import Model
import Prefilter
import Support

/// `hardcoded-secret`: a secret-looking literal bound to a credential-named variable, key,
/// header, config entry or command-line flag. The name is the only evidence, so the value
/// must pass `LiteralSecretShape.looksLikeSecret`; more specific rules (provider formats,
/// appkey, Basic, Bearer) take precedence on the same value (`"precedence": "generic"` in its rule file; see `CredentialPrecedence`).
struct HardcodedSecretRule: StructuralRule {
    let messageFields: [String: Set<String>] = [
        "literal": ["name"], "checksum": ["name", "provider"], "malformed": ["name", "provider"],
    ]

    /// Words that may follow the credential word in a name that still holds the credential
    /// (`API_KEY_PROD`, `passwordValue`, `secret_b64`); anything else (`PasswordLastUsed`,
    /// `MasterKeySpec`) makes the name about the credential, not the credential.
    static let trailingWords: Set<String> = [
        "prod", "production", "dev", "development", "staging", "stage", "test", "live", "value", "val", "raw", "plain",
        "str", "string", "b64", "base64", "hex", "default", "old", "new", "primary", "secondary", "main", "override",
    ]

    /// A warning written into the name after the credential word (`secret_do_not_commit`,
    /// `API_KEY_DONT_SHARE`, `token_never_publish`): the value is the credential the name warns
    /// about. It must hold a negation, so `password_commit` stays a name about something else.
    static let warningWords: Set<String> = ["do", "not", "dont", "never", "commit", "share", "publish", "push", "leak"]
    static let negations: Set<String> = ["not", "dont", "never"]

    /// True when the name's last credential word is at the end, or followed only by `trailingWords`.
    static func endsWithCredentialWord(_ name: String) -> Bool {
        let parts = CredentialNames.words(name)
        guard !parts.isEmpty else { return false }
        var end = parts.count
        let warning = parts.reversed().prefix(while: warningWords.contains)
        if warning.contains(where: negations.contains) && warning.count < parts.count { end -= warning.count }
        while end > 1, trailingWords.contains(parts[end - 1]) || parts[end - 1].allSatisfy(\.isNumber) { end -= 1 }
        let core = Array(parts[..<end])
        guard let last = core.last else { return false }
        if CredentialNames.credentialWords.contains(last) { return true }
        if core.count >= 2 && CredentialNames.credentialWords.contains(core[core.count - 2] + last) { return true }
        // `auth_token`, `access_token`: a qualified token.
        if last == "token" || last == "tokens", core.count >= 2,
            CredentialNames.tokenQualifiers.contains(core[core.count - 2])
        {
            return true
        }
        return false
    }

    static func isCredentialFlag(_ named: NamedValue, name: String) -> Bool {
        guard named.via == .commandFlag else { return false }
        let words = CredentialNames.words(name)
        return words.last == "token" || words.last == "key" && words.count >= 2
    }

    func wantsFile(_ context: FileContext, _ rule: RuleDefinition) -> Bool {
        guard context.file.language != .plainText else { return false }
        let bytes = context.file.bytes
        // Names recur through a file (`token`, `self.apiKey`): each is judged once (splitting it
        // into words per hit was 3 % of a scan).
        var judged: [String: NameEvidence?] = [:]
        return context.hits(for: rule).contains { hit in
            let name = Self.nameAround(bytes, hit)
            let known: NameEvidence?
            if let cached = judged[name] {
                known = cached
            } else {
                known = Self.evidence(ofNameAround: name)
                judged[name] = .some(known)  // a name with no evidence is remembered too
            }
            guard let evidence = known else { return false }
            // Bare `token`/`key` names are everywhere in code: only a long value is worth lexing for.
            return Self.valueFollows(bytes, from: hit.end, minimum: evidence == .strong ? 8 : 16)
        }
    }

    /// A byte of a name as the byte-level gates read it: identifier bytes, `-` and `.`.
    private static func isNameByte(_ b: UInt8) -> Bool {
        ASCII.isIdentifierByte(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
    }

    /// The whole name around a keyword hit (`key` in `api_key`, `monkey`, `keyboard`) must be
    /// one this rule reports, judged on bytes before the file is lexed: `key`/`token` hits in
    /// ordinary names were the main reason files got lexed.
    static func credentialNameAround(_ bytes: [UInt8], _ hit: KeywordPrefilter.Hit) -> NameEvidence? {
        evidence(ofNameAround: nameAround(bytes, hit))
    }

    /// The name bytes around a keyword hit (at most 80 on either side), as text.
    static func nameAround(_ bytes: [UInt8], _ hit: KeywordPrefilter.Hit) -> String {
        var start = hit.start, end = hit.end
        while start > 0 && hit.start - start < 80 && Self.isNameByte(bytes[start - 1]) { start -= 1 }
        while end < bytes.count && end - hit.end < 80 && Self.isNameByte(bytes[end]) { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// `evidence(ofName:)` for a name read around a hit, where command-line flags count as strong.
    static func evidence(ofNameAround name: String) -> NameEvidence? {
        if name.hasPrefix("-") { return .strong }  // command-line flags: `isCredentialFlag` decides after lexing
        return evidence(ofName: name)
    }

    /// Prepositions that relate a name's subject to a credential (`in` is left out: `signInToken`).
    static let relatingWords: Set<String> = ["to", "for", "from", "with", "into"]

    /// How much the name alone says about its value.
    enum NameEvidence { case strong, weak, auth }

    static func evidence(ofName name: String) -> NameEvidence? {
        let words = CredentialNames.words(name)
        if words.contains(where: CredentialNames.notRealWords.contains) { return nil }
        // `keyVaultToStoreSecrets`, `pathForToken`, `fileWithPassword`: a preposition before the
        // credential word makes the name about something related to a credential (a store, a
        // path), not the credential.
        if let credential = words.lastIndex(where: { CredentialNames.credentialWords.contains($0) || $0 == "key" }),
            words[..<credential].contains(where: Self.relatingWords.contains)
        {
            return nil
        }
        if CredentialNames.isCredentialName(name) && endsWithCredentialWord(name) { return .strong }
        if CredentialNames.isWeakCredentialName(name) { return .weak }
        // `auth:` (npm/yarn config, Go `auth` fields): a credential only for a token-shaped value.
        return words.last == "auth" ? .auth : nil
    }

    func find(_ context: FileContext, _ rule: RuleDefinition, _ matches: inout [RuleMatch]) {
        var evidence: [Int: NameEvidence] = [:]
        var candidates: [(named: NamedValue, name: String, value: String)] = []
        for named in context.facts.namedValues {
            // Cheapest test first: most names fail the credential-name check's byte prefilter.
            guard named.valueKind == .literal, context.facts.mayContainCredentialWord(named.nameText),
                case let name = context.facts.string(named.nameText),
                let strength = Self.isCredentialFlag(named, name: name) ? .strong : Self.evidence(ofName: name),
                Self.isIdentifierLike(name),
                // The appkey is `hardcoded-appkey`'s alone, also when a config turns that rule off.
                !HardcodedAppkeyRule.isAppKeyName(name)
            else { continue }
            evidence[candidates.count] = strength
            candidates.append((named, name, context.facts.string(named.valueText)))
        }
        // A name with many different literal values in one file is a table (test vectors,
        // fixtures, generated data), not configuration.
        var valuesByName: [String: Set<String>] = [:]
        var weakValueCounts: [String: Int] = [:]
        for (i, candidate) in candidates.enumerated() {
            valuesByName[candidate.name, default: []].insert(candidate.value)
            if evidence[i] == .weak { weakValueCounts[candidate.value, default: 0] += 1 }
        }
        for (i, (named, name, value)) in candidates.enumerated() where valuesByName[name, default: []].count <= 4 {
            let lower = value.lowercased()
            // Basic/Bearer rules
            if lower.hasPrefix("basic ") || lower.hasPrefix("bearer ") || lower.hasPrefix("token ") { continue }
            var strength = evidence[i] ?? .weak
            // A request header named `Token` or `X-Service-Key` is the request's credential, not
            // a cache or lexer key: the bare name is strong evidence there.
            if strength == .weak && named.isHeader && named.via != .binding { strength = .strong }
            // A GitHub/npm token whose checksum fails is no provider finding: likely made up.
            if let failing = ChecksummedTokenShape.failingChecksum(value) {
                guard LiteralSecretShape.isPlausibleLiteral(value, name: name) else { continue }
                matches.add(
                    range: named.valueRange, secret: named.valueRange,
                    message: rule.message("checksum", ["name": name, "provider": failing]), severity: .warning)
                continue
            }
            // The same for a provider prefix on a value the provider would never issue (length, alphabet).
            if let provider = MalformedProviderToken.provider(ofMalformed: value) {
                guard LiteralSecretShape.isPlausibleLiteral(value, name: name) else { continue }
                matches.add(
                    range: named.valueRange, secret: named.valueRange,
                    message: rule.message("malformed", ["name": name, "provider": provider]), severity: .warning)
                continue
            }
            switch strength {
            case .strong: guard LiteralSecretShape.looksLikeSecret(value, name: name) else { continue }
            case .weak:
                // The same value under bare `token`/`key` names again and again is example data (API specs).
                guard weakValueCounts[value, default: 0] <= 2,
                    LiteralSecretShape.looksLikeSecretForWeakName(value, name: name)
                else { continue }
            case .auth: continue
            }
            matches.add(
                range: named.valueRange, secret: named.valueRange,
                message: rule.message("literal", ["name": name]))
        }
    }

    /// Byte-level look past a keyword hit: the rest of the name, a closing quote or bracket,
    /// an assignment (`=`, `:`, `:=`, `=>`, `,` of a setter call, `: Type =`), then at least 8
    /// value bytes. Most `key`/`token` hits in code fail this without lexing the file.
    static func valueFollows(_ bytes: [UInt8], from start: Int, minimum: Int = 8) -> Bool {
        let n = bytes.count
        var i = start
        func skipSpaces() { while i < n && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 } }
        while i < n && Self.isNameByte(bytes[i]) { i += 1 }
        var closers = 0
        while i < n && closers < 2
            && (bytes[i] == 0x22 || bytes[i] == 0x27 || bytes[i] == 0x60 || bytes[i] == UInt8(ascii: "]")
                || bytes[i] == UInt8(ascii: ")"))
        { i += 1; closers += 1 }
        skipSpaces()
        // Go `var name string = …`: a declared type before the `=`.
        var typeEnd = i
        while typeEnd < n && ASCII.isIdentifierByte(bytes[typeEnd]) { typeEnd += 1 }
        if typeEnd > i {
            i = typeEnd
            skipSpaces()
        }
        guard i < n else { return false }
        // XML element text, also on the next line: `<apiToken>\n    value\n</apiToken>`.
        if bytes[i] == UInt8(ascii: ">") {
            i += 1
            while i < n && (bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D) { i += 1 }
            return valueBytes(bytes, from: i, upTo: minimum) >= minimum
        }
        // Makefile `?=`, `!=`, `+=`, `::=`, `:::=` and PHP `.=`.
        if i + 1 < n && "?!+.".utf8.contains(bytes[i]) && bytes[i + 1] == UInt8(ascii: "=") { i += 1 }
        while i + 1 < n && bytes[i] == UInt8(ascii: ":") && bytes[i + 1] == UInt8(ascii: ":") { i += 1 }
        switch bytes[i] {
        case UInt8(ascii: "="):
            i += 1
            if i < n && bytes[i] == UInt8(ascii: "=") { return false }  // comparison
            if i < n && bytes[i] == UInt8(ascii: ">") { i += 1 }
        case UInt8(ascii: ":"):
            i += 1
            if i < n && bytes[i] == UInt8(ascii: "=") { i += 1 }
            // `let secret: String = "…"`: step over a type annotation.
            skipSpaces()
            var j = i
            // Rust `&str`, `&'static str`.
            if j < n && bytes[j] == UInt8(ascii: "&") {
                j += 1
                if j < n && bytes[j] == UInt8(ascii: "'") {
                    while j < n && bytes[j] != 0x20 { j += 1 }
                    while j < n && bytes[j] == 0x20 { j += 1 }
                }
            }
            while j < n && (ASCII.isIdentifierByte(bytes[j]) || bytes[j] == UInt8(ascii: "?")) { j += 1 }
            var k = j
            while k < n && (bytes[k] == 0x20 || bytes[k] == 0x09) { k += 1 }
            if j > i && k < n && bytes[k] == UInt8(ascii: "=") { i = k + 1 }
        case UInt8(ascii: ","):
            i += 1
        case UInt8(ascii: "|"), UInt8(ascii: "?"):
            // An environment read's literal fallback: `process.env.API_KEY || "…"`, `getenv('X') ?: '…'`.
            let elvis = bytes[i] == UInt8(ascii: "?") && i + 1 < n && bytes[i + 1] == UInt8(ascii: ":")
            guard i + 1 < n, bytes[i + 1] == bytes[i] || elvis else { return false }
            i += 2
        default:
            return false
        }
        skipSpaces()
        // A YAML block scalar (`|`, `>-`, `|2`): the value starts on the next line.
        if i < n && (bytes[i] == UInt8(ascii: "|") || bytes[i] == UInt8(ascii: ">")) {
            i += 1
            while i < n && "+-0123456789".utf8.contains(bytes[i]) { i += 1 }
            while i < n && (bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D) { i += 1 }
        }
        // String prefixes (`b"…"`, `r'…'`, `@"…"`) and the opening quote.
        if i + 1 < n
            && (bytes[i] == UInt8(ascii: "b") || bytes[i] == UInt8(ascii: "r") || bytes[i] == UInt8(ascii: "@"))
            && (bytes[i + 1] == 0x22 || bytes[i + 1] == 0x27)
        {
            i += 1
        }
        if i < n && (bytes[i] == 0x22 || bytes[i] == 0x27 || bytes[i] == 0x60) { i += 1 }
        return valueBytes(bytes, from: i, upTo: minimum) >= minimum
    }

    /// Value bytes at `start` up to a space, line break or quote, counted to `limit`.
    private static func valueBytes(_ bytes: [UInt8], from start: Int, upTo limit: Int) -> Int {
        var i = start, length = 0
        while i < bytes.count && length < limit {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x22 || b == 0x27 || b == 0x60 { break }
            length += 1
            i += 1
        }
        return length
    }
}
