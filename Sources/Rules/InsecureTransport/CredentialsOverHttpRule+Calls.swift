import Engine
import Facts
import Model
import Prefilter
import Support

extension CredentialsOverHttpRule {
    // MARK: calls, request objects and setter sequences

    func checkCalls(
        _ facts: FileFacts, _ settings: ScanSettings, _ uses: [URLUse], _ useByToken: [Int: URLUse],
        _ report: (Range<Int>, String, URLUse) -> Void
    ) {
        let tokens = facts.tokens

        // Credentials first: most files with an http:// URL carry none, and then the URL work is skipped.
        // a) Header objects with a credential header (literal header sets).
        var credentialObjects: [(open: Int, header: HeaderSet.Header)] = []
        for set in facts.objectLiteralHeaderSets {
            guard
                let header = set.headers.first(where: {
                    CredentialNames.mechanism(ofHeader: $0.name, extra: settings.credentialHeaders) != nil
                }),
                let open = facts.enclosingBracket(of: header.nameToken, lookingBack: 2000), facts.isPunct(open, "{")
            else { continue }
            credentialObjects.append((open, header))
        }
        // b) Request options carrying a credential (`auth=(id, secret)`, axios `auth: {…}`).
        let authOptionLengths = Set(Self.authOptions.map(\.utf8.count).flatMap { [$0, $0 + 2] })  // +2: quotes
        var authOptions: [(range: Range<Int>, what: String, at: Int)] = []
        for i in tokens.indices
        where (tokens[i].kind == .identifier || (tokens[i].kind == .string && !tokens[i].isTemplate))
            && authOptionLengths.contains(tokens[i].end - tokens[i].start)
        {
            let name = facts.value(i)
            guard Self.authOptions.contains(name), let op = facts.next(i),
                facts.isPunct(op, "=") || facts.isPunct(op, ":"), let v = facts.next(op),
                !(tokens[v].kind == .identifier
                    && ["None", "null", "nil", "undefined", "false", "False"].contains(facts.text(v)))
            else { continue }
            authOptions.append((tokens[i].start..<tokens[v].end, "the \(name) credential", i))
        }
        // c) Setters putting a credential on one request (`req.Header.Set("Authorization", …)`, `SetBasicAuth`).
        var setters: [(call: Call, what: String)] = []
        for call in facts.calls {
            if Self.basicAuthSetters.contains(call.name) {
                setters.append((call, "Basic credentials (\(call.name))"))
            } else if Self.headerSetters.contains(call.name),
                let header = call.arguments.lazy.compactMap({ arg -> String? in
                    // `"Authorization"` or a labelled `forHTTPHeaderField: "Authorization"`.
                    let last = arg.upperBound - 1
                    guard arg.count == 1 || (arg.count == 3 && facts.isPunct(arg.lowerBound + 1, ":")),
                        tokens[last].kind == .string, !tokens[last].isTemplate, let v = facts.value(of: tokens[last]),
                        CredentialNames.mechanism(ofHeader: v, extra: settings.credentialHeaders) != nil
                    else { return nil }
                    return v
                }).first
            {
                setters.append((call, "the \(header) header"))
            }
        }
        // d) Headers set by subscript (`s.headers["Authorization"] = …`, `axios.defaults.headers.common['Authorization'] = …`).
        var subscripts: [(range: Range<Int>, what: String, at: Int)] = []
        for k in tokens.indices where tokens[k].kind == .string && facts.isPunct(k - 1, "[") {
            guard let close = facts.next(k), facts.isPunct(close, "]"), let eq = facts.next(close),
                facts.isPunct(eq, "="),
                let v = facts.value(of: tokens[k]),
                CredentialNames.mechanism(ofHeader: v, extra: settings.credentialHeaders) != nil,
                let value = facts.next(eq)
            else { continue }
            subscripts.append((tokens[k].start..<tokens[value].end, "the \(v) header", k - 1))
        }
        guard !credentialObjects.isEmpty || !authOptions.isEmpty || !setters.isEmpty || !subscripts.isEmpty else {
            return
        }

        /// Owner of a token: the `(` of the innermost request call around it (URL and header
        /// wrappers skipped). Callers fall back to the enclosing object literal (`parentObject`).
        func owner(of k: Int) -> Int? {
            var best: Call?
            for call in facts.calls
            where call.openParen < k && k < call.closeParen && !Self.wrapperCalls.contains(call.name) {
                if best == nil || call.openParen > best!.openParen { best = call }
            }
            return best?.openParen
        }

        // Names bound to an http URL (`BASE = "http://…"`, `url := "http://…" + path`, `let u = URL(string: "http://…")!`),
        // but not to the result of a request made with one (`res = fetch("http://…")`).
        var urlsByName: [String: URLUse] = [:]
        let usesByLine = Dictionary(grouping: uses) { facts.file.line(at: $0.range.lowerBound) }
        for binding in facts.bindings {
            let line = facts.file.line(at: tokens[binding.valueToken].start)
            if let use = usesByLine[line]?.first(where: { $0.token >= binding.valueToken }),
                use.token == binding.valueToken || (owner(of: use.token).map { $0 < binding.valueToken } ?? true)
            {
                urlsByName[Self.lastSegment(facts.string(binding.nameText))] = use
            }
        }
        // Byte lengths of those names: most identifiers are ruled out without building a String.
        let urlNameLengths = Set(urlsByName.keys.map(\.utf8.count))
        /// The URL a token stands for: a literal, a name bound to one, or a template starting with such a name.
        func url(at k: Int) -> URLUse? {
            if let use = useByToken[k] { return use }
            let token = tokens[k]
            if token.kind == .identifier, urlNameLengths.contains(token.end - token.start),
                let use = urlsByName[facts.text(k)]
            {
                // Not a key or the target of an assignment (`url: x`, `url = x`).
                if let n = facts.next(k), facts.isPunct(n, ":") || facts.isPunct(n, "=") { return nil }
                return use
            }
            if token.kind == .string, token.isTemplate, let hole = Self.leadingHoleName(k, facts) {
                return urlsByName[hole]
            }
            return nil
        }

        // 1. One call / request object holding both: `fetch('http://…', {headers: {Authorization}})`,
        //    `requests.get("http://…", headers=h, auth=(id, secret))`, `{url: 'http://…', headers: {...}}`.
        var credentialsByOwner: [Int: (range: Range<Int>, what: String)] = [:]
        func noteCredential(_ owner: Int?, _ range: Range<Int>, _ what: String) {
            guard let owner, credentialsByOwner[owner] == nil else { return }
            credentialsByOwner[owner] = (range, what)
        }
        for object in credentialObjects {
            let range =
                tokens[object.header.nameToken].start..<tokens[object.header.valueToken ?? object.header.nameToken].end
            noteCredential(
                owner(of: object.open) ?? parentObject(of: object.open, facts), range,
                "the \(object.header.name) header")
        }
        for option in authOptions { noteCredential(owner(of: option.at), option.range, option.what) }
        // Header objects held in a variable and passed to the call (`requests.get(url, headers=HEADERS)`, `{ headers }`).
        var credentialNames: [String: HeaderSet.Header] = [:]
        for binding in facts.bindings {
            if let object = credentialObjects.first(where: { $0.open == binding.valueToken }) {
                credentialNames[facts.string(binding.nameText)] = object.header
            }
        }
        let credentialNameLengths = Set(credentialNames.keys.map(\.utf8.count))
        for i in tokens.indices
        where tokens[i].kind == .identifier && credentialNameLengths.contains(tokens[i].end - tokens[i].start) {
            let name = facts.text(i)
            guard let header = credentialNames[name],
                facts.bindings.contains(where: { $0.nameToken < i && facts.equals($0.nameText, name) }),
                !(facts.next(i).map { facts.isPunct($0, "=") } ?? false)
            else { continue }
            noteCredential(owner(of: i), tokens[i].start..<tokens[i].end, "the \(header.name) header (via \(name))")
        }
        var reportedOwners = Set<Int>()
        for k in tokens.indices where tokens[k].kind == .identifier || tokens[k].kind == .string {
            guard let use = url(at: k) else { continue }
            let o = owner(of: k) ?? parentObject(of: k, facts)
            if let o, let credential = credentialsByOwner[o], reportedOwners.insert(o).inserted {
                report(credential.range, credential.what, use)
            }
        }

        // 2. Setters on one request: `req, _ := http.NewRequest("GET", "http://…", nil)` then
        //    `req.Header.Set("Authorization", …)`; builder chains `.url("http://…").header("Authorization", …)`.
        for (call, what) in setters {
            let range = tokens[call.calleeStart].start..<tokens[call.closeParen].end
            // A builder chain ending in this call.
            var k = call.calleeStart
            var chainStart = k
            while let dot = facts.previous(k), facts.isPunct(dot, ".") || facts.isPunct(dot, "?."),
                let close = facts.previous(dot),
                facts.isPunct(close, ")"), tokens[close].pairIndex >= 0,
                let previousCall = facts.calls.first(where: { $0.openParen == tokens[close].pairIndex })
            {
                k = previousCall.calleeStart
                chainStart = k
            }
            if chainStart < call.calleeStart,
                let use = (chainStart..<call.openParen).lazy.compactMap({ url(at: $0) }).first
            {
                report(range, what, use)
                continue
            }
            // The receiver variable and the statement that assigned it.
            let receiver = String(call.callee.split(separator: ".").first ?? "")
            guard call.callee.contains("."), !receiver.isEmpty,
                let assigned = assignment(of: receiver, before: call.calleeStart, facts)
            else { continue }
            if let use = assigned.lazy.compactMap({ url(at: $0) }).first { report(range, what, use) }
        }

        // 3. Credentials set on a session / client for all its requests, then a request on it to an
        //    http:// URL: `s.headers.update({"Authorization": …})`, `s.auth = (id, secret)`,
        //    `axios.defaults.headers.common['Authorization'] = …`, then `s.get("http://…")`.
        var sessionCredentials: [String: (range: Range<Int>, what: String, at: Int)] = [:]
        func noteSession(_ root: String, _ credential: (range: Range<Int>, what: String, at: Int)) {
            if sessionCredentials[root] == nil { sessionCredentials[root] = credential }
        }
        for object in credentialObjects {
            guard let open = owner(of: object.open), let call = facts.calls.first(where: { $0.openParen == open }),
                CredentialNames.words(call.callee).contains("headers"), call.callee.contains(".")
            else { continue }
            let root = String(call.callee.split(separator: ".")[0])
            noteSession(
                root,
                (
                    tokens[object.header.nameToken]
                        .start..<tokens[object.header.valueToken ?? object.header.nameToken].end,
                    "the \(object.header.name) header (set on \(root))", object.open
                ))
        }
        for option in authOptions {
            guard let dot = facts.previous(option.at), facts.isPunct(dot, "."),
                let (root, _) = pathRoot(before: option.at, facts)
            else { continue }
            noteSession(root, (option.range, "\(option.what) (set on \(root))", option.at))
        }
        for entry in subscripts {
            guard let (root, path) = pathRoot(before: entry.at, facts), path.lowercased().contains("header") else {
                continue
            }
            noteSession(root, (entry.range, "\(entry.what) (set on \(root))", entry.at))
        }
        guard !sessionCredentials.isEmpty else { return }
        for call in facts.calls where Self.requestVerbs.contains(call.name) && call.callee.contains(".") {
            let root = String(call.callee.split(separator: ".")[0])
            guard let credential = sessionCredentials[root], credential.at < call.openParen,
                let use = call.innerTokens.lazy.compactMap({ url(at: $0) }).first
            else { continue }
            report(credential.range, credential.what, use)
        }
    }

    static let requestVerbs: Set<String> = [
        "get", "post", "put", "patch", "delete", "head", "options", "request", "send", "fetch",
    ]

    /// First segment of the dotted path ending just before token `k` (`s` of `s.headers[`, `self` of `self.session.auth`).
    private func pathRoot(before k: Int, _ facts: FileFacts) -> (root: String, path: String)? {
        var i = k
        var parts: [String] = []
        while let p = facts.previous(i), facts.tokens[p].kind == .identifier {
            parts.insert(facts.text(p), at: 0)
            guard let dot = facts.previous(p), facts.isPunct(dot, ".") else { i = p; break }
            i = dot
        }
        guard parts.count >= 2 || (parts.count == 1 && k > 0 && facts.isPunct(k, "[")) else { return nil }
        return (parts[0], parts.joined(separator: "."))
    }

    /// Token range of the right-hand side of the last `receiver = …` / `receiver, err := …` /
    /// `var receiver = …` before `limit` (to the end of its line, brackets followed across lines).
    private func assignment(of receiver: String, before limit: Int, _ facts: FileFacts) -> Range<Int>? {
        var k = limit - 1
        while k >= 0 && limit - k < 3000 {
            defer { k -= 1 }
            guard facts.tokens[k].kind == .identifier, facts.text(k) == receiver else { continue }
            var op = facts.next(k)
            // `req, err :=` / `req: URLRequest =`.
            while let o = op,
                facts.isPunct(o, ",")
                    || facts.isPunct(o, ":") && !(facts.next(o).map { facts.isPunct($0, "=") } ?? false),
                let n = facts.next(o), facts.tokens[n].kind == .identifier
            { op = facts.next(n) }
            guard let o = op, facts.isPunct(o, "=") || facts.isPunct(o, ":=") else { continue }
            if let before = facts.previous(k), facts.isPunct(before, ".") { continue }
            let start = o + 1
            var end = start
            let line = facts.file.line(at: facts.tokens[o].start)
            while end < facts.tokens.count && end < limit {
                if facts.isOpeningBracket(end) && facts.tokens[end].pairIndex > end {
                    end = facts.tokens[end].pairIndex + 1; continue
                }
                if facts.isPunct(end, ";") || facts.file.line(at: facts.tokens[end].start) > line { break }
                end += 1
            }
            return start..<end
        }
        return nil
    }
}
