import Lexing
import Model
import Support

/// Header sets built from statements rather than one literal: setter sequences on one receiver
/// in one scope (`req.Header.Set`, `setValue(_:forHTTPHeaderField:)`, `headers.set`,
/// `headers["X"] = …`, `SetBasicAuth`), builder chains (`.header(a, b).header(c, d)`), and
/// `auth=` / `auth:` options next to headers in one call.
extension FileFacts {
    func setterHeaderSets() -> [HeaderSet] {
        let calls = self.calls
        guard !calls.isEmpty else { return [] }
        let callByClose = Dictionary(calls.enumerated().map { ($1.closeParen, $0) }) { a, _ in a }
        // The first call of a builder chain `a.b(…).c(…).d(…)`: follow `).` back to its start.
        func chainRoot(_ index: Int) -> Int {
            var current = index
            var steps = 0
            while steps < 64, let dot = previous(calls[current].calleeStart), isPunct(dot, "."),
                let close = previous(dot), let earlier = callByClose[close]
            {
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
            // Ktor `headers { append(…); append(…) }`: bare setters in one block build one request.
            let block = enclosingBrace[call.calleeStart]
            let chained =
                previous(call.calleeStart).map { isPunct($0, ".") } == true
                || next(call.closeParen).map { isPunct($0, ".") } == true
            if block >= 0 && !chained { return ("block#\(block)", .setter) }
            return ("chain#\(chainRoot(callIndex))", .builder)
        }
        for headerCall in headerCalls {
            let (key, origin) = receiverKey(callIndex: headerCall.call)
            add(
                key,
                .init(
                    name: headerCall.name, nameToken: headerCall.nameToken, valueToken: headerCall.valueToken,
                    value: headerCall.valueText), origin)
        }
        // Go `req.SetBasicAuth(id, secret)`, Spring `headers.setBasicAuth(…)` / `setBearerAuth(…)`.
        for (index, call) in calls.enumerated()
        where call.name == "SetBasicAuth" || call.name == "setBasicAuth" || call.name == "setBearerAuth" {
            let (key, origin) = receiverKey(callIndex: index)
            add(
                key,
                .init(
                    name: "Authorization", nameToken: previous(call.openParen) ?? call.calleeStart,
                    valueToken: call.arguments.first?.first,
                    value: call.name == "setBearerAuth" ? "Bearer (setBearerAuth)" : "Basic (SetBasicAuth)"), origin)
        }
        // C# `client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(…)`.
        for i in tokens.indices where tokens[i].kind == .identifier && text(i) == "Authorization" {
            guard let dot = previous(i), isPunct(dot, "."), let eq = next(i), isPunct(eq, "="), let v = next(eq),
                !isPunct(v, "=")
            else { continue }
            var root = dot
            while let part = previous(root), tokens[part].kind == .identifier, let before = previous(part),
                isPunct(before, ".")
            { root = before }
            guard let rootName = previous(root), tokens[rootName].kind == .identifier else { continue }
            add(
                "\(scopeKey(of: i))|\(text(rootName))",
                .init(
                    name: "Authorization", nameToken: i, valueToken: v,
                    value: expressionText(from: v, limit: tokens.count)), .setter)
        }
        // `headers["X-API-Key"] = …`, `req['appkey'] = …` on one receiver in one scope.
        for (open, key, valueIndex) in indexAssignments {
            guard let receiver = previous(open), tokens[receiver].kind == .identifier else { continue }
            let name = value(key)
            guard CredentialNames.mechanism(ofHeader: name) != nil || text(receiver).lowercased().contains("header")
            else { continue }
            add(
                "\(scopeKey(of: receiver))|\(text(receiver))",
                .init(
                    name: name, nameToken: key, valueToken: valueIndex,
                    value: expressionText(from: valueIndex, limit: tokens.count)), .setter)
        }
        return order.map {
            HeaderSet(
                origin: origins[$0] ?? .setter, headers: (groups[$0] ?? []).sorted { $0.nameToken < $1.nameToken })
        }
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
                        if depth < 2 && (isPunct(i, "{") || isPunct(i, "[")) {
                            scan(members: (i + 1)..<tokens[i].pairIndex, depth: depth + 1)
                        }
                        i = tokens[i].pairIndex + 1
                        continue
                    }
                    if tokens[i].kind == .identifier || tokens[i].kind == .string, let op = next(i),
                        op < range.upperBound,
                        isPunct(op, "=") || isPunct(op, ":") || isPunct(op, "=>"), var v = next(op)
                    {
                        if isPunct(v, ">"), let after = next(v) { v = after }  // `=>` lexed as two tokens
                        let name = tokens[i].kind == .string ? value(i) : text(i)
                        if name == "auth" && !["None", "null", "nil", "undefined"].contains(text(v)) {
                            hasAuth = true
                            headers.append(
                                .init(name: "Authorization", nameToken: i, valueToken: v, value: "Basic (auth option)"))
                        } else if name == "headers", isPunct(v, "{") || isPunct(v, "["), tokens[v].pairIndex > v {
                            headers += literalMembers(open: v)
                        }
                    }
                    i += 1
                }
            }
            scan(members: call.innerTokens, depth: 0)
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
                let op = next(i), op < close, isPunct(op, ":") || isPunct(op, "=>") || isPunct(op, "="),
                var v = next(op)
            {
                if isPunct(op, "=") { guard isPunct(v, ">"), let after = next(v) else { i += 1; continue }; v = after }
                headers.append(
                    .init(
                        name: tokens[i].kind == .string ? value(i) : text(i), nameToken: i, valueToken: v,
                        value: expressionText(from: v, limit: close)))
            }
            i += 1
        }
        return headers
    }
}
