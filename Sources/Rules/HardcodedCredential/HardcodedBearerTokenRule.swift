import Engine
import Facts
import Foundation
import Model
import Prefilter
import Support

/// `hardcoded-bearer-token`: `Authorization: Bearer <literal>` in any string or header form, and
/// literal OAuth secrets (`client_secret`, `refresh_token`, `access_token`, `id_token`).
struct HardcodedBearerTokenRule: StructuralRule {
    let messageFields: [String: Set<String>] = ["bearer": [], "oauth": ["name"]]

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
            let text = token.value ?? ""
            guard let credential = Self.bearerCredential(in: text), LiteralSecretShape.isPlausibleLiteral(credential),
                !LiteralSecretShape.isMadeOfWords(credential),
                credential.count >= 12, credential.contains(where: \.isNumber) || credential.count >= 24
            else { continue }
            let range = facts.contentRange(of: index, part: credential)
            guard reported.insert(range.lowerBound).inserted else { continue }
            matches.add(
                range: range, secret: range,
                message: rule.message("bearer"))
        }
        for named in facts.namedValues where named.valueKind == .literal {
            let squashed = named.name.lowercased().filter { $0.isLetter || $0.isNumber }
            guard HardcodedSecretRule.isIdentifierLike(named.name),
                Self.oauthNames.contains(where: { squashed.hasSuffix($0) }),
                LiteralSecretShape.looksLikeSecret(named.value, name: named.name),
                reported.insert(named.valueRange.lowerBound).inserted
            else { continue }
            matches.add(
                range: named.valueRange, secret: named.valueRange,
                message: rule.message("oauth", ["name": named.name]))
        }
    }

    /// The token of `Bearer <token>` or `Authorization: Bearer <token>` when that is the whole text.
    static func bearerCredential(in text: String) -> String? {
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
