import Engine
import Facts
import Foundation
import Model
import Prefilter
import Support

/// `hardcoded-basic-auth`: Basic credentials written literally: `Basic <base64 of id:secret>`
/// (decoded and checked, in strings and comments alike), a literal `id:secret` handed to a
/// base64 encoder, and `curl -u id:secret`. Messages name the kind of id, never the secret.
struct HardcodedBasicAuthRule: StructuralRule {
    let messageFields: [String: Set<String>] = ["literal": ["identity", "how"]]

    /// Calls that base64-encode their argument (last path segment, or the whole path).
    static let encoders: Set<String> = [
        "btoa", "b64encode", "standard_b64encode", "urlsafe_b64encode", "encodebytes", "base64EncodedString",
        "EncodeToString", "encodeToString", "encode64", "strict_encode64", "base64_encode", "ToBase64String",
        "encodeBase64",
        "encodeBase64String", "toBase64",
    ]

    func find(_ context: FileContext, _ rule: RuleDefinition, _ matches: inout [RuleMatch]) {
        let facts = context.facts
        var reported = Set<Int>()
        func report(_ range: Range<Int>, _ identity: String, _ how: String) {
            guard reported.insert(range.lowerBound).inserted else { return }
            matches.add(
                range: range, secret: range,
                message: rule.message("literal", ["identity": LiteralSecretShape.kindOfIdentity(identity), "how": how]))
        }
        // 1. `Basic dXNlcjpwYXNz` in strings, comments and prose.
        for (index, token) in facts.tokens.enumerated()
        where (token.kind == .string && !token.isTemplate) || token.kind == .comment {
            let text = facts.value(of: token) ?? facts.text(index)
            guard text.containsBytes("Basic ") || text.containsBytes("basic ") else { continue }
            for encoded in Self.basicPayloads(in: text) {
                guard let (identity, _) = Self.decodedPair(encoded) else { continue }
                report(facts.contentRange(of: index, part: encoded), identity, "Authorization: Basic header value")
            }
        }
        // 2. `btoa("id:secret")`, `base64.b64encode(b"id:secret")`, `Data("id:secret".utf8).base64EncodedString()`.
        for call in facts.calls where Self.encoders.contains(call.name) || call.callee.hasSuffix("Buffer.from") {
            if call.callee.hasSuffix("Buffer.from") {
                // Only when the buffer is turned into base64 right away.
                let after = facts.tokens[(call.closeParen + 1)..<min(facts.tokens.count, call.closeParen + 8)]
                guard after.contains(where: { (facts.value(of: $0) ?? "") == "base64" }) else { continue }
            }
            // The literal is an argument, or inside the receiver: `Data("id:secret".utf8).base64EncodedString()`.
            var searchRange = call.openParen..<call.closeParen
            if let dot = facts.previous(call.calleeStart), facts.isPunct(dot, "."), let close = facts.previous(dot),
                facts.isPunct(close, ")"), facts.tokens[close].pairIndex >= 0, facts.tokens[close].pairIndex < close
            {
                searchRange = facts.tokens[close].pairIndex..<call.closeParen
            }
            // Not an interpolated string, whatever marks it (`${…}`, `f"…"`, C# `$"{opts.Id}:{opts.Secret}"`).
            for index in searchRange
            where facts.tokens[index].kind == .string && !facts.tokens[index].isTemplate
                && facts.templateHoles(of: index).isEmpty
            {
                let value = facts.value(index)
                guard let (identity, secret) = Self.pair(value),
                    LiteralSecretShape.isPlausibleLiteral(secret, name: identity)
                else {
                    continue
                }
                report(facts.contentRange(of: index), identity, "id:secret passed to a base64 encoder")
            }
        }
        // 3. npm's `_auth=<base64 of user:password>` and other `…auth` names holding an encoded pair.
        for named in facts.namedValues where named.valueKind == .literal {
            let name = facts.string(named.nameText)
            guard CredentialNames.words(name).last == "auth" else { continue }
            let value = facts.string(named.valueText)
            guard value.count >= 8, let (identity, _) = Self.decodedPair(value) else { continue }
            report(named.valueRange, identity, "base64 id:secret in \(name)")
        }
        // 4. `curl -u id:secret`.
        for set in facts.curlHeaderSets {
            for header in set.headers where header.value == "Basic (from -u)" {
                guard let valueIndex = header.valueToken,
                    let (word, range) = Self.shellWord(facts, from: valueIndex)
                        ?? Self.literalBeforeVariable(facts, valueIndex)
                else { continue }
                if let (identity, secret) = Self.pair(word),
                    // `test:test`, `user:pass`: demo pairs, the user name repeated or a stand-in word.
                    LiteralSecretShape.isPlausibleLiteral(secret, name: identity)
                {
                    report(range, identity, "curl -u")
                } else if word.hasSuffix(":"), Self.pair(word + "x") != nil,
                    // `-u sk_live_…:`: an API key sent as the user name with an empty password.
                    LiteralSecretShape.looksLikeSecret(String(word.dropLast()), name: "api_key")
                {
                    report(range, String(word.dropLast()), "curl -u with an empty password")
                }
            }
        }
    }

    /// The shell word starting at token `index`: quoted and bare parts written together
    /// (`kevin:'pRf7…'`) are one word. Nil when a part is a template or not a literal.
    static func shellWord(_ facts: FileFacts, from index: Int) -> (String, Range<Int>)? {
        var word = "", last = index, k = index
        while k < facts.tokens.count, k == index || facts.tokens[k].start == facts.tokens[k - 1].end {
            let token = facts.tokens[k]
            guard !token.isTemplate,
                token.kind == .string || token.kind == .identifier || token.kind == .number
                    || (token.kind == .punctuation && facts.text(k) == ":")
            else { break }
            word += token.kind == .punctuation ? facts.text(k) : facts.value(k)
            last = k
            k += 1
        }
        guard facts.tokens[index].kind == .string || last > index, !word.isEmpty else { return nil }
        let range =
            last == index ? facts.contentRange(of: index) : facts.tokens[index].start..<facts.tokens[last].end
        return (word, range)
    }

    /// `-u elastic:Xk3p@ss$1`: the pair written literally up to a trailing shell variable, which
    /// only appends to a password already in the source. Nil when the variable comes before
    /// the colon or the secret has fewer than 6 literal characters (`admin:$PASS`).
    static func literalBeforeVariable(_ facts: FileFacts, _ index: Int) -> (String, Range<Int>)? {
        let token = facts.tokens[index]
        guard token.kind == .string, token.isTemplate, let value = facts.value(of: token),
            let dollar = value.firstIndex(of: "$"), let colon = value.firstIndex(of: ":"), colon < dollar,
            value.distance(from: colon, to: dollar) > 6
        else { return nil }
        let literal = String(value[..<dollar])
        return (literal, facts.contentRange(of: index, part: literal))
    }

    /// Base64 payloads following `Basic ` in a text.
    static func basicPayloads(in text: String) -> [String] {
        var result: [String] = []
        var rest = Substring(text)
        while let range = rest.range(of: "Basic ", options: .caseInsensitive) {
            let payload = rest[range.upperBound...].prefix {
                $0.isLetter || $0.isNumber || $0 == "+" || $0 == "/" || $0 == "="
            }
            if payload.count >= 8 { result.append(String(payload)) }
            rest = rest[range.upperBound...]
        }
        return result
    }

    /// `id:secret` decoded from base64, when the secret is a plausible literal.
    static func decodedPair(_ encoded: String) -> (String, String)? {
        guard let bytes = Base64.decode(encoded), let text = String(validating: bytes, as: UTF8.self),
            let (identity, secret) = pair(text), LiteralSecretShape.isPlausibleLiteral(secret, name: identity)
        else { return nil }
        return (identity, secret)
    }

    /// Splits `id:secret` (printable, no spaces, non-empty secret).
    static func pair(_ text: String) -> (String, String)? {
        guard let colon = text.firstIndex(of: ":"),
            text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F })
        else { return nil }
        let identity = String(text[..<colon]), secret = String(text[text.index(after: colon)...])
        guard !secret.isEmpty, !secret.contains("//"), !identity.contains("/") else { return nil }
        return (identity, secret)
    }
}
