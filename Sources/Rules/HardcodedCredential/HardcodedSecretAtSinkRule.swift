import Engine
import Facts
import Model
import Prefilter
import Support

/// `hardcoded-secret-at-sink`: a string literal handed to an API whose parameter is a secret by
/// definition (JWT signing and verification keys, HMAC keys, session and cookie secrets,
/// database passwords, Basic-auth passwords), directly or through one local binding
/// (`const secret = 'shhhhh'; jwt.sign(p, secret)`). The sink is the evidence, so the value
/// needs no entropy: `"secret"` signs tokens anyone can forge.
struct HardcodedSecretAtSinkRule: StructuralRule {
    let messageFields: [String: Set<String>] = ["literal": ["sink"], "usedAt": ["sink"]]

    /// One API parameter that takes a secret: a callee path suffix (lower-cased, matched on
    /// whole segments) and the argument position, or the keyword / object key naming it.
    struct Sink {
        var callee: String
        var position: Int?
        var keyword: String?
        /// HMAC keys in test code are test vectors (RFC 4231 `"Jefe"`), not configuration.
        var skipInTests = false
    }

    static let sinks: [Sink] = [
        // JWT: jsonwebtoken, PyJWT, ruby-jwt, firebase/php-jwt, jjwt, java-jwt, golang-jwt.
        Sink(callee: "jwt.sign", position: 1), Sink(callee: "jwt.verify", position: 1),
        Sink(callee: "jwt.encode", position: 1), Sink(callee: "jwt.decode", position: 1),
        Sink(callee: "jwt.decode", keyword: "key"), Sink(callee: "jwt.encode", keyword: "key"),
        Sink(callee: "algorithm.hmac256", position: 0), Sink(callee: "algorithm.hmac384", position: 0),
        Sink(callee: "algorithm.hmac512", position: 0), Sink(callee: "setsigningkey", position: 0),
        Sink(callee: "signwith", position: 1), Sink(callee: "signedstring", position: 0),
        Sink(callee: "jwtstrategy", keyword: "secretorkey"), Sink(callee: "expressjwt", keyword: "secret"),
        Sink(callee: "jwt", keyword: "secret"), Sink(callee: "hs256", keyword: "key"),
        // HMAC keys.
        Sink(callee: "crypto.createhmac", position: 1, skipInTests: true),
        Sink(callee: "hmac.new", position: 0, skipInTests: true),
        Sink(callee: "hmac.new", keyword: "key", skipInTests: true),
        Sink(callee: "openssl.hmac.hexdigest", position: 1, skipInTests: true),
        Sink(callee: "openssl.hmac.digest", position: 1, skipInTests: true),
        Sink(callee: "hash_hmac", position: 2, skipInTests: true),
        Sink(callee: "secretkeyspec", position: 0, skipInTests: true),
        Sink(callee: "symmetricsecuritykey", position: 0), Sink(callee: "hmacsha256", position: 0, skipInTests: true),
        // Sessions and cookies.
        Sink(callee: "session", keyword: "secret"), Sink(callee: "cookiesession", keyword: "secret"),
        Sink(callee: "cookiesession", keyword: "keys"), Sink(callee: "cookieparser", position: 0),
        // Database connections and Basic auth.
        Sink(callee: "drivermanager.getconnection", position: 2), Sink(callee: "pdo", position: 2),
        Sink(callee: "mysqli_connect", position: 2), Sink(callee: "mysqli", position: 2),
        Sink(callee: "connect", keyword: "password"), Sink(callee: "connect", keyword: "passwd"),
        Sink(callee: "createconnection", keyword: "password"), Sink(callee: "createpool", keyword: "password"),
        Sink(callee: "setbasicauth", position: 1), Sink(callee: "httpbasicauth", position: 1),
        Sink(callee: "basicauth", position: 1),
    ]

    /// The sinks by the last segment of their callee: most calls are looked up and dropped at once.
    static let sinksByName: [String: [Sink]] = Dictionary(grouping: sinks) {
        String($0.callee.split(separator: ".").last ?? Substring($0.callee))
    }

    /// Calls and helpers that turn a literal into key bytes without changing what it is.
    static let wrappers: Set<String> = [
        "byte", "getbytes", "GetBytes", "Encoding", "UTF8", "utf8", "encode", "Data", "Buffer", "from", "bytes", "b",
        "str", "new", "StandardCharsets", "UTF_8", "toByteArray", "Convert", "FromBase64String",
    ]

    /// Sink words a keyword hit can be (each is itself a keyword of the rule): a hit of one shows
    /// the callee of some sink may occur.
    static let sinkKeywords: [[UInt8]] = [
        "jwt", "hmac", "session", "getconnection", "pdo", "mysqli", "basicauth", "signwith", "signingkey",
        "signedstring", "hs256", "secretkeyspec", "symmetricsecuritykey",
    ].map { Array($0.utf8) }
    /// Sink callees that contain no keyword of the rule (`connect`, `createConnection`,
    /// `createPool`, `cookieParser`), looked for in the bytes.
    static let sinkWordsWithoutKeyword = ["connect", "createpool", "cookieparser"]
    private static let wordsWithoutKeyword = WordMatcher(sinkWordsWithoutKeyword)

    /// Before lexing: a sink matches only a call whose callee holds the sink's name (ASCII case
    /// folded), so a file that names no sink (`password` in a form, `session` absent) cannot match.
    func wantsFile(_ context: FileContext, _ rule: RuleDefinition) -> Bool {
        let bytes = context.file.bytes
        for hit in context.hits(for: rule)
        where Self.sinkKeywords.contains(where: { word in
            word.count == hit.end - hit.start
                && word.indices.allSatisfy { ASCII.lowercase(bytes[hit.start + $0]) == word[$0] }
        }) {
            return true
        }
        return Self.namesSinkWithoutKeyword(bytes)
    }

    /// One pass over the bytes for every word of `sinkWordsWithoutKeyword`, ASCII case folded.
    static func namesSinkWithoutKeyword(_ bytes: [UInt8]) -> Bool { wordsWithoutKeyword.occurs(in: bytes) }

    func find(_ context: FileContext, _ rule: RuleDefinition, _ matches: inout [RuleMatch]) {
        let facts = context.facts
        let inTests = facts.role.isTestCode
        var literalBindings: [String: [Binding]] = [:]
        for binding in facts.bindings where binding.valueKind == .literal {
            literalBindings[facts.string(binding.nameText), default: []].append(binding)
        }
        var reported = Set<Int>()
        for call in facts.calls {
            guard let candidates = Self.sinksByName[call.name.lowercased()] else { continue }
            let callee = call.callee.lowercased()
            for sink in candidates where Self.calleeMatches(callee, sink.callee) && !(sink.skipInTests && inTests) {
                guard let argument = Self.argument(of: call, sink, facts) else { continue }
                guard
                    let (valueToken, value) = Self.literal(
                        in: argument, facts, bindings: literalBindings, before: call),
                    Self.isSecretValue(value), reported.insert(valueToken).inserted
                else { continue }
                let range = facts.contentRange(of: valueToken)
                // Bound to a name first: the call that hands it to the sink is the related location.
                let related =
                    argument.contains(valueToken)
                    ? []
                    : [
                        RelatedRange(
                            facts.tokens[call.calleeStart].start..<facts.tokens[call.closeParen].end,
                            rule.message("usedAt", ["sink": call.callee]))
                    ]
                matches.add(
                    range: range, secret: range, message: rule.message("literal", ["sink": call.callee]),
                    related: related)
            }
        }
    }

    /// `jwt.sign` matches any `sign` whose receiver path names jwt (`jwt.sign`, `jsonwt.sign`,
    /// `jose.JWT.sign`: modules are imported under any name); `session` matches `session` only.
    static func calleeMatches(_ callee: String, _ sink: String) -> Bool {
        guard let dot = sink.lastIndex(of: ".") else { return callee == sink || callee.hasSuffix("." + sink) }
        let name = sink[sink.index(after: dot)...], receiver = sink[..<dot]
        guard callee.hasSuffix("." + name) else { return false }
        return callee.dropLast(name.count + 1).contains(receiver)
    }

    /// The argument tokens of the sink's parameter: by position, or the value of `keyword=` /
    /// `keyword:` / `'keyword' =>` among the arguments or inside an object literal argument.
    static func argument(of call: Call, _ sink: Sink, _ facts: FileFacts) -> Range<Int>? {
        if let position = sink.position {
            guard position < call.arguments.count else { return nil }
            let argument = call.arguments[position]
            // A keyword argument in that position (`f(a, password="…")`) is judged by its keyword.
            if argument.count >= 2, facts.tokens[argument.lowerBound].kind == .identifier,
                facts.isPunct(argument.lowerBound + 1, "=") || facts.isPunct(argument.lowerBound + 1, ":")
            {
                return nil
            }
            return argument
        }
        guard let keyword = sink.keyword else { return nil }
        var k = call.openParen + 1
        while k + 2 <= call.closeParen {
            let token = facts.tokens[k]
            let name = token.kind == .string ? facts.value(k) : facts.text(k)
            if token.kind == .identifier || token.kind == .string, name.lowercased() == keyword,
                facts.isPunct(k + 1, "=") || facts.isPunct(k + 1, ":") || facts.isPunct(k + 1, "=>")
            {
                var end = k + 2
                while end < call.closeParen, !facts.isPunct(end, ","), !facts.isPunct(end, "}") {
                    if facts.isOpeningBracket(end), facts.tokens[end].pairIndex > end {
                        end = facts.tokens[end].pairIndex
                    }
                    end += 1
                }
                return (k + 2)..<end
            }
            k += 1
        }
        return nil
    }

    /// The one string literal an argument is made of (wrappers such as `[]byte(…)`,
    /// `.getBytes()`, `Encoding.UTF8.GetBytes(…)` allowed), or the literal a plain name in
    /// the argument was bound to earlier in the file.
    static func literal(
        in argument: Range<Int>, _ facts: FileFacts, bindings: [String: [Binding]], before call: Call
    ) -> (Int, String)? {
        var literal: Int?
        var names: [Int] = []
        for k in argument {
            let token = facts.tokens[k]
            switch token.kind {
            case .string:
                if token.isTemplate || literal != nil { return nil }
                literal = k
            case .identifier:
                if !wrappers.contains(facts.text(k)) { names.append(k) }
            case .punctuation: continue
            default: return nil
            }
        }
        if let literal, names.isEmpty { return (literal, facts.value(literal)) }
        // The nearest binding of the name before the call, at top level or in a scope the call
        // sees, to a whole literal (`key = "mrk-" + key` builds a value from one).
        guard literal == nil, names.count == 1,
            let binding = bindings[facts.text(names[0])]?.last(where: { $0.valueToken < call.openParen }),
            facts.tokens[binding.valueToken].kind == .string,
            facts.file.position(at: facts.tokens[binding.nameToken].start).column == 1
                || facts.sameScope(binding.nameToken, call.openParen),
            !continuesExpression(after: binding.valueToken, facts)
        else { return nil }
        return (binding.valueToken, facts.string(binding.valueText))
    }

    /// An operator or member access right after a literal: the value is built from it.
    static func continuesExpression(after index: Int, _ facts: FileFacts) -> Bool {
        guard let next = facts.next(index), facts.tokens[next].kind == .punctuation else { return false }
        return ["+", ".", "%", "*", "[", "(", "||", "??", "or", "&&"].contains(facts.text(next))
    }

    /// Any literal but the ones that stand for a value: empty, template syntax, env references,
    /// `your-…` / `changeme` placeholders, file paths.
    static func isSecretValue(_ raw: String) -> Bool {
        let value = raw.trimmingSpaces
        guard value.count >= 3, !FileFacts.looksLikeEnvironmentReference(value) else { return false }
        let lower = value.lowercased()
        if ["${", "{{", "<", "%s", "%(", "#{"].contains(where: lower.hasPrefix) { return false }
        if [
            "your", "changeme", "change_me", "change-me", "replace", "placeholder", "xxxx", "redacted", "****",
            "example", "dummy", "sample", "fake",
        ]
        .contains(where: lower.contains) {
            return false
        }
        if lower.hasPrefix("test") { return false }  // `test_password`: a test database's
        if value.hasPrefix("/") || value.hasPrefix("./") || lower.hasSuffix(".pem") || lower.hasSuffix(".key") {
            return false
        }
        return true
    }
}
