import Engine
import Facts
import Foundation
import Model
import Prefilter
import Support

extension SslDisabledConnectionRule {
    // MARK: settings in objects, YAML mappings and env/INI files

    func checkSettings(
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
        case .string: return token.isTemplate ? nil : facts.value(of: token)
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
                if let v = facts.value(of: facts.tokens[k]),
                    let hostPort = ConnectionHosts.authority(in: v, stoppingAt: "/?")
                {
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
                facts.tokens[v].kind == .string, !facts.tokens[v].isTemplate,
                let text = facts.value(of: facts.tokens[v])
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
                !facts.tokens[v].isTemplate, let text = facts.value(of: facts.tokens[v])
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
                tokens[v].kind == .string, !tokens[v].isTemplate, let text = facts.value(of: tokens[v]),
                !text.hasPrefix("$")
            else { continue }
            hosts.append(ConnectionHosts.host(of: text))
        }
        return hosts
    }

    private func isLineStart(_ k: Int, _ facts: FileFacts) -> Bool {
        let r = facts.file.lineRange(facts.file.line(at: facts.tokens[k].start))
        return facts.file.bytes[r.lowerBound..<facts.tokens[k].start].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
