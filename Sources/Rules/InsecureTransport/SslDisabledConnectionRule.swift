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
/// Reeflow seed's `connectionData` posted with `JSON.stringify`) is reported whatever its host,
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

    func check(_ context: FileContext, _ rule: RuleDefinition) -> [RuleMatch] {
        var matches: [RuleMatch] = []
        find(context, rule, &matches)
        return matches
    }

    private func find(_ context: FileContext, _ rule: RuleDefinition, _ matches: inout [RuleMatch]) {
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
            guard let value = token.value, value.utf8.count < 2000,
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

    // MARK: settings in objects, YAML mappings and env/INI files

    private func checkSettings(
        _ facts: FileFacts, _ candidates: [Int], _ report: (Range<Int>, String, String, Bool) -> Void
    ) {
        let tokens = facts.tokens
        let language = facts.file.language
        for i in candidates
        where tokens[i].kind == .identifier
            || (tokens[i].kind == .string && !tokens[i].isTemplate && tokens[i].quote != 0)
        {
            guard let off = settingOffValues(i, facts) else { continue }
            guard let op = facts.next(i), [":", "=", "=>"].contains(where: { facts.isPunct(op, $0) }),
                let valueIndex = facts.next(op), let valueText = offValue(valueIndex, facts),
                off.contains(valueText.lowercased())
            else { continue }
            let range = tokens[i].start..<tokens[valueIndex].end
            let what = "\(facts.value(i)): \(facts.text(valueIndex))"
            let hosts: [String?]
            switch language {
            case .yaml: hosts = yamlSiblingValues(of: i, facts)
            case .keyValue: hosts = sectionValues(of: i, facts)
            default: hosts = objectValues(of: i, facts)
            }
            // Code: a definition posted to a remote service is reported whatever its host.
            if language.isProgrammingLanguage, isSentAsPayload(i, facts) {
                report(range, hosts.compactMap { $0 }.first ?? "its host", what, true)
                continue
            }
            guard let host = hosts.compactMap({ $0 }).first else { continue }
            report(range, host, what, false)
        }
    }

    /// The off values of the option named at `i`, if it is one. In env/INI files a prefixed key
    /// counts too (`DB_SSLMODE`, `PGSSLMODE`, `DATABASE_SSL`).
    private func settingOffValues(_ i: Int, _ facts: FileFacts) -> Set<String>? {
        let key = Self.normalise(facts.value(i))
        if let off = Self.offValues[key] { return off }
        guard facts.file.language == .keyValue else { return nil }
        // Longest name first: `PGSSLMODE` is an sslmode, not an `…ssl` … `mode`.
        for name in Self.offValues.keys.sorted(by: { $0.count > $1.count }) where key.hasSuffix(name) {
            return Self.offValues[name]
        }
        return nil
    }

    /// The literal text of a value: `false`, `"disable"`, YAML `no`, Swift `.disable`.
    private func offValue(_ index: Int, _ facts: FileFacts) -> String? {
        let token = facts.tokens[index]
        switch token.kind {
        case .identifier, .number: return facts.text(index)
        case .string: return token.isTemplate ? nil : token.value
        case .punctuation:
            if facts.isPunct(index, "."), let name = facts.next(index), facts.tokens[name].kind == .identifier {
                return facts.text(name)
            }
            return nil
        case .comment: return nil
        }
    }

    /// Host of the object / call arguments around a code setting: a sibling `host:` key, or a URL
    /// among the arguments of the call that holds the object (`create_engine(url, connect_args={…})`).
    private func objectValues(of i: Int, _ facts: FileFacts) -> [String?] {
        guard let open = facts.enclosingBracket(of: i, lookingBack: 2000),
            facts.isPunct(open, "{") || facts.isPunct(open, "(")
        else { return [] }
        var hosts = siblingHosts(open, facts)
        if hosts.isEmpty, let outer = facts.enclosingBracket(of: open, lookingBack: 2000), facts.isPunct(outer, "(") {
            hosts = siblingHosts(outer, facts)
            let close = facts.tokens[outer].pairIndex
            for k in (outer + 1)..<max(outer + 1, close) where facts.tokens[k].kind == .string {
                if let v = facts.tokens[k].value, let hostPort = ConnectionHosts.authority(in: v, stoppingAt: "/?") {
                    hosts.append(ConnectionHosts.host(of: hostPort))
                }
            }
        }
        return hosts
    }

    /// Literal values of host keys directly inside the bracket pair at `open`.
    private func siblingHosts(_ open: Int, _ facts: FileFacts) -> [String?] {
        let close = facts.tokens[open].pairIndex
        guard close > open else { return [] }
        var hosts: [String?] = []
        var k = open + 1
        while k < close {
            if facts.isOpeningBracket(k) && facts.tokens[k].pairIndex > k {
                k = facts.tokens[k].pairIndex + 1; continue
            }
            if facts.tokens[k].kind == .identifier || facts.tokens[k].kind == .string,
                Self.hostKeys.contains(Self.normalise(facts.value(k))),
                let op = facts.next(k), facts.isPunct(op, ":") || facts.isPunct(op, "="), let v = facts.next(op),
                facts.tokens[v].kind == .string, !facts.tokens[v].isTemplate, let text = facts.tokens[v].value
            {
                hosts.append(ConnectionHosts.host(of: text))
            }
            k += 1
        }
        return hosts
    }

    /// YAML: values of host keys at the same indentation in the same mapping as the key at `i`.
    private func yamlSiblingValues(of i: Int, _ facts: FileFacts) -> [String?] {
        let file = facts.file
        let line = file.line(at: facts.tokens[i].start)
        let column = facts.tokens[i].start - file.lineRange(line).lowerBound
        var sameMapping: [Int] = [line]
        for direction in [-1, 1] {
            var l = line + direction
            while l >= 1 && l <= file.lineCount {
                let r = file.lineRange(l)
                let text = file.bytes[r]
                guard let first = text.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { l += direction; continue }
                if file.bytes[first] == UInt8(ascii: "#") { l += direction; continue }
                let indent = first - r.lowerBound
                let isItem =
                    file.bytes[first] == UInt8(ascii: "-") && first + 1 < r.upperBound && file.bytes[first + 1] == 0x20
                let keyColumn = isItem ? indent + 2 : indent
                if keyColumn == column { sameMapping.append(l); if isItem { break } } else if indent < column { break }
                l += direction
            }
        }
        var hosts: [String?] = []
        for l in sameMapping {
            let r = file.lineRange(l)
            guard let k = facts.tokens.firstIndex(where: { $0.start >= r.lowerBound && $0.kind == .identifier }),
                facts.tokens[k].start < r.upperBound,
                Self.hostKeys.contains(Self.normalise(facts.text(k))), let op = facts.next(k), facts.isPunct(op, ":"),
                let v = facts.next(op), facts.tokens[v].kind == .string, facts.tokens[v].start < r.upperBound,
                !facts.tokens[v].isTemplate, let text = facts.tokens[v].value
            else { continue }
            hosts.append(ConnectionHosts.host(of: text))
        }
        return hosts
    }

    /// env / INI: host values in the same `[section]` (`PGHOST`, `DB_HOST`, `host`).
    private func sectionValues(of i: Int, _ facts: FileFacts) -> [String?] {
        let tokens = facts.tokens
        // Section bounds: `[name]` lines are lexed as bracket tokens at line start.
        var start = 0
        var end = tokens.count
        for k in stride(from: i - 1, through: 0, by: -1) where facts.isPunct(k, "[") && isLineStart(k, facts) {
            start = k; break
        }
        for k in (i + 1)..<tokens.count where facts.isPunct(k, "[") && isLineStart(k, facts) { end = k; break }
        var hosts: [String?] = []
        for k in start..<end where tokens[k].kind == .identifier {
            let key = Self.normalise(facts.text(k))
            guard Self.hostKeys.contains(where: { key == $0 || (key.hasSuffix($0) && $0.count >= 4) }),
                let op = facts.next(k), facts.isPunct(op, "=") || facts.isPunct(op, ":"), let v = facts.next(op),
                tokens[v].kind == .string, !tokens[v].isTemplate, let text = tokens[v].value, !text.hasPrefix("$")
            else { continue }
            hosts.append(ConnectionHosts.host(of: text))
        }
        return hosts
    }

    private func isLineStart(_ k: Int, _ facts: FileFacts) -> Bool {
        let r = facts.file.lineRange(facts.file.line(at: facts.tokens[k].start))
        return facts.file.bytes[r.lowerBound..<facts.tokens[k].start].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    // MARK: payload detection

    /// True when the outermost object literal around `i` goes into a request body:
    /// `JSON.stringify(obj)`, `json=obj`, `body: obj`, or is written inline there.
    private func isSentAsPayload(_ i: Int, _ facts: FileFacts) -> Bool {
        var outer: Int?
        var k = i
        while let open = facts.enclosingBracket(of: k, lookingBack: 2000),
            facts.isPunct(open, "{") || facts.isPunct(open, "[")
        {
            outer = open
            k = open
        }
        guard let outer else { return false }
        if isBodyPosition(outer, facts) { return true }
        // The name it is bound to, used in a body position later.
        guard let eq = facts.previous(outer), facts.isPunct(eq, "=") || facts.isPunct(eq, ":="),
            let nameIndex = facts.previous(eq),
            facts.tokens[nameIndex].kind == .identifier
        else { return false }
        let name = facts.text(nameIndex)
        let close = max(outer, facts.tokens[outer].pairIndex)
        for u in (close + 1)..<facts.tokens.count where facts.tokens[u].kind == .identifier && facts.text(u) == name {
            if isBodyPosition(u, facts) { return true }
        }
        return false
    }

    /// The value of a `body` / `json` / `data` option, a later argument of a request call
    /// (`axios.post(url, x)`), or `JSON.stringify(x)` / `json.dumps(x)` standing in such a place
    /// (serialising for a log line is not sending).
    private func isBodyPosition(_ k: Int, _ facts: FileFacts, depth: Int = 0) -> Bool {
        guard depth < 3, let before = facts.previous(k) else { return false }
        if facts.isPunct(before, ":") || facts.isPunct(before, "="), let key = facts.previous(before),
            Self.bodyOptions.contains(facts.value(key)), let open = facts.enclosingBracket(of: key, lookingBack: 2000),
            facts.isPunct(open, "(") || facts.isPunct(open, "{")
        {
            return true
        }
        guard facts.isPunct(before, "(") || facts.isPunct(before, ","),
            let open = facts.enclosingBracket(of: k, lookingBack: 2000), facts.isPunct(open, "("),
            let call = facts.calls.first(where: { $0.openParen == open })
        else { return false }
        if Self.serializers.contains(call.name) { return isBodyPosition(call.calleeStart, facts, depth: depth + 1) }
        return Self.requestCalls.contains(call.name) && facts.isPunct(before, ",")
    }
    static let requestCalls: Set<String> = ["post", "put", "patch", "fetch", "request", "send"]

}
