/// `insecure-http-url`: a plain `http://` URL that code or config connects to. Error for the
/// seed APIs and configured API hosts, note for private (RFC 1918) addresses, warning otherwise;
/// loopback, reserved test domains, XML/schema identifiers and allowed hosts are not reported.
struct InsecureHttpUrlRule: StructuralRule {
    let id = "insecure-http-url"

    static let identifierHosts = [
        "www.w3.org", "w3.org", "schemas.xmlsoap.org", "schemas.android.com", "schemas.microsoft.com", "www.apple.com",
        "purl.org", "xmlns.com", "ns.adobe.com", "json-schema.org", "opensource.org", "www.apache.org", "apache.org",
        "www.gnu.org", "gnu.org", "creativecommons.org", "schema.org", "ogp.me", "xml.org", "www.opengis.net", "docbook.org",
        // S3 ACL grantee URIs: identifiers of groups, never fetched.
        "acs.amazonaws.com",
        // Cloud instance-metadata services answer on plain http only, by design, on a link-local address.
        "169.254.169.254", "[fd00:ec2::254]", "metadata.google.internal", "169.254.170.2",
    ]

    func check(_ context: FileContext, _ rule: RuleDefinition) {
        for use in context.facts.httpURLUses {
            let host = use.host
            if Self.isExempt(host, context.facts.hosts) { continue }
            var severity = rule.severity
            var message = rule.summary + ": \(host) is reached without TLS"
            if context.facts.hosts.isAPIHost(host) {
                severity = .error
                message = "plain http:// to \(host): the API accepts HTTPS only, and headers (Authorization, appkey) travel in clear text"
            } else if context.facts.hosts.classify(host) == .privateAddress {
                severity = .note
                message = rule.summary + ": private address \(host); prefer TLS inside networks too"
            }
            context.report(rule, range: use.range, message: message, severity: severity)
        }
    }

    /// Hosts where plain http is not reported: loopback and reserved names, `allowedHosts`, and
    /// hosts that only appear as identifiers (XML namespaces, licences). `credentials-over-http` uses the same list.
    static func isExempt(_ host: String, _ hosts: HostPolicy) -> Bool {
        hosts.isLocalOrAllowed(host) || identifierHosts.contains(host)
    }
}
