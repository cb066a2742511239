import Engine
import Facts
import Model
import Prefilter
import Support

/// `hardcoded-appkey`: a literal Report Flow appkey, wherever it is bound: a variable or field
/// named like app_key, an `appkey` header in any header-setting form (object literal, setter
/// call, Swift `setValue(_:forHTTPHeaderField:)`, Go `Header.Set`, curl `-H`, `.http` line,
/// Postman key/value pair) or an `.env`/YAML/INI entry.
struct HardcodedAppkeyRule: StructuralRule {
    let messageFields: [String: Set<String>] = ["literal": ["name"]]

    static func isAppKeyName(_ name: String) -> Bool {
        let squashed = name.lowercased().filter { $0.isLetter || $0.isNumber }
        guard squashed.contains("appkey") else { return false }
        // `appKeyHeader`, `APP_KEY_NAME`, `appkey_env`: about the key, not the key.
        let words = CredentialNames.words(name)
        if let last = words.last, last != "key", last != "appkey", CredentialNames.metadataWords.contains(last) {
            return false
        }
        return true
    }

    func find(_ context: FileContext, _ rule: RuleDefinition, _ matches: inout [RuleMatch]) {
        for named in context.facts.namedValues where named.valueKind == .literal && Self.isAppKeyName(named.name) {
            guard LiteralSecretShape.isPlausibleLiteral(named.value, name: named.name),
                !LiteralSecretShape.looksLikeIdentifierPath(named.value)
            else { continue }
            matches.add(
                range: named.valueRange, secret: named.valueRange,
                message: rule.message("literal", ["name": named.name]))
        }
    }
}
