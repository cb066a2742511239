import Engine
import Facts
import Foundation
import Model
import Prefilter
import Support

/// `malformed-basic-auth`: an Authorization value the server will reject as "Invalid Basic auth
/// format": `Basic` followed by text that is not base64, base64 that decodes without a colon,
/// `id:secret` interpolated after `Basic ` without encoding, or a Reeflow `key_…:…` pair sent
/// with no scheme at all.
struct MalformedBasicAuthRule: StructuralRule {
    let messageFields: [String: Set<String>] = ["malformed": ["problem"]]

    /// Before lexing: a `basic ` followed by a value, or `key_` shortly after an `authorization`.
    func wantsFile(_ context: FileContext, _ rule: RuleDefinition) -> Bool {
        let bytes = context.file.bytes
        let keyPrefix = Array("key_".utf8)
        return context.hits(for: rule).contains { hit in
            if hit.end - hit.start == 5 {
                return hit.end + 1 < bytes.count && bytes[hit.end] == 0x20 && bytes[hit.end + 1] != 0x20
            }
            let window = Array(bytes[hit.end..<min(bytes.count, hit.end + 60)])
            return ASCII.find(keyPrefix, in: window, from: 0) != nil
        }
    }

    func find(_ context: FileContext, _ rule: RuleDefinition, _ matches: inout [RuleMatch]) {
        let facts = context.facts
        var reported = Set<Int>()
        func report(_ valueToken: Int, _ problem: String) {
            guard reported.insert(valueToken).inserted else { return }
            let range = facts.contentRange(of: valueToken)
            matches.add(range: range, message: rule.message("malformed", ["problem": problem]))
        }
        var authorizationValues: [Int] = []
        for set in facts.headerSets {
            for header in set.headers where header.name.lowercased() == "authorization" {
                if let v = header.valueToken { authorizationValues.append(v) }
            }
        }
        for named in facts.namedValues where facts.equalsIgnoringCase(named.nameText, "authorization") {
            authorizationValues.append(named.valueToken)
        }
        for valueToken in authorizationValues {
            let token = facts.tokens[valueToken]
            guard token.kind == .string else { continue }
            var text = facts.value(valueToken)
            // curl `-H "Authorization: Basic …"` keeps the header name in the token.
            if text.lowercased().hasPrefix("authorization:") { text = String(text.dropFirst("authorization:".count)) }
            text = text.trimmingSpaces
            if text.lowercased() == "basic", concatenatesUnencodedPair(after: valueToken, facts) {
                report(valueToken, "id:secret is put after 'Basic ' without base64 encoding")
            }
            if let problem = Self.problem(with: text, isTemplate: token.isTemplate) { report(valueToken, problem) }
        }
    }

    /// `'Basic ' + user + ':' + password`: the pair concatenated as is, with no encoder call
    /// (`btoa`, `base64_encode`, `Buffer.from(…).toString('base64')`) anywhere in the expression.
    private func concatenatesUnencodedPair(after valueToken: Int, _ facts: FileFacts) -> Bool {
        guard let op = facts.next(valueToken), facts.isPunct(op, "+") || facts.isPunct(op, ".") else { return false }
        var colon = false
        var i = op
        while i < facts.tokens.count, !facts.isPunct(i, ";"), !facts.isPunct(i, ","), !facts.isPunct(i, "}"),
            !facts.isPunct(i, ")"), i - op < 64
        {
            let word = (facts.tokens[i].kind == .string ? facts.value(i) : facts.text(i)).lowercased()
            if ["base64", "encode", "btoa", "b64"].contains(where: word.contains) { return false }
            if facts.tokens[i].kind == .string && word == ":" { colon = true }
            i = facts.isOpeningBracket(i) && facts.tokens[i].pairIndex > i ? facts.tokens[i].pairIndex + 1 : i + 1
        }
        return colon
    }

    /// What is wrong with an Authorization value, or nil when it is fine or cannot be judged.
    static func problem(with value: String, isTemplate: Bool) -> String? {
        let lower = value.lowercased()
        if lower.hasPrefix("key_"), value.contains(":"), !value.contains(" ") {
            return "a key id and secret sent with no scheme: send 'Basic ' + base64(key_id:secret)"
        }
        guard lower.hasPrefix("basic ") else { return nil }
        let payload = String(value.dropFirst(6)).trimmingSpaces
        // `Basic ${id}:${secret}`, `Basic key_…:{{secret}}`: the pair put in as is, never encoded
        // (unless an encoder call sits inside the interpolation).
        let loweredPayload = payload.lowercased()
        if payload.contains(":")
            && !["base64", "encode", "btoa", "b64"].contains(where: { loweredPayload.contains($0) })
        {
            return "id:secret is put after 'Basic ' without base64 encoding"
        }
        guard !isTemplate, !payload.isEmpty, !Placeholder.isPlaceholder(payload) else { return nil }
        // `Basic {base64(email:password)}`, `Basic <base64>`: a description of the value, not one.
        if let first = payload.first, "{<[(".contains(first) { return nil }
        guard let bytes = Base64.decode(payload) else { return "the value after 'Basic ' is not valid base64" }
        guard bytes.contains(UInt8(ascii: ":")) else {
            return "the value after 'Basic ' decodes to text without the ':' between id and secret"
        }
        return nil
    }
}
