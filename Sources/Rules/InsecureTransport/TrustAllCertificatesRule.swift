import Engine
import Facts
import Model
import Prefilter
import Support

/// `trust-all-certificates`: code that answers "is this certificate / host name OK?" with yes
/// without looking: an empty JVM `checkServerTrusted`, a `HostnameVerifier` returning true, the
/// library trust-all helpers, .NET validation callbacks returning true, and a Swift
/// `URLSessionDelegate` that hands back the server's trust unevaluated.
struct TrustAllCertificatesRule: StructuralRule {
    let messageFields: [String: Set<String>] = [
        "emptyCheck": [], "verifyTrue": [], "callbackTrue": ["name"], "trustAllType": ["name"], "allowAllVerifier": [],
        "unevaluatedTrust": [],
    ]

    /// Library types and constants that accept everything (used, not merely imported).
    static let trustAllTypes: Set<String> = [
        "NoopHostnameVerifier", "AllowAllHostnameVerifier", "TrustAllStrategy", "InsecureTrustManagerFactory",
        // Alamofire's explicit opt-outs.
        "DisabledTrustEvaluator", "DisabledEvaluator",
    ]
    /// Setters / properties whose lambda argument decides trust.
    static let verifierHooks: Set<String> = [
        "HostnameVerifier", "hostnameVerifier", "setHostnameVerifier", "setDefaultHostnameVerifier",
        "loadTrustMaterial",
        "ServerCertificateCustomValidationCallback", "ServerCertificateValidationCallback",
        "RemoteCertificateValidationCallback",
        "setSSLHostnameVerifier",
    ]
    /// Identifiers that show a Swift delegate inspects the trust before using it: evaluation
    /// (`SecTrustEvaluateWithError`, an evaluator), pinning (`pinnedKeys`, `isPinned`), or reading
    /// the certificates to compare them.
    static let evaluationMarkers = [
        "Evaluat", "evaluat", "Pin", "PIN", "SecTrustCopyCertificateChain", "SecTrustGetCertificateAtIndex",
        "SecCertificateCopyData", "SecTrustCopyKey", "SecTrustCopyPublicKey", "SecPolicyCreate",
    ]

    static func isEvaluation(_ name: String) -> Bool {
        name.hasPrefix("pin") || evaluationMarkers.contains { name.contains($0) }
    }

    func find(_ context: FileContext, _ rule: RuleDefinition, _ matches: inout [RuleMatch]) {
        let facts = context.facts
        let severity = rule.severity
        let tokens = facts.tokens
        for hitToken in InsecureTransportRules.hitTokens(context, rule) where tokens[hitToken].kind == .identifier {
            var i = hitToken
            var name = facts.text(i)
            // `verify(String host, SSLSession session)`: the keyword hit is the parameter type.
            if name == "SSLSession", let open = enclosingParen(of: i, facts), let method = facts.previous(open),
                tokens[method].kind == .identifier, facts.text(method) == "verify"
            {
                i = method
                name = "verify"
            }
            var reason: String?
            var end = tokens[i].end
            if name == "checkServerTrusted", let close = emptyMethodBody(after: i, facts) {
                reason = rule.message("emptyCheck")
                end = tokens[close].end
            } else if name == "verify", let close = returnsTrue(method: i, facts) {
                reason = rule.message("verifyTrue")
                end = tokens[close].end
            } else if Self.verifierHooks.contains(name), let close = lambdaReturningTrue(after: i, facts) {
                reason = rule.message("callbackTrue", ["name": name])
                end = tokens[close].end
            } else if Self.trustAllTypes.contains(name), let next = facts.next(i),
                facts.isPunct(next, "(") || facts.isPunct(next, ".")
            {
                reason = rule.message("trustAllType", ["name": name])
            } else if name == "ALLOW_ALL_HOSTNAME_VERIFIER", let dot = facts.previous(i), facts.isPunct(dot, "."),
                !isImport(i, facts)
            {
                reason = rule.message("allowAllVerifier")
            } else if name == "URLCredential", let close = unevaluatedTrustCredential(at: i, facts) {
                reason = rule.message("unevaluatedTrust")
                end = tokens[close].end
            }
            if let reason {
                matches.add(range: tokens[i].start..<end, message: reason, severity: severity)
            }
        }
    }

    /// `checkServerTrusted(...) [throws ...] { }` (only comments or `return;` inside), Kotlin `= Unit`:
    /// the closing token, or nil for a call or a non-empty body.
    private func emptyMethodBody(after i: Int, _ facts: FileFacts) -> Int? {
        guard let open = facts.next(i), facts.isPunct(open, "("), facts.tokens[open].pairIndex > open,
            var k = facts.next(facts.tokens[open].pairIndex)
        else { return nil }
        // A declaration continues with `{`, `= Unit`, `throws X, Y {` or Kotlin's `: Unit {`; a call does not.
        if facts.text(k) == "throws" || facts.isPunct(k, ":") {
            while let n = facts.next(k),
                facts.tokens[n].kind == .identifier || facts.isPunct(n, ",") || facts.isPunct(n, ".")
            { k = n }
            guard let n = facts.next(k) else { return nil }
            k = n
        }
        if facts.isPunct(k, "="), let value = facts.next(k), facts.text(value) == "Unit" { return value }
        guard facts.isPunct(k, "{") else { return nil }
        let close = facts.tokens[k].pairIndex
        guard close > k else { return nil }
        let body = ((k + 1)..<close).filter { facts.tokens[$0].kind != .comment }
        if body.isEmpty { return close }
        if body.count <= 2, facts.text(body[0]) == "return", body.count == 1 || facts.isPunct(body[1], ";") {
            return close
        }
        return nil
    }

    /// `verify(String host, SSLSession session) { return true; }` / Kotlin `...): Boolean = true`.
    private func returnsTrue(method i: Int, _ facts: FileFacts) -> Int? {
        guard let open = facts.next(i), facts.isPunct(open, "("), facts.tokens[open].pairIndex > open else {
            return nil
        }
        let close = facts.tokens[open].pairIndex
        guard
            ((open + 1)..<close).contains(where: {
                facts.tokens[$0].kind == .identifier && facts.text($0) == "SSLSession"
            })
        else { return nil }
        var k = close + 1
        while k < facts.tokens.count && k - close < 6 && !facts.isPunct(k, "{") && !facts.isPunct(k, "=") { k += 1 }
        guard k < facts.tokens.count else { return nil }
        if facts.isPunct(k, "="), let value = facts.next(k), facts.text(value) == "true" { return value }
        guard facts.isPunct(k, "{"), facts.tokens[k].pairIndex > k else { return nil }
        let body = ((k + 1)..<facts.tokens[k].pairIndex).filter { facts.tokens[$0].kind != .comment }
        guard body.count >= 2, facts.text(body[0]) == "return", facts.text(body[1]) == "true",
            body.count == 2 || (body.count == 3 && facts.isPunct(body[2], ";"))
        else { return nil }
        return facts.tokens[k].pairIndex
    }

    /// A lambda / delegate right after a verifier hook whose whole result is `true`:
    /// `(h, s) -> true`, `{ _, _ -> true }`, `(a, b, c, d) => true`, `delegate { return true; }`.
    private func lambdaReturningTrue(after i: Int, _ facts: FileFacts) -> Int? {
        guard var start = facts.next(i) else { return nil }
        // `x.Callback = …` / `+= …`: skip the operator.
        if facts.isPunct(start, "+"), let eq = facts.next(start), facts.isPunct(eq, "=") { start = eq }
        let limit: Int
        if facts.isPunct(start, "(") || facts.isPunct(start, "{") {
            guard facts.tokens[start].pairIndex > start else { return nil }
            limit = facts.tokens[start].pairIndex
        } else if facts.isPunct(start, "=") {
            limit = min(facts.tokens.count - 1, start + 40)
        } else {
            return nil
        }
        var k = start + 1
        while k < limit {
            if facts.isPunct(k, ";") && !facts.isPunct(start, "{") && !facts.isPunct(start, "(") { return nil }
            if facts.isPunct(k, "->") || facts.isPunct(k, "=>"), let value = facts.next(k) {
                if facts.text(value) == "true", let after = facts.next(value),
                    facts.isPunct(after, ")") || facts.isPunct(after, "}") || facts.isPunct(after, ",")
                        || facts.isPunct(after, ";")
                {
                    return value
                }
                if facts.isPunct(value, "{"), let close = bodyReturningTrue(value, facts) { return close }
            }
            if facts.text(k) == "delegate", let brace = facts.next(k) {
                var b = brace
                if facts.isPunct(b, "("), facts.tokens[b].pairIndex > b, let n = facts.next(facts.tokens[b].pairIndex) {
                    b = n
                }
                if facts.isPunct(b, "{"), let close = bodyReturningTrue(b, facts) { return close }
            }
            k += 1
        }
        return nil
    }

    private func bodyReturningTrue(_ open: Int, _ facts: FileFacts) -> Int? {
        let close = facts.tokens[open].pairIndex
        guard close > open else { return nil }
        let body = ((open + 1)..<close).filter { facts.tokens[$0].kind != .comment }
        guard body.count >= 2, facts.text(body[0]) == "return", facts.text(body[1]) == "true",
            body.count == 2 || (body.count == 3 && facts.isPunct(body[2], ";"))
        else { return nil }
        return close
    }

    private func enclosingParen(of i: Int, _ facts: FileFacts) -> Int? {
        var k = i - 1
        while k >= 0 && i - k < 60 {
            if facts.isPunct(k, "(") && facts.tokens[k].pairIndex > i { return k }
            if facts.isPunct(k, ")") || facts.isPunct(k, "{") || facts.isPunct(k, "}") { return nil }
            k -= 1
        }
        return nil
    }

    private func isImport(_ i: Int, _ facts: FileFacts) -> Bool {
        let line = facts.file.lineText(facts.file.line(at: facts.tokens[i].start)).trimmingCharacters(in: .whitespaces)
        return line.hasPrefix("import ")
    }

    /// `URLCredential(trust: …)` inside a function or closure that also answers `.useCredential`
    /// and never evaluates or pins the trust (nor limits itself to a loopback host).
    private func unevaluatedTrustCredential(at i: Int, _ facts: FileFacts) -> Int? {
        guard let open = facts.next(i), facts.isPunct(open, "("), let label = facts.next(open),
            facts.text(label) == "trust",
            let colon = facts.next(label), facts.isPunct(colon, ":"), facts.tokens[open].pairIndex > open
        else { return nil }
        guard let body = enclosingBody(of: i, facts) else { return nil }
        var answersUseCredential = false
        for k in body {
            let token = facts.tokens[k]
            if token.kind == .identifier {
                let name = facts.text(k)
                if name == "useCredential", let dot = facts.previous(k), facts.isPunct(dot, ".") {
                    answersUseCredential = true
                }
                if Self.isEvaluation(name) { return nil }
            } else if token.kind == .string, let v = facts.value(of: token),
                ["localhost", "127.0.0.1", "::1"].contains(v)
            {
                return nil
            }
        }
        return answersUseCredential ? facts.tokens[open].pairIndex : nil
    }

    /// Token range of the `func` body containing `i`, or else of the innermost `{ … }` around it.
    private func enclosingBody(of i: Int, _ facts: FileFacts) -> Range<Int>? {
        var innermost: Range<Int>?
        var depth = 0
        var k = i - 1
        while k >= 0 {
            if facts.isPunct(k, "}") {
                depth += 1
            } else if facts.isPunct(k, "{") {
                if depth == 0 {
                    let close = facts.tokens[k].pairIndex
                    guard close > i else { return innermost }
                    if innermost == nil { innermost = (k + 1)..<close }
                    // A function body: `func name(…) … {`.
                    var p = k - 1
                    var steps = 0
                    while p >= 0 && steps < 40 && !facts.isPunct(p, "{") && !facts.isPunct(p, "}") {
                        if facts.tokens[p].kind == .identifier && facts.text(p) == "func" { return (k + 1)..<close }
                        if facts.isPunct(p, ")") && facts.tokens[p].pairIndex >= 0 { p = facts.tokens[p].pairIndex }
                        p -= 1
                        steps += 1
                    }
                } else {
                    depth -= 1
                }
            }
            k -= 1
        }
        return innermost
    }
}
