/// `insecure-http-url`: a plain `http://` URL that code or config connects to. Error for the
/// seed APIs and configured API hosts, note for private (RFC 1918) addresses, warning otherwise;
/// loopback, reserved test domains, XML/schema identifiers and allowed hosts are not reported.
struct InsecureHttpUrlRule: StructuralRule {
    let messageFields: [String: Set<String>] = ["remote": ["host"], "api": ["host"], "private": ["host"]]

    static let identifierHosts = [
        "www.w3.org", "w3.org", "schemas.xmlsoap.org", "schemas.android.com", "schemas.microsoft.com", "www.apple.com",
        "purl.org", "xmlns.com", "ns.adobe.com", "json-schema.org", "opensource.org", "www.apache.org", "apache.org",
        "www.gnu.org", "gnu.org", "creativecommons.org", "schema.org", "ogp.me", "xml.org", "www.opengis.net", "docbook.org",
        // S3 ACL grantee URIs: identifiers of groups, never fetched.
        "acs.amazonaws.com",
        // Cloud instance-metadata services answer on plain http only, by design, on a link-local address.
        "169.254.169.254", "[fd00:ec2::254]", "metadata.google.internal", "169.254.170.2",
    ]

    func check(_ context: FileContext, _ rule: RuleDefinition) -> [RuleMatch] {
        var matches: [RuleMatch] = []
        find(context, rule, &matches)
        return matches
    }

    private func find(_ context: FileContext, _ rule: RuleDefinition, _ matches: inout [RuleMatch]) {
        let settings = context.settings
        let apiHosts = rule.apiHosts + settings.apiHosts
        for use in InsecureTransportRules.httpURLUses(context, apiHosts: apiHosts) {
            let host = use.host
            if Self.isExempt(host, settings) { continue }
            var severity = rule.severity
            var message = rule.message("remote", ["host": host])
            if Self.matches(host, apiHosts) {
                severity = .error
                message = rule.message("api", ["host": host])
            } else if Self.isPrivate(host) {
                severity = .note
                message = rule.message("private", ["host": host])
            }
            matches.add(range: use.range, message: message, severity: severity)
        }
    }

    /// Hosts where plain http is not reported: loopback and reserved names, `allowedHosts`, and
    /// hosts that only appear as identifiers (XML namespaces, licences). `credentials-over-http` uses the same list.
    static func isExempt(_ host: String, _ settings: ScanSettings) -> Bool {
        isLocal(host) || matches(host, settings.allowedHosts) || identifierHosts.contains(host)
    }

    static func matches(_ host: String, _ patterns: [String]) -> Bool {
        patterns.contains { pattern in
            let p = pattern.lowercased()
            return p.hasPrefix("*.") ? host.hasSuffix(String(p.dropFirst(1))) || host == String(p.dropFirst(2)) : host == p
        }
    }

    static func isLocal(_ host: String) -> Bool {
        if host == "localhost" || host == "0.0.0.0" || host == "[::1]" || host == "[::]" || host.hasPrefix("127.") { return true }
        for suffix in [".localhost", ".local", ".test", ".example", ".invalid", ".internal", ".lan", ".home.arpa"] where host.hasSuffix(suffix) { return true }
        for domain in ["example.com", "example.net", "example.org"] where host == domain || host.hasSuffix("." + domain) { return true }
        return false
    }

    static func isPrivate(_ host: String) -> Bool {
        let parts = host.split(separator: ".").compactMap { Int($0) }
        guard parts.count == 4 else { return false }
        return parts[0] == 10 || (parts[0] == 172 && (16...31).contains(parts[1])) || (parts[0] == 192 && parts[1] == 168) || (parts[0] == 169 && parts[1] == 254)
    }
}
