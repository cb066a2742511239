import Engine
import Facts
import Model
import Prefilter
import Support

/// `mixed-auth-headers`: one request carries two credential mechanisms (e.g. `Authorization` and
/// `X-API-Key`). Reeflow answers "400 Bad Request: Multiple credentials provided".
struct MixedAuthHeadersRule: StructuralRule {
    let messageFields: [String: Set<String>] = ["both": ["first", "second"], "firstSent": ["header"]]

    func find(_ context: FileContext, _ rule: RuleDefinition, _ matches: inout [RuleMatch]) {
        let facts = context.facts
        let extra = context.settings.credentialHeaders
        for set in facts.headerSets {
            var first: (header: HeaderSet.Header, mechanism: String)?
            for header in set.headers {
                guard let mechanism = CredentialNames.mechanism(ofHeader: header.name, extra: extra) else { continue }
                guard let earlier = first else { first = (header, mechanism); continue }
                guard earlier.mechanism != mechanism else { continue }
                matches.add(
                    range: facts.range(of: header),
                    message: rule.message("both", ["first": earlier.header.name, "second": header.name]),
                    related: [
                        RelatedRange(
                            facts.range(of: earlier.header), rule.message("firstSent", ["header": earlier.header.name]))
                    ])
                break
            }
        }
    }
}
