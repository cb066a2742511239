import Engine
import Facts
import Model
import Prefilter
import Support

extension TlsVerificationDisabledRule {
    /// `verify=False` disables TLS checks in requests/httpx calls, `session.verify = False`,
    /// `kwargs["verify"] = False`, Guzzle `'verify' => false` and Ruby/Faraday `ssl: {verify: false}`,
    /// but elsewhere it is an unrelated flag (mpmath `findroot(..., verify=False)`, numpy dispatch).
    func isTLSVerify(name i: Int, op: Int, _ facts: FileFacts) -> Bool {
        let opText = facts.text(op)
        if opText == "=>" || (opText == "=" && facts.next(op).map { facts.isPunct($0, ">") } == true) { return true }
        if let before = facts.previous(i), facts.isPunct(before, ".") || facts.isPunct(before, "[") { return true }
        // `ssl: { verify: false }` / `ssl_options = { verify: false }`.
        if let open = facts.enclosingBracket(of: i, lookingBack: 400), facts.isPunct(open, "{"),
            let colon = facts.previous(open),
            facts.isPunct(colon, ":") || facts.isPunct(colon, "="), let key = facts.previous(colon),
            facts.value(key).lowercased().hasPrefix("ssl") || facts.value(key).lowercased().hasPrefix("tls")
        {
            return true
        }
        guard let call = facts.enclosingCall(of: i) else { return false }
        return isHTTPCall(call, facts)
    }

    /// aiohttp's `ssl=False` (`TCPConnector(ssl=False)`, `session.get(url, ssl=False)`) skips
    /// verification; elsewhere `ssl=False` means "no TLS at all" (`ssl-disabled-connection`).
    func isAiohttpSSL(_ i: Int, _ facts: FileFacts) -> Bool {
        guard facts.file.language == .python, let call = facts.enclosingCall(of: i) else { return false }
        if ["TCPConnector", "ws_connect", "ClientSession"].contains(call.name) { return true }
        let path = call.callee.lowercased()
        return ["get", "post", "put", "patch", "delete", "head", "options", "request"].contains(call.name)
            && (path.contains("session") || path.contains("aiohttp") || path.contains("client"))
    }

    private func isHTTPCall(_ call: Call, _ facts: FileFacts) -> Bool {
        if Self.httpCallNames.contains(call.name) { return true }
        // Words of the callee path (`self._http.request`, `api_client.call`), not substrings (`restore`).
        if CredentialNames.words(call.callee).contains(where: Self.httpPathWords.contains) { return true }
        // An argument that is a URL, or named like one.
        for argument in call.arguments {
            for k in argument {
                let token = facts.tokens[k]
                if token.kind == .string, let v = facts.value(of: token),
                    v.hasPrefix("http://") || v.hasPrefix("https://")
                {
                    return true
                }
                if token.kind == .identifier, Self.urlArgumentNames.contains(facts.text(k).lowercased()) { return true }
            }
        }
        return false
    }

    /// NIOSSL's `certificateVerification` on a server configuration decides whether clients must
    /// present certificates; `.none` there is the normal default, not a disabled check.
    func isServerSide(_ i: Int, _ facts: FileFacts) -> Bool {
        func mentionsServer(_ range: Range<Int>) -> Bool {
            range.contains { facts.tokens[$0].kind == .identifier && facts.text($0).lowercased().contains("server") }
        }
        if let dot = facts.previous(i), facts.isPunct(dot, "."), let receiver = facts.previous(dot),
            facts.tokens[receiver].kind == .identifier
        {
            let name = facts.text(receiver)
            if name.lowercased().contains("server") { return true }
            // `var config = TLSConfiguration.makeServerConfiguration(…)`.
            var k = receiver - 1
            while k >= 0 && receiver - k < 2000 {
                if facts.tokens[k].kind == .identifier, facts.text(k) == name, let eq = facts.next(k),
                    facts.isPunct(eq, "=")
                {
                    let line = facts.file.line(at: facts.tokens[eq].start)
                    var end = eq + 1
                    while end < receiver && facts.file.line(at: facts.tokens[end].start) == line { end += 1 }
                    return mentionsServer((eq + 1)..<end)
                }
                k -= 1
            }
            return false
        }
        // A labelled argument: `TLSConfiguration.forServer(…, certificateVerification: .none)`, or inside `makeServerConfiguration`.
        if let call = facts.enclosingCall(of: i), call.callee.lowercased().contains("server") { return true }
        var k = i - 1
        while k >= 0 && i - k < 400 {
            if facts.tokens[k].kind == .identifier, facts.text(k) == "func", let name = facts.next(k) {
                return facts.text(name).lowercased().contains("server")
            }
            k -= 1
        }
        return false
    }

    /// `self.check_hostname = False` in `__init__` is a class mimicking `SSLContext` giving its
    /// attribute a default (urllib3's PyOpenSSL wrapper, a Python 2 polyfill), not a client turning
    /// checks off; and a server-side context (`PROTOCOL_TLS_SERVER`, `Purpose.CLIENT_AUTH`) does not
    /// check host names at all.
    func isContextDefinitionOrServer(_ i: Int, _ facts: FileFacts) -> Bool {
        guard let dot = facts.previous(i), facts.isPunct(dot, "."), let receiver = facts.previous(dot),
            facts.tokens[receiver].kind == .identifier
        else { return false }
        let name = facts.text(receiver)
        if name == "self" {
            var k = receiver - 1
            while k >= 0 && receiver - k < 600 {
                if facts.tokens[k].kind == .identifier && facts.text(k) == "def", let function = facts.next(k) {
                    return facts.text(function) == "__init__"
                }
                k -= 1
            }
            return false
        }
        // The statement that created the receiver.
        var k = receiver - 1
        while k >= 0 && receiver - k < 2000 {
            if facts.tokens[k].kind == .identifier, facts.text(k) == name, let eq = facts.next(k),
                facts.isPunct(eq, "=")
            {
                let line = facts.file.line(at: facts.tokens[eq].start)
                var end = eq + 1
                while end < receiver
                    && (facts.file.line(at: facts.tokens[end].start) == line || facts.tokens[end].kind == .punctuation)
                { end += 1 }
                return ((eq + 1)..<end).contains {
                    facts.tokens[$0].kind == .identifier
                        && ["PROTOCOL_TLS_SERVER", "CLIENT_AUTH"].contains(facts.text($0))
                }
            }
            k -= 1
        }
        return false
    }

    /// Python library code carrying out its caller's choice: `if verify: … else: cert_reqs =
    /// "CERT_NONE"`, `if not assert_hostname: check_hostname = False`. The setting sits in a
    /// branch whose condition names the verification option; the caller who passes
    /// `verify=False` is the one reported.
    func implementsCallersChoice(_ i: Int, _ facts: FileFacts) -> Bool {
        guard facts.file.language == .python else { return false }
        let key = facts.scopeKey(of: i)
        guard key <= -1_000_000 else { return false }
        let file = facts.file
        func indentation(_ line: Int) -> Int { file.lineText(line).prefix { $0 == " " || $0 == "\t" }.count }
        func starts(_ line: Int, _ words: [String]) -> Bool {
            let text = file.lineText(line).trimmingSpaces
            return words.contains { text.hasPrefix($0 + " ") || text.hasPrefix($0 + "(") || text.hasPrefix($0 + ":") }
        }
        // The header may close a condition that spans lines (`if (\n … \n):`): walk up to its keyword.
        var header = -(key + 1_000_000)
        let indent = indentation(header)
        var condition = file.lineText(header)
        while header > 1, !starts(header, ["if", "elif", "else"]), -(key + 1_000_000) - header < 20 {
            header -= 1
            condition = file.lineText(header) + condition
        }
        if starts(header, ["else"]) {
            // The `if` (or `elif`) this `else` belongs to: the nearest one above at its indentation.
            var k = header - 1
            condition = ""
            while k >= 1, header - k < 300 {
                if indentation(k) == indent && starts(k, ["if", "elif"]) {
                    condition = file.lineText(k)
                    break
                }
                k -= 1
            }
        }
        guard starts(header, ["if", "elif", "else"]) else { return false }
        let lower = condition.lowercased()
        return ["verify", "cert_reqs", "insecure", "hostname"].contains(where: lower.contains)
    }

    /// Pre-shared-key TLS does not use certificates (the key authenticates both sides), so
    /// `certificateVerification = .none` in a function that sets up PSK is not a disabled check.
    func usesPreSharedKey(_ i: Int, _ facts: FileFacts) -> Bool {
        var k = i - 1
        while k >= 0 && i - k < 3000 {
            if facts.tokens[k].kind == .identifier {
                let name = facts.text(k)
                if name == "func" { return false }
                let lower = name.lowercased()
                if lower.contains("psk") || lower.contains("presharedkey") { return true }
            }
            k -= 1
        }
        return false
    }

    /// `requests.get("https://localhost:8443/health", verify=False)`, `{hostname: '127.0.0.1',
    /// rejectUnauthorized: false}`: the call or object names only loopback / reserved test hosts,
    /// where nobody on a network path could impersonate the server (self-signed dev certificates).
    func targetsOnlyLocalHosts(_ i: Int, _ facts: FileFacts, _ settings: ScanSettings) -> Bool {
        var scopes: [Int] = []
        if let call = facts.enclosingCall(of: i) { scopes.append(call.openParen) }
        // An object literal (after `=`, `:`, `(`, `,`), not a function or block body.
        if let open = facts.enclosingBracket(of: i, lookingBack: 400), facts.isPunct(open, "{"),
            let before = facts.previous(open),
            ["=", ":", "(", ",", "["].contains(where: { facts.isPunct(before, $0) })
        {
            scopes.append(open)
        }
        var hosts: [String] = []
        for open in scopes where facts.tokens[open].pairIndex > open {
            for k in (open + 1)..<facts.tokens[open].pairIndex where facts.tokens[k].kind == .string {
                guard let v = facts.value(of: facts.tokens[k]) else { continue }
                if let url = URLAuthority(v) { hosts.append(url.host); continue }
                // A `host` / `hostname` key's value.
                if let op = facts.previous(k), facts.isPunct(op, ":") || facts.isPunct(op, "="),
                    let key = facts.previous(op),
                    ["host", "hostname", "servername"].contains(facts.value(key).lowercased())
                {
                    hosts.append(v.lowercased())
                }
            }
        }
        return !hosts.isEmpty && hosts.allSatisfy { facts.hosts.isLocalOrAllowed($0) }
    }
}
