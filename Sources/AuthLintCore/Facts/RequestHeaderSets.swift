/// Header sets built from statements rather than one literal: setter sequences on one receiver
/// in one scope (`req.Header.Set`, `setValue(_:forHTTPHeaderField:)`, `headers.set`,
/// `headers["X"] = …`, `SetBasicAuth`), builder chains (`.header(a, b).header(c, d)`),
/// `auth=` / `auth:` options next to headers in one call, `.http` request blocks, nginx
/// `proxy_set_header` blocks and Postman requests (with inherited folder/collection auth).
public struct HeaderCall: Sendable {
    public var call: Int  // index into `calls`
    public var name: String
    public var nameToken: Int
    public var valueToken: Int
    /// The whole value argument as written (`os.Getenv("KEY")`), for comparing two values.
    public var valueText: String
}

extension FileFacts {
    /// Setter calls whose arguments are a header name and its value.
    static let headerSetters: Set<String> = [
        "set", "add", "append", "put", "header", "setHeader", "addHeader", "Set", "Add", "setRequestProperty",
        "addRequestProperty", "TryAddWithoutValidation", "withHeader", "setRequestHeader",
    ]

    private static let headerCallsKey = FactKey<[HeaderCall]>("headerCalls")
    /// Every header-setting call: `X.set("name", value)` forms and Swift's
    /// `setValue(value, forHTTPHeaderField: "name")`.
    public var headerCalls: [HeaderCall] {
        memo(Self.headerCallsKey) {
            var result: [HeaderCall] = []
            for (index, call) in calls.enumerated() {
                let args = call.arguments
                if call.name == "setValue" || call.name == "addValue", args.count == 2,
                   let label = args[1].first, text(label) == "forHTTPHeaderField",
                   let nameIndex = args[1].last, tokens[nameIndex].kind == .string, let valueIndex = args[0].first, args[0].count >= 1 {
                    result.append(HeaderCall(call: index, name: value(nameIndex), nameToken: nameIndex, valueToken: valueIndex,
                                             valueText: sourceText(args[0])))
                    continue
                }
                guard Self.headerSetters.contains(call.name), args.count == 2, args[0].count == 1,
                      let nameIndex = args[0].first, tokens[nameIndex].kind == .string, !tokens[nameIndex].isTemplate,
                      let valueIndex = args[1].first else { continue }
                let headerName = value(nameIndex)
                // Only names that look like header names: `set("appkey", v)` yes, `set("a b", v)` no.
                guard !headerName.isEmpty, headerName.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { continue }
                result.append(HeaderCall(call: index, name: headerName, nameToken: nameIndex, valueToken: valueIndex,
                                         valueText: sourceText(args[1])))
            }
            return result
        }
    }

    // MARK: - Scopes

    private static let enclosingBraceKey = FactKey<[Int]>("enclosingBrace")
    /// For each token, the index of the innermost `{` enclosing it (-1 at top level).
    var enclosingBrace: [Int] {
        memo(Self.enclosingBraceKey) {
            var result = [Int](repeating: -1, count: tokens.count)
            var stack: [Int] = []
            for i in tokens.indices {
                if isPunct(i, "}") , let top = stack.last, tokens[top].pairIndex == i { stack.removeLast() }
                result[i] = stack.last ?? -1
                if isPunct(i, "{") && tokens[i].pairIndex > i { stack.append(i) }
            }
            return result
        }
    }

    /// A key for "the same block of code": the enclosing `{` in brace languages; in Python and
    /// Ruby the line that opens the indented block (an `if` and its `else` are different blocks).
    func scopeKey(of index: Int) -> Int {
        guard file.language == .python || file.language == .ruby else { return enclosingBrace[index] }
        let line = file.line(at: tokens[index].start)
        let indent = indentation(ofLine: line)
        var l = line - 1
        while l >= 1 {
            let range = file.lineRange(l)
            let isBlank = file.bytes[range].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
            if !isBlank && indentation(ofLine: l) < indent { return -1_000_000 - l }
            l -= 1
        }
        return -1
    }

    private func indentation(ofLine line: Int) -> Int {
        let range = file.lineRange(line)
        var n = 0
        for b in file.bytes[range] { if b == 0x20 || b == 0x09 { n += 1 } else { break } }
        return n
    }

    // MARK: - Setter sequences and builder chains

    func setterHeaderSets() -> [HeaderSet] {
        let calls = self.calls
        guard !calls.isEmpty else { return [] }
        let callByClose = Dictionary(calls.enumerated().map { ($1.closeParen, $0) }) { a, _ in a }
        // The first call of a builder chain `a.b(…).c(…).d(…)`: follow `).` back to its start.
        func chainRoot(_ index: Int) -> Int {
            var current = index
            var steps = 0
            while steps < 64, let dot = previous(calls[current].calleeStart), isPunct(dot, "."),
                  let close = previous(dot), let earlier = callByClose[close] {
                current = earlier
                steps += 1
            }
            return current
        }
        var groups: [String: [HeaderSet.Header]] = [:]
        var order: [String] = []
        var origins: [String: HeaderSet.Origin] = [:]
        func add(_ key: String, _ header: HeaderSet.Header, _ origin: HeaderSet.Origin) {
            if groups[key] == nil { order.append(key); origins[key] = origin }
            groups[key, default: []].append(header)
        }
        func receiverKey(callIndex: Int) -> (String, HeaderSet.Origin) {
            let call = calls[callIndex]
            let path = call.callee.split(separator: ".")
            if path.count >= 2 { return ("\(scopeKey(of: call.calleeStart))|\(path[0])", .setter) }
            return ("chain#\(chainRoot(callIndex))", .builder)
        }
        for headerCall in headerCalls {
            let (key, origin) = receiverKey(callIndex: headerCall.call)
            add(key, .init(name: headerCall.name, nameToken: headerCall.nameToken, valueToken: headerCall.valueToken,
                           value: headerCall.valueText), origin)
        }
        // Go `req.SetBasicAuth(id, secret)`, Spring `headers.setBasicAuth(…)` / `setBearerAuth(…)`.
        for (index, call) in calls.enumerated() where call.name == "SetBasicAuth" || call.name == "setBasicAuth" || call.name == "setBearerAuth" {
            let (key, origin) = receiverKey(callIndex: index)
            add(key, .init(name: "Authorization", nameToken: previous(call.openParen) ?? call.calleeStart,
                           valueToken: call.arguments.first?.first, value: call.name == "setBearerAuth" ? "Bearer (setBearerAuth)" : "Basic (SetBasicAuth)"), origin)
        }
        // C# `client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(…)`.
        for i in tokens.indices where tokens[i].kind == .identifier && text(i) == "Authorization" {
            guard let dot = previous(i), isPunct(dot, "."), let eq = next(i), isPunct(eq, "="), let v = next(eq), !isPunct(v, "=") else { continue }
            var root = dot
            while let part = previous(root), tokens[part].kind == .identifier, let before = previous(part), isPunct(before, ".") { root = before }
            guard let rootName = previous(root), tokens[rootName].kind == .identifier else { continue }
            add("\(scopeKey(of: i))|\(text(rootName))", .init(name: "Authorization", nameToken: i, valueToken: v,
                                                             value: expressionText(from: v, limit: tokens.count)), .setter)
        }
        // `headers["X-API-Key"] = …`, `req['appkey'] = …` on one receiver in one scope.
        for (open, key, valueIndex) in indexAssignments {
            guard let receiver = previous(open), tokens[receiver].kind == .identifier else { continue }
            let name = value(key)
            guard CredentialNames.mechanism(ofHeader: name) != nil || text(receiver).lowercased().contains("header") else { continue }
            add("\(scopeKey(of: receiver))|\(text(receiver))", .init(name: name, nameToken: key, valueToken: valueIndex,
                                                                   value: expressionText(from: valueIndex, limit: tokens.count)), .setter)
        }
        return order.map { HeaderSet(origin: origins[$0] ?? .setter, headers: (groups[$0] ?? []).sorted { $0.nameToken < $1.nameToken }) }
    }

    // MARK: - auth= / auth: beside headers in one call

    /// `requests.get(url, headers={...}, auth=(id, secret))`, `httpx.Client(auth=…, headers=…)`,
    /// `axios(url, { headers: {...}, auth: {...} })`: the auth option is an Authorization header.
    func callOptionHeaderSets() -> [HeaderSet] {
        var sets: [HeaderSet] = []
        for call in calls {
            var headers: [HeaderSet.Header] = []
            var hasAuth = false
            func scan(members range: Range<Int>, depth: Int) {
                var i = range.lowerBound
                while i < range.upperBound {
                    if isOpeningBracket(i) && tokens[i].pairIndex > i {
                        // Option objects (`{…}`) and PHP option arrays (`[…]`).
                        if depth < 2 && (isPunct(i, "{") || isPunct(i, "[")) { scan(members: (i + 1)..<tokens[i].pairIndex, depth: depth + 1) }
                        i = tokens[i].pairIndex + 1
                        continue
                    }
                    if tokens[i].kind == .identifier || tokens[i].kind == .string, let op = next(i), op < range.upperBound,
                       isPunct(op, "=") || isPunct(op, ":") || isPunct(op, "=>"), var v = next(op) {
                        if isPunct(v, ">"), let after = next(v) { v = after }  // `=>` lexed as two tokens
                        let name = tokens[i].kind == .string ? value(i) : text(i)
                        if name == "auth" && !["None", "null", "nil", "undefined"].contains(text(v)) {
                            hasAuth = true
                            headers.append(.init(name: "Authorization", nameToken: i, valueToken: v, value: "Basic (auth option)"))
                        } else if name == "headers", isPunct(v, "{") || isPunct(v, "["), tokens[v].pairIndex > v {
                            headers += literalMembers(open: v)
                        }
                    }
                    i += 1
                }
            }
            scan(members: (call.openParen + 1)..<call.closeParen, depth: 0)
            if hasAuth && headers.count >= 2 { sets.append(HeaderSet(origin: .callOptions, headers: headers)) }
        }
        return sets
    }

    /// Members `name: value` of one object literal (direct children only).
    func literalMembers(open: Int) -> [HeaderSet.Header] {
        let close = tokens[open].pairIndex
        var headers: [HeaderSet.Header] = []
        var i = open + 1
        while i < close {
            if isOpeningBracket(i) && tokens[i].pairIndex > i { i = tokens[i].pairIndex + 1; continue }
            if tokens[i].kind == .identifier || (tokens[i].kind == .string && !tokens[i].isTemplate),
               let op = next(i), op < close, isPunct(op, ":") || isPunct(op, "=>") || isPunct(op, "="), var v = next(op) {
                if isPunct(op, "=") { guard isPunct(v, ">"), let after = next(v) else { i += 1; continue }; v = after }
                headers.append(.init(name: tokens[i].kind == .string ? value(i) : text(i), nameToken: i, valueToken: v,
                                     value: expressionText(from: v, limit: close)))
            }
            i += 1
        }
        return headers
    }

    // MARK: - .http request blocks

    func httpFileHeaderSets() -> [HeaderSet] {
        guard file.language == .http else { return [] }
        var sets: [HeaderSet] = []
        var current: [HeaderSet.Header] = []
        for (i, token) in tokens.enumerated() {
            if token.kind == .identifier, HTTPFileLexer.methods.contains(text(i)) || text(i).hasPrefix("http") {
                if !current.isEmpty { sets.append(HeaderSet(origin: .httpFile, headers: current)) }
                current = []
                continue
            }
            if token.kind == .comment, (token.value ?? "").hasPrefix("##") || text(i).hasPrefix("###") {
                if !current.isEmpty { sets.append(HeaderSet(origin: .httpFile, headers: current)) }
                current = []
                continue
            }
            if token.kind == .identifier, let colon = next(i), isPunct(colon, ":"), let v = next(colon), tokens[v].kind == .string {
                current.append(.init(name: text(i), nameToken: i, valueToken: v, value: value(v)))
            }
        }
        if !current.isEmpty { sets.append(HeaderSet(origin: .httpFile, headers: current)) }
        return sets
    }

    // MARK: - nginx proxy_set_header

    func serverConfigHeaderSets() -> [HeaderSet] {
        guard file.language == .serverConfig else { return [] }
        var groups: [Int: [HeaderSet.Header]] = [:]
        var order: [Int] = []
        for i in tokens.indices where tokens[i].kind == .identifier && text(i) == "proxy_set_header" {
            guard let name = next(i), let v = next(name), tokens[v].kind == .string else { continue }
            let block = enclosingBrace[i]
            if groups[block] == nil { order.append(block) }
            groups[block, default: []].append(.init(name: value(name), nameToken: name, valueToken: v, value: value(v)))
        }
        return order.map { HeaderSet(origin: .serverConfig, headers: groups[$0] ?? []) }
    }

    // MARK: - Postman collections

    /// Each request's `header` array plus its own `auth`, or the nearest folder/collection `auth`
    /// above it when it has none (Postman's "inherit auth from parent").
    func postmanHeaderSets() -> [HeaderSet] {
        guard file.language == .json else { return [] }
        let all = bindings
        guard all.contains(where: { $0.name == "header" && isPunct($0.valueToken, "[") }) else { return [] }
        // Auth objects by the `{` of the object that holds them.
        var authByObject: [Int: (nameToken: Int, type: String)] = [:]
        for binding in all where binding.name == "auth" && isPunct(binding.valueToken, "{") {
            let close = tokens[binding.valueToken].pairIndex
            guard close > binding.valueToken,
                  let type = all.first(where: { $0.name == "type" && $0.nameToken > binding.valueToken && $0.nameToken < close && enclosingBrace[$0.nameToken] == binding.valueToken }) else { continue }
            authByObject[enclosingBrace[binding.nameToken]] = (binding.nameToken, type.value)
        }
        let pairs = namedValues.filter { $0.via == .nameValuePair }
        var sets: [HeaderSet] = []
        for header in all where header.name == "header" && isPunct(header.valueToken, "[") {
            let open = header.valueToken, close = tokens[open].pairIndex
            guard close > open else { continue }
            var headers = pairs.filter { $0.nameToken > open && $0.nameToken < close }
                .map { HeaderSet.Header(name: $0.name, nameToken: $0.nameToken, valueToken: $0.valueToken, value: $0.value) }
            // The request object holding `header`, then its ancestors, for the effective auth.
            var object = enclosingBrace[header.nameToken]
            while object >= 0 {
                if let auth = authByObject[object] {
                    if let name = Self.postmanAuthHeader[auth.type.lowercased()] {
                        headers.append(.init(name: name, nameToken: auth.nameToken, valueToken: nil, value: "\(auth.type) (Postman auth)"))
                    }
                    break  // the nearest auth wins, `noauth` included
                }
                object = object > 0 ? enclosingBrace[object] : -1
            }
            sets.append(HeaderSet(origin: .postman, headers: headers.sorted { $0.nameToken < $1.nameToken }))
        }
        return sets
    }

    /// The header each Postman auth type sends.
    static let postmanAuthHeader: [String: String] = [
        "bearer": "Authorization", "basic": "Authorization", "oauth2": "Authorization", "digest": "Authorization",
        "jwt": "Authorization", "apikey": "X-API-Key", "hawk": "Authorization", "ntlm": "Authorization",
    ]
}

extension FileFacts {
    /// Bytes a header covers: its name and value, in whichever order they were written
    /// (`setValue(value, forHTTPHeaderField: name)` puts the value first).
    public func range(of header: HeaderSet.Header) -> Range<Int> {
        let name = tokens[header.nameToken]
        guard let valueIndex = header.valueToken else { return name.start..<name.end }
        let value = tokens[valueIndex]
        return min(name.start, value.start)..<max(name.end, value.end)
    }
}

extension FileFacts {
    /// Source text of a token range (an argument), as written.
    func sourceText(_ range: Range<Int>) -> String {
        guard let first = range.first, let last = range.last else { return "" }
        return file.text(tokens[first].start..<tokens[last].end)
    }

    /// Source text of the expression starting at `start`: up to the next `,` or `;` at the same
    /// bracket depth, a closing bracket, a line break (statement end), or `limit`.
    func expressionText(from start: Int, limit: Int) -> String {
        var i = start
        var last = start
        while i < min(limit, tokens.count) {
            if i > start && (isPunct(i, ",") || isPunct(i, ";") || isPunct(i, ")") || isPunct(i, "]") || isPunct(i, "}")) { break }
            if i > start && file.line(at: tokens[i].start) != file.line(at: tokens[last].end - 1) && !isPunct(last, ".") && !isPunct(i, ".") { break }
            last = i
            if isOpeningBracket(i) && tokens[i].pairIndex > i { i = tokens[i].pairIndex; last = i }
            i += 1
        }
        return file.text(tokens[start].start..<tokens[last].end)
    }
}

extension FileFacts {
    /// Arrays of `"Name: value"` strings: PHP `CURLOPT_HTTPHEADER => [...]`, header lists in any language.
    func headerLineArrays() -> [HeaderSet] {
        var sets: [HeaderSet] = []
        for open in tokens.indices where isPunct(open, "[") || (isPunct(open, "(") && previous(open).map { text($0) == "array" } == true) {
            let close = tokens[open].pairIndex
            guard close > open + 1 else { continue }
            var headers: [HeaderSet.Header] = []
            // Direct elements only: nested brackets are skipped whole, so 10,000 nested `[`
            // cost O(n) in total instead of O(n²) (each array rescanning everything inside it).
            var i = open
            while true {
                i += 1
                guard i < close else { break }
                if tokens[i].pairIndex > i && tokens[i].pairIndex < close { i = tokens[i].pairIndex; continue }
                guard tokens[i].kind == .string else { continue }
                let line = value(i)
                guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else { continue }
                let name = String(line[..<colon])
                guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { continue }
                headers.append(.init(name: name, nameToken: i, valueToken: i, value: String(line[line.index(after: colon)...]).trimmingSpaces))
            }
            if headers.count >= 2 { sets.append(HeaderSet(origin: .literal, headers: headers)) }
        }
        return sets
    }

    /// HTTPie: `http POST url Authorization:"Bearer …" X-API-Key:…` (`Name:value` words).
    func httpieHeaderSets() -> [HeaderSet] {
        commandHeaderSets(programs: ["http", "https"]) { word, j in
            if let colon = word.firstIndex(of: ":"), colon != word.startIndex, !word.contains("://"),
               word[word.index(after: colon)...].first != "=",
               word[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
                return (.init(name: String(word[..<colon]), nameToken: j, valueToken: j, value: String(word[word.index(after: colon)...])), j)
            }
            if word == "-a" || word == "--auth", let v = next(j) {
                return (.init(name: "Authorization", nameToken: j, valueToken: v, value: "Basic (from --auth)"), v)
            }
            return (nil, j)
        }
    }
}
