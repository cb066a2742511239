import Engine
import Facts
import Foundation
import Model
import Prefilter
import Support

/// `hardcoded-bearer-token`: `Authorization: Bearer <literal>` in any string or header form, and
/// literal OAuth secrets (`client_secret`, `refresh_token`, `access_token`, `id_token`).
struct HardcodedBearerTokenRule: StructuralRule {
    let messageFields: [String: Set<String>] = ["bearer": [], "oauth": ["name"], "scheme": ["scheme"]]

    /// Authorization schemes other than Bearer whose parameter is a bare API token
    /// (`Authorization: Token …` in Django REST and GitHub, `SSWS` in Okta, `Bot` in Discord).
    static let tokenSchemes: Set<String> = [
        "token", "api-token", "apitoken", "api-key", "apikey", "key", "ssws", "bot",
    ]

    /// OAuth parameters whose values are credentials by definition (squashed, lower-case).
    static let oauthNames: Set<String> = [
        "clientsecret", "refreshtoken", "accesstoken", "idtoken", "oauthtoken", "consumersecret", "oauthsecret",
        "oauthclientsecret", "googleclientsecret", "githubclientsecret",
    ]

    func find(_ context: FileContext, _ rule: RuleDefinition, _ matches: inout [RuleMatch]) {
        let facts = context.facts
        var reported = Set<Int>()
        // Any literal string that is a whole Bearer credential: headers, variables, arguments.
        for (index, token) in facts.tokens.enumerated() where token.kind == .string && !token.isTemplate {
            let text = facts.value(of: token) ?? ""
            guard let credential = Self.bearerCredential(in: text), Self.isTokenShaped(credential) else { continue }
            let range = facts.contentRange(of: index, part: credential)
            guard reported.insert(range.lowerBound).inserted else { continue }
            matches.add(
                range: range, secret: range,
                message: rule.message("bearer"))
        }
        // A commented-out request (`# curl … -H "Authorization: Bearer …"`) leaks the token too;
        // in prose only the whole header form counts, not a mention of bearer tokens.
        for (index, token) in facts.tokens.enumerated() where token.kind == .comment {
            for credential in Self.bearerHeaderCredentials(in: facts.value(of: token) ?? "")
            where Self.isTokenShaped(credential) {
                let range = facts.contentRange(of: index, part: credential)
                guard reported.insert(range.lowerBound).inserted else { continue }
                matches.add(range: range, secret: range, message: rule.message("bearer"))
            }
        }
        for named in facts.namedValues where named.valueKind == .literal {
            let name = facts.string(named.nameText), value = facts.string(named.valueText)
            if name.lowercased().hasSuffix("authorization"),
                let (scheme, credential) = Self.schemeCredential(value),
                reported.insert(named.valueRange.lowerBound).inserted
            {
                let range = facts.contentRange(of: named.valueToken, part: credential)
                matches.add(range: range, secret: range, message: rule.message("scheme", ["scheme": scheme]))
                continue
            }
            let squashed = Self.squashedLowercase(name)
            guard HardcodedSecretRule.isIdentifierLike(name),
                Self.oauthNames.contains(where: { squashed.hasSuffix($0) }),
                LiteralSecretShape.looksLikeSecret(value, name: name),
                reported.insert(named.valueRange.lowerBound).inserted
            else { continue }
            matches.add(
                range: named.valueRange, secret: named.valueRange,
                message: rule.message("oauth", ["name": name]))
        }
    }

    /// A Bearer parameter that is a token, not a stand-in: plausible, not words, at least 12
    /// characters with a digit (or 24 without).
    static func isTokenShaped(_ credential: String) -> Bool {
        LiteralSecretShape.isPlausibleLiteral(credential) && !LiteralSecretShape.isMadeOfWords(credential)
            && credential.count >= 12 && (credential.contains(where: \.isNumber) || credential.count >= 24)
    }

    /// The tokens of every `Authorization: Bearer <token>` written in a text (a comment line).
    static func bearerHeaderCredentials(in text: String) -> [String] {
        guard text.containsIgnoringASCIICase("bearer") else { return [] }
        var result: [String] = []
        var rest = Substring(text)
        while let header = rest.range(of: "authorization:", options: .caseInsensitive) {
            rest = rest[header.upperBound...]
            let scheme = rest.drop(while: { $0 == " " || $0 == "\t" })
            guard scheme.lowercased().hasPrefix("bearer ") else { continue }
            let credential = scheme.dropFirst(7).drop(while: { $0 == " " }).prefix {
                $0.isLetter || $0.isNumber || "-._~+/=".contains($0)
            }
            if !credential.isEmpty { result.append(String(credential)) }
        }
        return result
    }

    /// The name's letters and digits, lower-case (`Client_Secret` → `clientsecret`); ASCII
    /// names, nearly all, on bytes: Character properties per name were 2 % of a scan.
    static func squashedLowercase(_ name: String) -> String {
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else {
            return name.lowercased().filter { $0.isLetter || $0.isNumber }
        }
        return String(decoding: name.utf8.lazy.filter(ASCII.isAlphanumeric).map { $0 | 0x20 }, as: UTF8.self)
    }

    /// `Token 9f3a…` → (`Token`, `9f3a…`) when the scheme is one of `tokenSchemes` and the
    /// parameter is a plausible literal token (digits, at least 16 characters, not words).
    static func schemeCredential(_ value: String) -> (String, String)? {
        let parts = value.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, tokenSchemes.contains(parts[0].lowercased()) else { return nil }
        let credential = String(parts[1])
        guard credential.count >= 16, credential.contains(where: \.isNumber),
            credential.allSatisfy({ $0.isLetter || $0.isNumber || "-._~+/=".contains($0) }),
            LiteralSecretShape.looksLikeSecret(credential, name: "api_token"),
            !LiteralSecretShape.isMadeOfWords(credential)
        else { return nil }
        return (String(parts[0]), credential)
    }

    /// The token of `Bearer <token>` or `Authorization: Bearer <token>` when that is the whole text.
    static func bearerCredential(in text: String) -> String? {
        // Nearly no literal names Bearer: a byte test spares the rest `lowercased()` copies.
        guard text.containsIgnoringASCIICase("bearer") else { return nil }
        var rest = Substring(text).drop(while: \.isWhitespace)
        if rest.lowercased().hasPrefix("authorization:") {
            rest = rest.dropFirst("authorization:".count).drop(while: \.isWhitespace)
        }
        guard rest.lowercased().hasPrefix("bearer ") else { return nil }
        let token = rest.dropFirst(7).trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty, token.allSatisfy({ $0.isLetter || $0.isNumber || "-._~+/=".contains($0) }) else {
            return nil
        }
        return token
    }
}
