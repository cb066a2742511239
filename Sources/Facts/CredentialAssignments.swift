import Lexing
import Model
import Support

/// A value given to a name that may carry a credential, however the language spells it:
/// `apiKey = "…"`, `"appkey": "…"`, `APP_KEY=…` (.env), `appkey: …` (.http, YAML),
/// `req.Header.Set("appkey", "…")`, `setValue("…", forHTTPHeaderField: "appkey")`,
/// `headers["appkey"] = "…"`, `{"key": "appkey", "value": "…"}` (Postman), `-H "appkey: …"`,
/// `--api-key=…` / `--password …` (command-line flags).
/// Rules judge the name and the value; this fact only finds the pairs.
public struct NamedValue: Sendable {
    public enum Via: String, Sendable {
        case binding, headerCall, indexAssignment, nameValuePair, curlHeader, commandFlag
    }
    /// The variable, key, header or flag name as written (`APP_KEY`, `appkey`, `api-key`);
    /// `FileFacts.string(_:)` reads it.
    public var nameText: FactText
    public var nameToken: Int
    public var valueToken: Int
    public var valueKind: Binding.ValueKind
    /// Decoded literal text (for `-H "Name: value"` only the part after the colon).
    public var valueText: FactText
    /// Byte range of the value in the file: what a finding points at and redaction hides.
    public var valueRange: Range<Int>
    public var via: Via
    /// True when the name is an HTTP header name (header calls, curl -H, index assignments
    /// into a headers map, Postman pairs, quoted keys of a header set).
    public var isHeader: Bool
}

extension FileFacts {
    private static let namedValuesKey = FactKey<[NamedValue]>("namedValues")
    /// Every name → value pair of the file, in source order of the value.
    public var namedValues: [NamedValue] {
        memo(Self.namedValuesKey) {
            // Plain text (docs, RECORD files, logs) has no reliable name/value structure.
            guard file.language != .plainText else { return [] }
            return
                (fromBindings() + fromEnvironmentListItems() + fromHeaderCalls() + fromIndexAssignments()
                + fromNameValuePairs() + fromCurlHeaders() + fromCommandFlags() + fromLiteralPairCalls()
                + fromEmbeddedEnvironmentLines() + fromXMLElements() + fromEnvironmentFallbacks()
                + fromPowerShellAssignments())
                .sorted { $0.valueRange.lowerBound < $1.valueRange.lowerBound }
        }
    }

    /// Byte range of the decoded content of string token `index` (quotes excluded), or of `part`
    /// inside it when given and found verbatim.
    package func contentRange(of index: Int, part: String? = nil) -> Range<Int> {
        let token = tokens[index]
        let end =
            token.kind == .string && token.quote != 0 && token.end > token.contentStart ? token.end - 1 : token.end
        let whole = token.contentStart..<max(token.contentStart, end)
        guard let part, !part.isEmpty else { return whole }
        let needle = Array(part.utf8)
        let bytes = file.bytes
        var k = whole.lowerBound
        while k + needle.count <= whole.upperBound {
            if bytes[k] == needle[0] && bytes[k..<(k + needle.count)].elementsEqual(needle) {
                return k..<(k + needle.count)
            }
            k += 1
        }
        return whole
    }

    func namedValue(name: FactText, nameToken: Int, valueToken: Int, via: NamedValue.Via, isHeader: Bool)
        -> NamedValue
    {
        let (kind, value) = classifyValue(at: valueToken)
        return NamedValue(
            nameText: name, nameToken: nameToken, valueToken: valueToken, valueKind: kind, valueText: value,
            valueRange: contentRange(of: valueToken), via: via, isHeader: isHeader)
    }

    private func fromBindings() -> [NamedValue] {
        bindings.map { binding in
            NamedValue(
                nameText: binding.nameText, nameToken: binding.nameToken, valueToken: binding.valueToken,
                valueKind: binding.valueKind, valueText: binding.valueText,
                valueRange: contentRange(of: binding.valueToken), via: .binding,
                isHeader: isHeaderName(binding.nameText))
        }
    }

    /// docker-compose / Kubernetes-style `environment:` lists in YAML: `- NAME=value` items.
    private func fromEnvironmentListItems() -> [NamedValue] {
        guard file.language == .yaml else { return [] }
        var result: [NamedValue] = []
        for (i, token) in tokens.enumerated() where token.kind == .string && token.quote == 0 {
            // The item marker `- ` right before the scalar (lexers differ on whether it is a token).
            var k = token.start - 1
            while k >= 0 && file.bytes[k] == 0x20 { k -= 1 }
            guard k >= 0, file.bytes[k] == UInt8(ascii: "-") else { continue }
            let text = value(i)
            guard let eq = text.firstIndex(of: "="), eq != text.startIndex else { continue }
            let name = String(text[..<eq]), itemValue = String(text[text.index(after: eq)...])
            guard !itemValue.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { continue }
            let kind: Binding.ValueKind = Self.looksLikeEnvironmentReference(itemValue) ? .environment : .literal
            result.append(
                NamedValue(
                    nameText: store(name), nameToken: i, valueToken: i, valueKind: kind, valueText: store(itemValue),
                    valueRange: contentRange(of: i, part: itemValue), via: .binding, isHeader: false))
        }
        return result
    }

    private func fromHeaderCalls() -> [NamedValue] {
        headerCalls.map {
            namedValue(
                name: store($0.name), nameToken: $0.nameToken, valueToken: $0.valueToken, via: .headerCall,
                isHeader: true)
        }
    }

    /// `headers["appkey"] = "…"`, `req['Authorization'] = …`, `$headers['X-API-Key'] = …`.
    private func fromIndexAssignments() -> [NamedValue] {
        indexAssignments.map { assignment in
            let name = FactText.value(assignment.key)
            return namedValue(
                name: name, nameToken: assignment.key, valueToken: assignment.value, via: .indexAssignment,
                isHeader: isHeaderName(name))
        }
    }

    private static let indexAssignmentsKey = FactKey<[(open: Int, key: Int, value: Int)]>("indexAssignments")
    /// `x["literal"] = value`: the `[`, the key string and the value's first token. Shared by
    /// named values and by header sets (which group them per receiver).
    var indexAssignments: [(open: Int, key: Int, value: Int)] {
        memo(Self.indexAssignmentsKey) {
            var result: [(open: Int, key: Int, value: Int)] = []
            for open in tokens.indices where isPunct(open, "[") {
                guard let key = next(open), tokens[key].kind == .string, !tokens[key].isTemplate,
                    let close = next(key), isPunct(close, "]"), let eq = next(close), isPunct(eq, "="),
                    let valueIndex = next(eq), !isPunct(valueIndex, "=")
                else { continue }
                result.append((open, key, valueIndex))
            }
            return result
        }
    }

    /// Postman and similar `[{"key": "appkey", "value": "…"}]` / `{name: "Authorization", value: "…"}`.
    private func fromNameValuePairs() -> [NamedValue] {
        var result: [NamedValue] = []
        let all = bindings
        for (i, first) in all.enumerated() where i + 1 < all.count {
            guard equalsIgnoringCase(first.nameText, "key") || equalsIgnoringCase(first.nameText, "name"),
                first.valueKind == .literal
            else { continue }
            // The "value" member must follow within the same object (a few members later at most).
            for second in all[(i + 1)..<min(all.count, i + 4)] where equalsIgnoringCase(second.nameText, "value") {
                guard
                    !tokens[first.nameToken..<second.nameToken].contains(where: {
                        $0.kind == .punctuation && ($0.pairIndex >= 0)
                    })
                else { break }
                result.append(
                    NamedValue(
                        nameText: first.valueText, nameToken: first.valueToken, valueToken: second.valueToken,
                        valueKind: second.valueKind, valueText: second.valueText,
                        valueRange: contentRange(of: second.valueToken),
                        via: .nameValuePair, isHeader: true))
                break
            }
        }
        return result
    }

    /// `curl -H "appkey: …"` (and `--header`); the value is the text after the colon.
    private func fromCurlHeaders() -> [NamedValue] {
        var result: [NamedValue] = []
        for set in curlHeaderSets {
            for header in set.headers {
                guard let valueIndex = header.valueToken, header.nameToken == valueIndex,
                    tokens[valueIndex].kind == .string
                else { continue }
                let token = tokens[valueIndex]
                let kind: Binding.ValueKind =
                    token.isTemplate || Self.looksLikeEnvironmentReference(header.value) ? .environment : .literal
                result.append(
                    NamedValue(
                        nameText: store(header.name), nameToken: header.nameToken, valueToken: valueIndex,
                        valueKind: kind, valueText: store(header.value),
                        valueRange: contentRange(of: valueIndex, part: header.value),
                        via: .curlHeader, isHeader: true))
            }
        }
        return result
    }

    /// Long command-line flags in shell code: `--api-key=…`, `--password …`, `--token …`.
    private func fromCommandFlags() -> [NamedValue] {
        guard
            file.language == .shell || file.language == .dockerfile || file.language == .markdown
                || file.language == .yaml
        else { return [] }
        var result: [NamedValue] = []
        for i in tokens.indices where tokens[i].kind == .string || tokens[i].kind == .identifier {
            // A word whose bytes do not start with `--` cannot be a flag: no String for it.
            if let bytes = fileBytes(.value(i)),
                bytes.count < 2 || file.bytes[bytes.lowerBound] != 0x2D || file.bytes[bytes.lowerBound + 1] != 0x2D
            {
                continue
            }
            let word = value(i)
            guard word.hasPrefix("--"), word.count > 3 else { continue }
            let body = word.dropFirst(2)
            if let eq = body.firstIndex(of: "=") {
                let name = String(body[..<eq]), flagValue = String(body[body.index(after: eq)...])
                guard !flagValue.isEmpty else { continue }
                let kind: Binding.ValueKind =
                    tokens[i].isTemplate || Self.looksLikeEnvironmentReference(flagValue) ? .environment : .literal
                result.append(
                    NamedValue(
                        nameText: store(name), nameToken: i, valueToken: i, valueKind: kind,
                        valueText: store(flagValue),
                        valueRange: contentRange(of: i, part: flagValue), via: .commandFlag, isHeader: false))
            } else if var v = next(i) {
                // A YAML/JSON command list: `["redis-server", "--requirepass", "…"]`.
                if file.language == .yaml, isPunct(v, ","), let after = next(v) { v = after }
                guard tokens[v].kind == .string, !value(v).hasPrefix("-"), !endsCommand(between: i, and: v) else {
                    continue
                }
                let flagValue = value(v)
                let kind: Binding.ValueKind =
                    tokens[v].isTemplate || Self.looksLikeEnvironmentReference(flagValue) ? .environment : .literal
                result.append(
                    NamedValue(
                        nameText: store(String(body)), nameToken: i, valueToken: v, valueKind: kind,
                        valueText: .value(v),
                        valueRange: contentRange(of: v), via: .commandFlag, isHeader: false))
            }
        }
        return result
    }
}
