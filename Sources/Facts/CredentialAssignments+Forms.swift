import Lexing
import Model
import Support

/// Name → value pairs written in forms that are not a `name = value` binding: a setter call
/// with two literals (`System.setProperty("API_TOKEN", "…")`, `os.Setenv`, `config.set`,
/// `putenv("API_TOKEN=…")`), a `.env` file held in a string (`"NAME=…\nOTHER=…"`) and an XML
/// element holding only text (`<apiToken>…</apiToken>`).
extension FileFacts {
    func fromLiteralPairCalls() -> [NamedValue] {
        guard file.language.isProgrammingLanguage || file.language == .shell else { return [] }
        let headerNames = Set(headerCalls.map(\.nameToken))
        var result: [NamedValue] = []
        for open in tokens.indices where isPunct(open, "(") {
            guard let first = next(open), tokens[first].kind == .string, !tokens[first].isTemplate,
                tokens[first].quote != 0, !headerNames.contains(first)
            else { continue }
            if let close = next(first), isPunct(close, ")") {
                let name = value(first)
                // `putenv("NAME=value")`: one literal holding the assignment.
                guard let eq = name.firstIndex(of: "="), eq != name.startIndex,
                    let callee = previous(open), text(callee) == "putenv"
                else { continue }
                let envName = String(name[..<eq]), envValue = String(name[name.index(after: eq)...])
                guard !envValue.isEmpty else { continue }
                result.append(
                    NamedValue(
                        nameText: store(envName), nameToken: first, valueToken: first, valueKind: .literal,
                        valueText: store(envValue),
                        valueRange: contentRange(of: first, part: envValue), via: .binding, isHeader: false))
                continue
            }
            guard let comma = next(first), isPunct(comma, ","), let second = next(comma),
                tokens[second].kind == .string, let after = next(second), isPunct(after, ")") || isPunct(after, ",")
            else { continue }
            result.append(
                namedValue(name: .value(first), nameToken: first, valueToken: second, via: .binding, isHeader: false))
        }
        return result
    }

    /// `process.env.API_TOKEN || "…"`, `process.env["API_TOKEN"] ?? "…"`, PHP `getenv('API_TOKEN') ?: '…'`:
    /// the literal fallback is what runs wherever the variable is unset, so it is bound to the name.
    func fromEnvironmentFallbacks() -> [NamedValue] {
        guard file.language.isProgrammingLanguage else { return [] }
        var result: [NamedValue] = []
        for i in tokens.indices where tokens[i].kind == .string && !tokens[i].isTemplate {
            // `||`, `??`, `?:` (lexed whole or as single characters).
            var last = i
            var operators = ""
            while let p = previous(last), tokens[p].kind == .punctuation, operators.count < 2,
                ["|", "||", "?", "??", ":", "?:"].contains(text(p))
            {
                operators = text(p) + operators
                last = p
            }
            guard ["||", "??", "?:"].contains(operators), let end = previous(last),
                let (name, nameToken) = environmentRead(endingAt: end)
            else { continue }
            result.append(namedValue(name: name, nameToken: nameToken, valueToken: i, via: .binding, isHeader: false))
        }
        return result
    }

    /// The variable an environment read ending at token `last` reads: `process.env.NAME`,
    /// `process.env["NAME"]`, `getenv("NAME")`.
    private func environmentRead(endingAt last: Int) -> (FactText, Int)? {
        if tokens[last].kind == .identifier, let dot = previous(last), isPunct(dot, "."), let env = previous(dot),
            ["env", "ENV"].contains(text(env))
        {
            return (.source(last), last)
        }
        guard isPunct(last, "]") || isPunct(last, ")"), tokens[last].pairIndex >= 0, tokens[last].pairIndex < last,
            let inner = next(tokens[last].pairIndex), tokens[inner].kind == .string, next(inner) == last,
            let before = previous(tokens[last].pairIndex)
        else { return nil }
        let receiver = text(before)
        let reads = isPunct(last, "]") ? ["env", "ENV", "environ"] : ["getenv", "Getenv", "env"]
        return reads.contains(receiver) ? (.value(inner), inner) : nil
    }

    /// `{"config.ini": "API_TOKEN=…\nDEBUG=true"}`: lines of an env file inside one string.
    func fromEmbeddedEnvironmentLines() -> [NamedValue] {
        guard file.language == .json || file.language == .yaml else { return [] }
        var result: [NamedValue] = []
        for (i, token) in tokens.enumerated() where token.kind == .string && !token.isTemplate {
            guard let content = value(of: token), content.utf8.contains(0x0A), content.utf8.contains(UInt8(ascii: "="))
            else { continue }
            for line in content.split(whereSeparator: \.isNewline) {
                guard let eq = line.firstIndex(of: "="), eq != line.startIndex else { continue }
                let name = line[..<eq], lineValue = String(line[line.index(after: eq)...]).trimmingSpaces
                guard !lineValue.isEmpty, name.utf8.allSatisfy(ASCII.isIdentifierByte) else { continue }
                let kind: Binding.ValueKind = Self.looksLikeEnvironmentReference(lineValue) ? .environment : .literal
                let range = contentRange(of: i, part: lineValue)
                // Only when the value is in the file verbatim, so a finding points at it.
                guard range != contentRange(of: i) || content == lineValue else { continue }
                result.append(
                    NamedValue(
                        nameText: store(String(name)), nameToken: i, valueToken: i, valueKind: kind,
                        valueText: store(lineValue),
                        valueRange: range, via: .binding, isHeader: false))
            }
        }
        return result
    }

    /// `<apiToken>value</apiToken>`, also with the value on its own line.
    func fromXMLElements() -> [NamedValue] {
        guard file.language == .xml else { return [] }
        var result: [NamedValue] = []
        for open in tokens.indices where isPunct(open, "<") {
            guard let tag = next(open), tokens[tag].kind == .identifier, let gt = next(tag), isPunct(gt, ">"),
                let content = next(gt), tokens[content].kind == .string, let lt = next(content), isPunct(lt, "<"),
                let slash = next(lt), isPunct(slash, "/"), let closing = next(slash), text(closing) == text(tag),
                // A plist `<key>` holds a dictionary key's name, not a key.
                text(tag) != "key"
            else { continue }
            result.append(
                NamedValue(
                    nameText: .source(tag), nameToken: tag, valueToken: content, valueKind: .literal,
                    valueText: .value(content),
                    valueRange: tokens[content].start..<tokens[content].end, via: .binding, isHeader: false))
        }
        return result
    }
}
