import Engine
import Facts
import Model
import Prefilter
import Support

/// `appkey-header-casing`: the Report Flow key sent as `AppKey`, `APPKEY`, `App-Key`, `app_key`…
/// Report Flow documents the header as lower-case `appkey`; proxies and some servers treat
/// other spellings as a different header (underscores are even dropped by nginx by default).
struct AppkeyHeaderCasingRule: StructuralRule {
    let messageFields: [String: Set<String>] = ["casing": ["name"]]

    static func isMisspelledAppKey(_ name: String) -> Bool {
        guard name != "appkey" else { return false }
        return FileFacts.isAppKeySpelling(name) && name.allSatisfy { $0.isLetter || $0 == "-" || $0 == "_" }
    }

    func find(_ context: FileContext, _ rule: RuleDefinition, _ matches: inout [RuleMatch]) {
        let facts = context.facts
        var reported = Set<Int>()
        func report(_ nameToken: Int, _ name: String) {
            guard Self.isMisspelledAppKey(name), reported.insert(nameToken).inserted else { return }
            let token = facts.tokens[nameToken]
            matches.add(
                range: token.start..<token.end,
                message: rule.message("casing", ["name": name]))
        }
        // Header sets (literals with another header, setters, curl, .http, Postman, nginx).
        for set in facts.headerSets {
            // An object literal counts as headers only when another member is a header too, so a
            // config field `AppKey: …` in a settings object is not mistaken for one.
            if set.origin == .literal
                && !set.headers.contains(where: {
                    CredentialNames.headers.contains($0.name.lowercased()) && !Self.isMisspelledAppKey($0.name)
                        || $0.name.lowercased() == "content-type" || $0.name.lowercased() == "accept"
                })
            {
                continue
            }
            for header in set.headers { report(header.nameToken, header.name) }
        }
        // Setter calls and curl/.http headers on their own.
        for named in facts.namedValues where named.isHeader && named.via != .binding {
            report(named.nameToken, facts.string(named.nameText))
        }
    }
}
