import Engine
import Facts
import Model
import Prefilter
import Support

/// `credentials-over-http`: a credential (auth header, Basic/Bearer option, curl `-u`, URL
/// userinfo) and a plain `http://` URL in the same request: one call, one request object, one
/// setter sequence on one request variable, one curl command, one `.http` request block. Hosts
/// that `insecure-http-url` exempts (loopback, reserved test names, allowedHosts) are exempt here.
struct CredentialsOverHttpRule: StructuralRule {
    let messageFields: [String: Set<String>] = ["sent": ["what", "host"], "url": []]

    /// Calls that only build or wrap a URL or a header object: a URL inside `URL("http://…")` still
    /// belongs to the request call around it.
    static let wrapperCalls: Set<String> = [
        "URL", "URI", "create", "parse", "urljoin", "join", "format", "String", "str", "Uri", "NSURL", "URLComponents",
        "Headers", "dict", "HttpHeaders", "of", "mapOf", "url", "string",
    ]
    /// Setters that put one header on a request (`req.Header.Set`, `setValue(_:forHTTPHeaderField:)`, builders).
    static let headerSetters: Set<String> = [
        "Set", "Add", "setValue", "addValue", "setRequestProperty", "addRequestProperty", "setHeader", "addHeader",
        "header",
        "set", "append",
    ]
    static let basicAuthSetters: Set<String> = ["SetBasicAuth", "setBasicAuth", "basicAuth"]
    /// Request options that carry a credential without a header (`requests.get(url, auth=(id, secret))`, axios `auth: {…}`).
    static let authOptions: Set<String> = ["auth", "basic_auth", "digest_auth", "oauth2_bearer"]

    func find(_ context: FileContext, _ rule: RuleDefinition, _ matches: inout [RuleMatch]) {
        let facts = context.facts
        let settings = context.settings
        var reported = Set<Int>()  // start offsets, one finding per credential
        let severity = rule.severity
        func report(_ range: Range<Int>, _ what: String, _ url: URLUse) {
            guard reported.insert(range.lowerBound).inserted else { return }
            matches.add(
                range: range,
                message: rule.message("sent", ["what": what, "host": url.host]),
                severity: severity, related: [RelatedRange(url.range, rule.message("url"))])
        }

        let uses = InsecureTransportRules.httpURLUses(context, apiHosts: rule.apiHosts + settings.apiHosts)
            .filter { !InsecureHttpUrlRule.isExempt($0.host, context.facts.hosts) }
        let useByToken = Dictionary(uses.map { ($0.token, $0) }, uniquingKeysWith: { a, _ in a })

        // URL userinfo: `http://user:secret@host` sends Basic credentials by itself. In test code
        // such URLs are parser test data (`urlparse("http://User:Pass@www.python.org/")`), not requests.
        for use in uses where use.hasUserinfo && !facts.role.isTestCode {
            let url = facts.value(use.token)
            // `user:secret@` followed by a host (`"http://user:password@"` alone is a prefix being built).
            if let at = url.firstIndex(of: "@"), url[..<at].dropFirst(7).contains(":"),
                url[url.index(after: at)...].first.map({ $0 != "/" && $0 != "?" }) ?? false
            {
                report(use.range, "user:password in the URL", use)
            }
        }
        guard !uses.isEmpty || facts.file.language == .yaml else { return }

        checkShellCommands(facts, settings, useByToken, report)
        guard !uses.isEmpty else { return }
        if facts.file.language == .http { checkHTTPFile(facts, useByToken, report) }
        checkCalls(facts, settings, uses, useByToken, report)
    }

    // MARK: helpers

    /// The `{` of the object literal directly around token `k`; not a function or block body
    /// (those follow `)`, `=>`, `else`, …, while an object literal follows `=`, `:`, `(`, `,`, `[` or `return`).
    func parentObject(of k: Int, _ facts: FileFacts) -> Int? {
        guard let open = facts.enclosingBracket(of: k, lookingBack: 2000), facts.isPunct(open, "{") else { return nil }
        guard let before = facts.previous(open) else { return open }
        if ["=", ":", "(", ",", "["].contains(where: { facts.isPunct(before, $0) }) || facts.text(before) == "return" {
            return open
        }
        return nil
    }

    static func lastSegment(_ name: String) -> String {
        String(name.split(separator: ".").last ?? Substring(name))
    }

    /// `base_url` of `f"{self.base_url}/x"`, `BASE` of `` `${BASE}/x` `` / `"\(base)/x"`: the first hole when the template starts with it.
    static func leadingHoleName(_ k: Int, _ facts: FileFacts) -> String? {
        guard let hole = facts.templateHoles(of: k).first, hole.isLeading,
            [.dollarBrace, .backslashParen, .brace].contains(hole.opener)
        else { return nil }
        let name = hole.expression.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
        guard !name.isEmpty else { return nil }
        return lastSegment(String(name))
    }
}
