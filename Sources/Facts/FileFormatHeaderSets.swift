import Lexing
import Model
import Support

/// Header sets of request-describing file formats: `.http` request blocks, nginx
/// `proxy_set_header` blocks and Postman requests (with inherited folder/collection auth),
/// header-line arrays (`CURLOPT_HTTPHEADER`) and HTTPie commands.
extension FileFacts {
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
            if token.kind == .comment, (value(of: token) ?? "").hasPrefix("##") || text(i).hasPrefix("###") {
                if !current.isEmpty { sets.append(HeaderSet(origin: .httpFile, headers: current)) }
                current = []
                continue
            }
            if token.kind == .identifier, let colon = next(i), isPunct(colon, ":"), let v = next(colon),
                tokens[v].kind == .string
            {
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
        guard all.contains(where: { equals($0.nameText, "header") && isPunct($0.valueToken, "[") }) else { return [] }
        // Auth objects by the `{` of the object that holds them.
        var authByObject: [Int: (nameToken: Int, type: String)] = [:]
        for binding in all where equals(binding.nameText, "auth") && isPunct(binding.valueToken, "{") {
            let close = tokens[binding.valueToken].pairIndex
            guard close > binding.valueToken,
                let type = all.first(where: {
                    equals($0.nameText, "type") && $0.nameToken > binding.valueToken && $0.nameToken < close
                        && enclosingBrace[$0.nameToken] == binding.valueToken
                })
            else { continue }
            authByObject[enclosingBrace[binding.nameToken]] = (binding.nameToken, string(type.valueText))
        }
        let pairs = namedValues.filter { $0.via == .nameValuePair }
        var sets: [HeaderSet] = []
        for header in all where equals(header.nameText, "header") && isPunct(header.valueToken, "[") {
            let open = header.valueToken, close = tokens[open].pairIndex
            guard close > open else { continue }
            var headers = pairs.filter { $0.nameToken > open && $0.nameToken < close }
                .map {
                    HeaderSet.Header(
                        name: string($0.nameText), nameToken: $0.nameToken, valueToken: $0.valueToken,
                        value: string($0.valueText))
                }
            // The request object holding `header`, then its ancestors, for the effective auth.
            var object = enclosingBrace[header.nameToken]
            while object >= 0 {
                if let auth = authByObject[object] {
                    if let name = Self.postmanAuthHeader[auth.type.lowercased()] {
                        headers.append(
                            .init(
                                name: name, nameToken: auth.nameToken, valueToken: nil,
                                value: "\(auth.type) (Postman auth)"))
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

    /// Arrays of `"Name: value"` strings: PHP `CURLOPT_HTTPHEADER => [...]`, header lists in any language.
    func headerLineArrays() -> [HeaderSet] {
        var sets: [HeaderSet] = []
        for open in tokens.indices
        where isPunct(open, "[") || (isPunct(open, "(") && previous(open).map { equals(.source($0), "array") } == true)
        {
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
                switch headerLine(i) {
                case .no: continue
                case .yes(let name, let rest):
                    headers.append(
                        .init(name: file.text(name), nameToken: i, valueToken: i, value: file.text(rest).trimmingSpaces)
                    )
                    continue
                case .undecided: break
                }
                let line = value(i)
                guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else { continue }
                let name = String(line[..<colon])
                guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { continue }
                headers.append(
                    .init(
                        name: name, nameToken: i, valueToken: i,
                        value: String(line[line.index(after: colon)...]).trimmingSpaces))
            }
            if headers.count >= 2 { sets.append(HeaderSet(origin: .literal, headers: headers)) }
        }
        return sets
    }

    private enum HeaderLine {
        case no
        /// The name's bytes and the bytes after the colon (trimmed when read).
        case yes(name: Range<Int>, rest: Range<Int>)
        /// Decoded, or non-ASCII around the name: the String test decides.
        case undecided
    }

    /// Whether string `index` is a `Name: value` line, from its bytes: most array elements have no
    /// colon, or a non-name byte before it, and the rest are read without a Character-level search.
    /// Any non-ASCII byte before the colon or right after it, where Characters and bytes may
    /// disagree (a combining mark makes `:` another Character), leaves it to the String test.
    private func headerLine(_ index: Int) -> HeaderLine {
        guard let range = fileBytes(.value(index)) else { return .undecided }
        let bytes = file.bytes
        guard let colon = bytes[range].firstIndex(of: UInt8(ascii: ":")) else { return .no }
        if colon == range.lowerBound || (colon + 1 < range.upperBound && bytes[colon + 1] >= 0x80) { return .undecided }
        for k in range.lowerBound..<colon {
            let byte = bytes[k]
            if byte >= 0x80 { return .undecided }
            guard ASCII.isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") else {
                return .no
            }
        }
        return .yes(name: range.lowerBound..<colon, rest: (colon + 1)..<range.upperBound)
    }

    /// HTTPie: `http POST url Authorization:"Bearer …" X-API-Key:…` (`Name:value` words).
    func httpieHeaderSets() -> [HeaderSet] {
        commandHeaderSets(programs: ["http", "https"]) { word, j in
            if let colon = word.firstIndex(of: ":"), colon != word.startIndex, !word.contains("://"),
                word[word.index(after: colon)...].first != "=",
                word[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
            {
                return (
                    .init(
                        name: String(word[..<colon]), nameToken: j, valueToken: j,
                        value: String(word[word.index(after: colon)...])), j
                )
            }
            if word == "-a" || word == "--auth", let v = next(j) {
                return (.init(name: "Authorization", nameToken: j, valueToken: v, value: "Basic (from --auth)"), v)
            }
            return (nil, j)
        }
    }
}
