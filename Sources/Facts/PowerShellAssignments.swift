import Lexing
import Model
import Support

/// PowerShell's name → value forms, which the shell lexer (`.ps1` files are lexed as shell)
/// leaves as bare words: `$apiKey = '…'`, `$env:API_TOKEN = "…"` and hashtable entries
/// (`-Headers @{ 'X-API-KEY' = '…'; Authorization = "Bearer …" }`). In a POSIX shell
/// `name = value` runs a command, so only PowerShell files are read this way.
extension FileFacts {
    /// Scope and drive prefixes of a variable (`$script:token`, `$env:API_KEY`): the name is after them.
    private static let powerShellScopes: Set<String> = ["env", "script", "global", "local", "private", "using"]

    func fromPowerShellAssignments() -> [NamedValue] {
        guard file.language == .shell, Language.fileExtension(file.path) == "ps1" else { return [] }
        let helpBlocks = powerShellBlockComments()
        var result: [NamedValue] = []
        for eq in tokens.indices where isBareEquals(eq) {
            guard let nameIndex = previous(eq), let valueIndex = next(eq), startsPowerShellStatement(nameIndex),
                tokens[valueIndex].kind == .string, tokens[valueIndex].quote != 0,
                !helpBlocks.contains(where: { $0.contains(tokens[nameIndex].start) }),
                let (name, isKey) = powerShellName(nameIndex)
            else { continue }
            result.append(
                namedValue(
                    name: store(name), nameToken: nameIndex, valueToken: valueIndex,
                    via: isKey ? .nameValuePair : .binding,
                    isHeader: isKey && CredentialNames.isHeaderName(name)))
        }
        return result
    }

    /// A lone `=` (a bare word of the shell lexer), not `==` or part of `-eq`.
    private func isBareEquals(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.end - token.start == 1, file.bytes[token.start] == UInt8(ascii: "=") else { return false }
        return token.kind == .string || token.kind == .punctuation
    }

    /// The variable (`$apiKey`, `$env:API_KEY` → `API_KEY`) or hashtable key (`'X-API-KEY'`,
    /// `Authorization`) at token `index`, and whether it is a key rather than a variable.
    private func powerShellName(_ index: Int) -> (String, Bool)? {
        let token = tokens[index]
        if token.kind == .string && token.quote != 0 {
            guard !token.isTemplate else { return nil }
            let name = value(index)
            return name.isEmpty ? nil : (name, true)
        }
        var name = Substring(text(index))
        let isVariable = name.hasPrefix("$")
        if isVariable {
            name = name.dropFirst()
            if let colon = name.firstIndex(of: ":"), Self.powerShellScopes.contains(name[..<colon].lowercased()) {
                name = name[name.index(after: colon)...]
            }
        }
        guard !name.isEmpty, name.utf8.allSatisfy({ ASCII.isIdentifierByte($0) || $0 == UInt8(ascii: "-") }) else {
            return nil
        }
        return (String(name), !isVariable)
    }

    /// True when token `index` begins a statement or a hashtable entry: first on its line, or
    /// after `;`, `{` or `(`.
    private func startsPowerShellStatement(_ index: Int) -> Bool {
        guard let before = previous(index) else { return true }
        if isPunct(before, ";") || isPunct(before, "{") || isPunct(before, "(") { return true }
        return file.bytes[tokens[before].end..<tokens[index].start].contains(0x0A)
    }

    /// `<# … #>` comment-based help (the shell lexer does not know it): examples there are docs.
    private func powerShellBlockComments() -> [Range<Int>] {
        let bytes = file.bytes
        var ranges: [Range<Int>] = []
        var i = 0
        while i + 1 < bytes.count {
            guard bytes[i] == UInt8(ascii: "<"), bytes[i + 1] == UInt8(ascii: "#") else {
                i += 1
                continue
            }
            var k = i + 2
            while k + 1 < bytes.count && !(bytes[k] == UInt8(ascii: "#") && bytes[k + 1] == UInt8(ascii: ">")) {
                k += 1
            }
            let end = min(bytes.count, k + 2)
            ranges.append(i..<end)
            i = end
        }
        return ranges
    }
}
