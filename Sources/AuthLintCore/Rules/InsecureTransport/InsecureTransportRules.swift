/// The insecure-transport family's Swift-coded rules.
public enum InsecureTransportRules {
    static let structural: [any StructuralRule] = [
        InsecureHttpUrlRule(), TlsVerificationDisabledRule(), TrustAllCertificatesRule(),
        CredentialsOverHttpRule(), SslDisabledConnectionRule(),
    ]

    /// Test code switches TLS checks off against self-signed local servers on purpose: there a
    /// finding is a warning (still worth a look: test helpers get copied into clients), elsewhere
    /// the rule's own severity.
    static func severity(_ rule: RuleDefinition, for path: String) -> Severity {
        FileRole(path: path).isTestCode && rule.severity == .error ? .warning : rule.severity
    }

    /// Indices of the non-comment tokens that contain one of the rule's keyword hits, in order.
    /// Rules look only at these instead of turning every token of a file into a String: the
    /// keywords are chosen so that every option or type name a rule reacts to contains one.
    static func hitTokens(_ context: FileContext, _ rule: RuleDefinition) -> [Int] {
        var seen = Set<Int>()
        var result: [Int] = []
        for hit in context.hits(for: rule) {
            guard let index = context.tokenIndex(containing: hit.start), context.tokens[index].kind != .comment,
                  seen.insert(index).inserted else { continue }
            result.append(index)
        }
        return result.sorted()
    }
}
