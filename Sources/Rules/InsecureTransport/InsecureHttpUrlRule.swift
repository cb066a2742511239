import Engine
import Facts
import Model
import Prefilter
import Support

/// `insecure-http-url`: a plain `http://` URL that code or config connects to. Error for known
/// API hosts that take credentials (the rule file's `apiHosts`, the Report Flow and Reeflow APIs,
/// and the config's), since the credential header itself would cross in clear text; note for
/// private (RFC 1918) addresses, warning otherwise;
/// loopback, reserved test domains, XML/schema identifiers and allowed hosts are not reported.
struct InsecureHttpUrlRule: StructuralRule {
    let messageFields: [String: Set<String>] = ["remote": ["host"], "api": ["host"], "private": ["host"]]

    static let identifierHosts = [
        "www.w3.org", "w3.org", "schemas.xmlsoap.org", "schemas.android.com", "schemas.microsoft.com", "www.apple.com",
        "purl.org", "xmlns.com", "ns.adobe.com", "json-schema.org", "opensource.org", "www.apache.org", "apache.org",
        "www.gnu.org", "gnu.org", "creativecommons.org", "schema.org", "ogp.me", "xml.org", "www.opengis.net",
        "docbook.org",
        // S3 ACL grantee URIs: identifiers of groups, never fetched.
        "acs.amazonaws.com",
        // Cloud instance-metadata services answer on plain http only, by design, on a link-local address.
        "169.254.169.254", "[fd00:ec2::254]", "metadata.google.internal", "169.254.170.2",
    ]

    func find(_ context: FileContext, _ rule: RuleDefinition, _ matches: inout [RuleMatch]) {
        let settings = context.settings
        let apiHosts = rule.apiHosts + settings.apiHosts
        for use in InsecureTransportRules.httpURLUses(context, apiHosts: apiHosts) {
            let host = use.host
            if Self.isExempt(host, context.facts.hosts) { continue }
            var severity = rule.severity
            var message = rule.message("remote", ["host": host])
            if HostPolicy.matches(host.lowercased(), apiHosts) {
                severity = .error
                message = rule.message("api", ["host": host])
            } else if context.facts.hosts.classify(host) == .privateAddress {
                severity = .note
                message = rule.message("private", ["host": host])
            }
            matches.add(range: use.range, message: message, severity: severity)
        }
    }

    /// Hosts where plain http is not reported: loopback and reserved names, `allowedHosts`, and
    /// hosts that only appear as identifiers (XML namespaces, licences). `credentials-over-http` uses the same list.
    static func isExempt(_ host: String, _ hosts: HostPolicy) -> Bool {
        hosts.isLocalOrAllowed(host) || identifierHosts.contains(host)
    }
}
