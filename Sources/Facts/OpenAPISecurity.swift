import Lexing
import Model
import Support

/// OpenAPI documents: one security requirement object lists schemes that must ALL be sent
/// (`- ApiKeyAuth: []\n  BasicAuth: []`), so two schemes in one object are two credentials in
/// every request to that operation. Each scheme is resolved through
/// `components.securitySchemes` (or Swagger 2 `securityDefinitions`) to the header it sends.
extension FileFacts {
    func openAPISecurityHeaderSets() -> [HeaderSet] {
        guard file.language == .yaml || file.language == .json else { return [] }
        let all = bindings
        guard
            all.contains(where: { equals($0.nameText, "securitySchemes") || equals($0.nameText, "securityDefinitions") }
            )
        else {
            return []
        }
        var sets: [HeaderSet] = []
        for requirement in securityRequirementObjects(all) where requirement.count >= 2 {
            let headers = requirement.compactMap { key -> HeaderSet.Header? in
                guard let header = schemeHeader(named: text(key).trimmingCharacters(in: ["\""]), all) else {
                    return nil
                }
                return HeaderSet.Header(
                    name: header, nameToken: key, valueToken: nil, value: "\(value(key)) (OpenAPI security scheme)")
            }
            if headers.count >= 2 { sets.append(HeaderSet(origin: .openAPI, headers: headers)) }
        }
        return sets
    }

    /// Column (1-based) of a token's line indentation, for YAML structure.
    private func columnOf(_ index: Int) -> Int { file.position(at: tokens[index].start).column }

    /// The name tokens of each requirement object under every `security:` key.
    private func securityRequirementObjects(_ all: [Binding]) -> [[Int]] {
        var result: [[Int]] = []
        for security in all where equals(security.nameText, "security") {
            if file.language == .json {
                guard isPunct(security.valueToken, "["), tokens[security.valueToken].pairIndex > security.valueToken
                else { continue }
                let close = tokens[security.valueToken].pairIndex
                var i = security.valueToken + 1
                while i < close {
                    if isPunct(i, "{"), tokens[i].pairIndex > i {
                        let object = i
                        result.append(
                            all.filter {
                                $0.nameToken > object && $0.nameToken < tokens[object].pairIndex
                                    && enclosingBrace[$0.nameToken] == object
                            }.map(\.nameToken))
                        i = tokens[i].pairIndex
                    }
                    i += 1
                }
            } else {
                // YAML: items start at `- `; keys of one item share its indentation.
                let securityColumn = columnOf(security.nameToken)
                var item: [Int] = []
                for binding in all where binding.nameToken > security.nameToken {
                    let column = columnOf(binding.nameToken)
                    if column <= securityColumn { break }
                    let lineStart = file.lineRange(file.line(at: tokens[binding.nameToken].start)).lowerBound
                    let startsItem = file.bytes[lineStart..<tokens[binding.nameToken].start].contains(UInt8(ascii: "-"))
                    if startsItem && !item.isEmpty { result.append(item); item = [] }
                    item.append(binding.nameToken)
                }
                if !item.isEmpty { result.append(item) }
            }
        }
        return result
    }

    /// The header a named security scheme sends: `Authorization` for http/oauth2/openIdConnect,
    /// the `name` of an `apiKey` scheme that goes `in: header`.
    private func schemeHeader(named name: String, _ all: [Binding]) -> String? {
        for definition in all where string(definition.nameText) == name {
            var fields: [String: String] = [:]
            if file.language == .json {
                guard isPunct(definition.valueToken, "{"),
                    tokens[definition.valueToken].pairIndex > definition.valueToken
                else { continue }
                let open = definition.valueToken, close = tokens[open].pairIndex
                for field in all
                where field.nameToken > open && field.nameToken < close && enclosingBrace[field.nameToken] == open {
                    fields[string(field.nameText)] = string(field.valueText)
                }
            } else {
                let column = columnOf(definition.nameToken)
                for field in all where field.nameToken > definition.nameToken {
                    let fieldColumn = columnOf(field.nameToken)
                    if fieldColumn <= column { break }
                    let fieldName = string(field.nameText)
                    if fields[fieldName] == nil { fields[fieldName] = string(field.valueText) }
                }
            }
            guard let type = fields["type"]?.lowercased() else { continue }
            switch type {
            case "http", "oauth2", "openidconnect", "basic": return "Authorization"
            case "apikey": return fields["in"]?.lowercased() == "header" ? fields["name"] : nil
            default: return nil
            }
        }
        return nil
    }
}
