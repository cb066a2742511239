import Engine
import Facts
import Foundation
import Model
import Prefilter
import Support

/// `ssl-disabled-connection`: a database (or other service) connection configured with TLS off
/// (`ssl: false`, `sslmode=disable`, `useSSL=false`, `Encrypt=False`, Swift `tls: .disable`) for
/// a host that is not local. Local means loopback / reserved names (the list `insecure-http-url`
/// uses), `allowedHosts`, and single-label names such as `db` or `postgres`: container service
/// names on a compose or cluster network. A connection definition sent to a remote service (the
/// Reeflow API guide's `connectionData` posted with `JSON.stringify`) is reported whatever its host,
/// because that service, not this machine, makes the connection.
struct SslDisabledConnectionRule: StructuralRule {
    let messageFields: [String: Set<String>] = ["payload": ["what", "host"], "connection": ["what", "host"]]

    /// Normalised (lower-case, no `_`/`-`/space) option names that switch transport security,
    /// with the values that mean "off".
    static let offValues: [String: Set<String>] = [
        "ssl": ["false", "0", "no", "off", "disable", "disabled"],
        "sslmode": ["disable", "disabled"],
        "tls": ["false", "no", "off", "disable", "disabled"],
        "tlsmode": ["disable", "disabled"],
        "usessl": ["false", "0", "no"],
        "requiressl": ["false", "0", "no"],
        "encrypt": ["false", "no", "0"],
        "sslenabled": ["false", "0", "no"],
    ]
    /// Keys that name the server a connection goes to.
    static let hostKeys: Set<String> = [
        "host", "hostname", "server", "address", "addr", "datasource", "endpoint", "hosts",
    ]
    /// Calls and options that put a value in a request body (so a remote service receives it).
    static let serializers: Set<String> = ["stringify", "dumps", "to_json", "toJSON", "encode", "marshal", "Marshal"]
    static let bodyOptions: Set<String> = ["body", "json", "data", "payload"]

    enum Place { case local, privateNetwork, remote }

    func find(_ context: FileContext, _ rule: RuleDefinition, _ matches: inout [RuleMatch]) {
        let facts = context.facts
        let baseSeverity = rule.severity
        func report(_ range: Range<Int>, _ host: String, _ what: String, payload: Bool = false) {
            let place = payload ? .remote : classify(host, context.facts.hosts)
            guard place != .local else { return }
            let severity: Severity = place == .privateNetwork ? .note : baseSeverity
            let message = rule.message(payload ? "payload" : "connection", ["what": what, "host": host])
            matches.add(range: range, message: message, severity: severity)
        }
        let candidates = InsecureTransportRules.hitTokens(context, rule)
        checkConnectionStrings(facts, candidates, report)
        checkSettings(facts, candidates, report)
    }

    func classify(_ host: String, _ hosts: HostPolicy) -> Place {
        let h = host.lowercased()
        if hosts.isLocalOrAllowed(h) { return .local }
        if !h.contains(".") && !h.contains(":") { return .local }  // `db`, `postgres`: a container service name
        if hosts.classify(h) == .privateAddress { return .privateNetwork }
        return .remote
    }

    // MARK: connection strings

    /// `postgres://u@db.acme.io/app?sslmode=disable`, `jdbc:mysql://…?useSSL=false`,
    /// `host=db.acme.io sslmode=disable`, `Server=tcp:db.acme.io;Encrypt=False`.
    private func checkConnectionStrings(
        _ facts: FileFacts, _ candidates: [Int], _ report: (Range<Int>, String, String, Bool) -> Void
    ) {
        for index in candidates where facts.tokens[index].kind == .string {
            let token = facts.tokens[index]
            guard let value = facts.value(of: token), value.utf8.count < 2000,
                let (param, host) = Self.disabledParameter(in: value)
            else { continue }
            // templated host: unknown
            guard let host, !host.contains(where: { "${}%<>()".contains($0) }) else { continue }
            let range = Self.locate(param, in: token, facts.file) ?? (token.start..<token.end)
            report(range, host, param, false)
        }
    }

    /// The TLS-off parameter of a connection string and its host (nil host when there is none).
    static func disabledParameter(in value: String) -> (String, String?)? {
        let lower = value.lowercased()
        guard lower.contains("ssl") || lower.contains("tls") || lower.contains("encrypt") else { return nil }
        // Parameters are separated by `?`, `&`, `;` or blanks.
        let separators: Set<Character> = ["?", "&", ";", " ", "\t", "\n"]
        var found: String?
        var keywordHost: String?
        for part in value.split(whereSeparator: { separators.contains($0) }) {
            guard let eq = part.firstIndex(of: "=") else { continue }
            let key = normalise(String(part[..<eq]))
            let val = part[part.index(after: eq)...].trimmingCharacters(in: CharacterSet(charactersIn: "'\" "))
                .lowercased()
            if found == nil, let off = offValues[key], off.contains(val) { found = String(part) }
            if hostKeys.contains(key) { keywordHost = ConnectionHosts.host(of: String(part[part.index(after: eq)...])) }
        }
        guard let found else { return nil }
        // A URL's own host wins over keyword pairs.
        if let hostPort = ConnectionHosts.authority(in: value, stoppingAt: "/?#;") {
            return (found, ConnectionHosts.host(of: hostPort))
        }
        guard let keywordHost else { return nil }  // not a connection string (a flag list, a query of something else)
        return (found, keywordHost)
    }

    static func locate(_ text: String, in token: Token, _ file: SourceFile) -> Range<Int>? {
        let needle = Array(text.utf8)
        guard !needle.isEmpty, token.end - token.start >= needle.count else { return nil }
        var k = token.start
        while k + needle.count <= token.end {
            if file.bytes[k..<(k + needle.count)].elementsEqual(needle) { return k..<(k + needle.count) }
            k += 1
        }
        return nil
    }

    static func normalise(_ key: String) -> String {
        key.lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " && $0 != "." }
    }
}
