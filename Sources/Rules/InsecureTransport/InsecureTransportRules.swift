import Engine
import Facts
import Model
import Prefilter
import Support

/// Helpers shared by the insecure-transport rules.
public enum InsecureTransportRules {

    /// The file's `http://` URL uses that count: test code is full of URLs that are data (parser
    /// inputs, fixtures, fake servers), so there only those naming the product API's domain.
    static func httpURLUses(_ context: FileContext, apiHosts: [String]) -> [URLUse] {
        let uses = context.facts.httpURLUses
        guard context.role.isTestCode else { return uses }
        let policy = HostPolicy(apiHosts: apiHosts)
        return uses.filter { policy.isInAPIDomain($0.host) }
    }

    /// Indices of the non-comment tokens that contain one of the rule's keyword hits, in order.
    /// Rules look only at these instead of turning every token of a file into a String: the
    /// keywords are chosen so that every option or type name a rule reacts to contains one.
    static func hitTokens(_ context: FileContext, _ rule: RuleDefinition) -> [Int] {
        var seen = Set<Int>()
        var result: [Int] = []
        for hit in context.hits(for: rule) {
            guard let index = context.tokenIndex(containing: hit.start), context.tokens[index].kind != .comment,
                seen.insert(index).inserted
            else { continue }
            result.append(index)
        }
        return result.sorted()
    }
}
