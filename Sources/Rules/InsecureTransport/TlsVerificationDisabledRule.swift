import Engine
import Facts
import Model
import Prefilter
import Support

/// `tls-verification-disabled`: a setting, option or command flag that turns off certificate
/// verification. Token-based rather than a regex so that comments, docstrings and unrelated
/// `verify=False` parameters (root finders, dispatch decorators) are not mistaken for it.
struct TlsVerificationDisabledRule: StructuralRule {
    let messageFields: [String: Set<String>] = [
        "setting": ["setting"], "nodeEnvironment": [], "reference": ["name"], "command": ["program", "flag"],
    ]

    /// What a setting must be set to for verification to be off.
    enum Disabled { case falsy, truthy, certNone, zero, noneCase }

    /// Option names (as written) whose value switches verification off.
    static let settings: [String: Disabled] = [
        // Node: tls / https.Agent / request options, and the process-wide switch.
        "rejectUnauthorized": .falsy, "strictSSL": .falsy, "NODE_TLS_REJECT_UNAUTHORIZED": .zero,
        // Go crypto/tls, and the same knob in Prometheus / Traefik / kubeconfig / docker configs.
        "InsecureSkipVerify": .truthy, "insecureSkipVerify": .truthy, "insecure_skip_verify": .truthy,
        "insecure-skip-tls-verify": .truthy, "skip_tls_verify": .truthy, "tls_skip_verify": .truthy,
        "tlsSkipVerify": .truthy,
        // Python clients (aiohttp, elasticsearch, ...), Ansible modules.
        "verify_ssl": .falsy, "verifySSL": .falsy, "verify_certs": .falsy, "validate_certs": .falsy,
        "ssl_verify": .falsy,
        // Python ssl / urllib3, Ruby OpenSSL.
        "check_hostname": .falsy, "assert_hostname": .falsy, "verify_mode": .certNone, "cert_reqs": .certNone,
        "ssl_cert_reqs": .certNone,
        // Swift NIOSSL / AsyncHTTPClient client configurations (on a server it is about client certificates).
        "certificateVerification": .noneCase,
        // libcurl from PHP / pycurl: `curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false)`.
        "CURLOPT_SSL_VERIFYPEER": .falsy, "CURLOPT_SSL_VERIFYHOST": .zero, "SSL_VERIFYPEER": .falsy,
        "SSL_VERIFYHOST": .zero,
        // Rust reqwest client builders: `.danger_accept_invalid_certs(true)`.
        "danger_accept_invalid_certs": .truthy, "danger_accept_invalid_hostnames": .truthy,
    ]
    /// Settings that switch off only the host-name check: the certificate chain is still
    /// verified, so an attacker needs a certificate some trusted CA issued. Reported at warning.
    static let hostnameOnlySettings: Set<String> = [
        "check_hostname", "assert_hostname", "danger_accept_invalid_hostnames",
    ]
    /// Settings written as a builder call with the value as its argument.
    static let builderSettings: Set<String> = ["danger_accept_invalid_certs", "danger_accept_invalid_hostnames"]
    /// `verify` alone is too common a word: it counts only where the context is an HTTP/TLS client.
    static let ambiguousVerify = "verify"

    /// Callee names and path words that make a call an HTTP request or client construction.
    static let httpCallNames: Set<String> = [
        "get", "post", "put", "patch", "delete", "head", "options", "request", "send", "stream", "urlopen", "Session",
        "Client", "AsyncClient", "cert_verify", "fetch", "download", "upload", "connect", "merge_environment_settings",
    ]
    static let httpPathWords: Set<String> = [
        "requests", "httpx", "session", "client", "http", "api", "aiohttp", "urllib", "urllib3", "rest", "https",
    ]
    static let urlArgumentNames: Set<String> = ["url", "uri", "endpoint", "base_url", "baseurl", "host"]

    func find(_ context: FileContext, _ rule: RuleDefinition, _ matches: inout [RuleMatch]) {
        let facts = context.facts
        let severity = rule.severity
        let candidates = InsecureTransportRules.hitTokens(context, rule)
        checkSettings(&matches, context, rule, facts, severity, candidates)
        checkReferences(&matches, context, rule, facts, severity, candidates)
        // Commands only where a command keyword occurs (splitting YAML strings into words is not free).
        let bytes = context.file.bytes
        if context.hits(for: rule).contains(where: { hit in
            let word = bytes[hit.start..<hit.end].map { $0 | 0x20 }
            return word.elementsEqual("curl".utf8) || word.elementsEqual("wget".utf8)
                || (hit.start >= 2 && bytes[hit.start - 2] == UInt8(ascii: "-")
                    && bytes[hit.start - 1] == UInt8(ascii: "-"))
        }) {
            checkCommands(&matches, context, rule, facts, severity)
        }
    }

    // MARK: settings `name <op> value`

    private func checkSettings(
        _ matches: inout [RuleMatch], _ context: FileContext, _ rule: RuleDefinition, _ facts: FileFacts,
        _ severity: Severity, _ candidates: [Int]
    ) {
        let tokens = facts.tokens
        for i in candidates where tokens[i].kind == .identifier || (tokens[i].kind == .string && !tokens[i].isTemplate)
        {
            let name = facts.value(i)
            if let kind = Self.settings[name] ?? (name == Self.ambiguousVerify || name == "ssl" ? .falsy : nil) {
                guard
                    let (op, valueIndex) = assignment(
                        after: i, facts, allowComma: name.contains("VERIFY"),
                        allowCall: Self.builderSettings.contains(name)),
                    Self.isDisabling(valueIndex, kind, facts)
                else { continue }
                if isFunctionParameter(i, facts) { continue }  // a default, not a use: the call sites are reported
                // `cond ? !!options.rejectUnauthorized : false`: a member read before a ternary `:`.
                if facts.isPunct(op, ":"), let before = facts.previous(i),
                    facts.isPunct(before, ".") || facts.isPunct(before, "?.")
                {
                    continue
                }
                if name == Self.ambiguousVerify && !isTLSVerify(name: i, op: op, facts) { continue }
                if name == "ssl" && !isAiohttpSSL(i, facts) { continue }
                if kind == .noneCase && (isServerSide(i, facts) || usesPreSharedKey(i, facts)) { continue }
                if (name == "check_hostname" || name == "verify_mode") && isContextDefinitionOrServer(i, facts) {
                    continue
                }
                if targetsOnlyLocalHosts(i, facts, context.settings) { continue }
                if implementsCallersChoice(i, facts) { continue }
                // `.none` is two tokens; `ssl.CERT_NONE` a path.
                let valueEnd =
                    facts.isPunct(valueIndex, ".")
                    ? (facts.next(valueIndex) ?? valueIndex) : Self.pathEnd(valueIndex, facts)
                let valueText = facts.file.text(tokens[valueIndex].start..<tokens[valueEnd].end)
                let written = facts.file.text(tokens[i].start..<tokens[valueEnd].end)
                let label =
                    facts.isPunct(op, "(")
                    ? "\(name)(\(valueText))" : written.contains("\n") ? "\(name) = \(valueText)" : written
                // An insecure mode the caller opts into: reported, but not as a build-breaking error.
                let hostnameOnly =
                    Self.hostnameOnlySettings.contains(name) || valueText.hasSuffix("noHostnameVerification")
                let level = isOptInInsecureMode(i, facts) || hostnameOnly ? min(severity, .warning) : severity
                matches.add(
                    range: tokens[i].start..<tokens[valueEnd].end,
                    message: rule.message("setting", ["setting": label]), severity: level)
            } else if tokens[i].kind == .string, let eq = name.firstIndex(of: "="),
                name[..<eq] == "NODE_TLS_REJECT_UNAUTHORIZED", name[name.index(after: eq)...] == "0"
            {
                // docker-compose `environment: ["NODE_TLS_REJECT_UNAUTHORIZED=0"]` / `- NODE_TLS_REJECT_UNAUTHORIZED=0`.
                matches.add(
                    range: tokens[i].contentStart..<tokens[i].end,
                    message: rule.message("nodeEnvironment"), severity: severity)
            }
        }
    }

    /// The operator and value token after a name: `=`, `:`, `:=`, `=>`, a Dockerfile `ENV K v`
    /// gap, `x['name'] = v`, and (for libcurl constants) the `,` of `setopt(OPT, value)`.
    private func assignment(after i: Int, _ facts: FileFacts, allowComma: Bool, allowCall: Bool = false) -> (
        op: Int, value: Int
    )? {
        guard var op = facts.next(i) else { return nil }
        if facts.isPunct(op, "]") {
            guard let after = facts.next(op) else { return nil }
            op = after
        }
        let token = facts.tokens[op]
        guard token.kind == .punctuation else { return nil }
        let opText = facts.text(op)
        var valueIndex = facts.next(op)
        // `=>` lexed as two tokens
        if opText == "=", let v = valueIndex, facts.isPunct(v, ">") { valueIndex = facts.next(v) }
        guard
            ["=", ":", ":=", "=>", ""].contains(opText) || (allowComma && opText == ",")
                || (allowCall && opText == "("),
            let v = valueIndex
        else {
            return nil
        }
        return (op, v)
    }

    /// Last token of a dotted / `::` path starting at `index` (`ssl.CERT_NONE`, `OpenSSL::SSL::VERIFY_NONE`).
    static func pathEnd(_ index: Int, _ facts: FileFacts) -> Int {
        var k = index
        while let sep = facts.next(k), facts.isPunct(sep, ".") || facts.isPunct(sep, "::"), let part = facts.next(sep),
            facts.tokens[part].kind == .identifier
        { k = part }
        return k
    }

    static func isDisabling(_ index: Int, _ kind: Disabled, _ facts: FileFacts) -> Bool {
        let token = facts.tokens[index]
        var text = facts.value(index)
        if kind == .noneCase {
            // `.none` (Swift implicit member) or `CertificateVerification.none`.
            if facts.isPunct(index, "."), let member = facts.next(index) {
                return ["none", "noHostnameVerification"].contains(facts.text(member))
                    && facts.next(member).map { !facts.isPunct($0, "(") } ?? true
            }
            return token.kind == .identifier
                && ["none", "noHostnameVerification"].contains(facts.text(pathEnd(index, facts)))
        }
        if token.kind == .comment || token.kind == .punctuation { return false }
        if kind == .certNone {
            // `ssl.CERT_NONE`, `OpenSSL::SSL::VERIFY_NONE`, `"CERT_NONE"`: the last path segment counts.
            var k = index
            while let sep = facts.next(k), facts.isPunct(sep, ".") || facts.isPunct(sep, "::"),
                let part = facts.next(sep),
                facts.tokens[part].kind == .identifier
            {
                k = part
                text = facts.text(part)
            }
            if let sep = facts.next(k), facts.isPunct(sep, "(") || facts.isPunct(sep, "[") { return false }
            // `ssl.CERT_NONE if disable_validation else ssl.CERT_REQUIRED`: configurable, not fixed.
            if let after = facts.next(k), facts.tokens[after].kind == .identifier, facts.text(after) == "if",
                facts.file.line(at: facts.tokens[after].start) == facts.file.line(at: facts.tokens[k].end)
            {
                return false
            }
            return ["CERT_NONE", "VERIFY_NONE", "NONE"].contains(text)
        }
        // The value must be the whole expression: `false || x`, `False if a else b` are not literals.
        if let after = facts.next(index), facts.tokens[after].kind == .punctuation,
            ["||", "&&", "?", "?:", ".", "(", "??", "+", "-", "*", "/"].contains(facts.text(after)),
            facts.file.line(at: facts.tokens[after].start) == facts.file.line(at: token.end)
        {
            return false
        }
        if let after = facts.next(index), facts.tokens[after].kind == .identifier,
            ["if", "and", "or"].contains(facts.text(after)),
            facts.file.line(at: facts.tokens[after].start) == facts.file.line(at: token.end)
        {
            return false
        }
        let lower = text.lowercased()
        switch kind {
        case .falsy: return ["false", "no", "off", "0"].contains(lower)
        case .truthy: return ["true", "yes", "on", "1"].contains(lower)
        case .zero: return lower == "0" || lower == "false"
        case .certNone, .noneCase: return false
        }
    }

    // MARK: helpers

    /// Python `def f(verify=False)`, JS `function f({ rejectUnauthorized = false })`: a parameter default.
    private func isFunctionParameter(_ i: Int, _ facts: FileFacts) -> Bool {
        guard let call = facts.enclosingCall(of: i), let before = facts.previous(call.calleeStart) else { return false }
        return ["def", "function", "func", "fun"].contains(facts.text(before))
    }
}
