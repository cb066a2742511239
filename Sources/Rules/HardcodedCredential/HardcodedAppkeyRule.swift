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
        let facts = context.facts
        for named in facts.namedValues where named.valueKind == .literal {
            let name = facts.string(named.nameText)
            guard Self.isAppKeyName(name) else { continue }
            let value = facts.string(named.valueText)
            guard LiteralSecretShape.isPlausibleLiteral(value, name: name),
                !LiteralSecretShape.looksLikeIdentifierPath(value)
            else { continue }
            matches.add(
                range: named.valueRange, secret: named.valueRange,
                message: rule.message("literal", ["name": name]))
        }
    }
}
