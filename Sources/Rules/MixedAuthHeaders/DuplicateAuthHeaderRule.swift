import Engine
import Facts
import Model
import Prefilter
import Support

/// `duplicate-auth-header`: one request sets the same credential header twice with different
/// values; which one the server sees depends on the client library (last wins, first wins, or
/// both are sent and the request is rejected).
struct DuplicateAuthHeaderRule: StructuralRule {
    let messageFields: [String: Set<String>] = ["twice": ["header"], "firstSet": ["header"]]

    /// The same header twice need at least two keyword hits; most files mention one header once.
    func wantsFile(_ context: FileContext, _ rule: RuleDefinition) -> Bool { context.hits(for: rule).count >= 2 }

    func find(_ context: FileContext, _ rule: RuleDefinition, _ matches: inout [RuleMatch]) {
        let facts = context.facts
        let extra = context.settings.credentialHeaders
        // OpenAPI requirement objects name schemes, not values: two OAuth2 schemes in one object
        // (Google's specs do this) share one bearer token rather than sending two.
        for set in facts.headerSets where set.origin != .openAPI {
            var seen: [String: HeaderSet.Header] = [:]
            for header in set.headers {
                guard CredentialNames.mechanism(ofHeader: header.name, extra: extra) != nil else { continue }
                let key = header.name.lowercased()
                guard let earlier = seen[key] else { seen[key] = header; continue }
                guard earlier.value != header.value else { continue }
                matches.add(
                    range: facts.range(of: header),
                    message: rule.message("twice", ["header": header.name]),
                    related: [
                        RelatedRange(facts.range(of: earlier), rule.message("firstSet", ["header": earlier.name]))
                    ])
            }
        }
    }
}
