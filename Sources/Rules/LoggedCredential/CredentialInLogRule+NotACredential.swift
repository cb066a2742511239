import Engine
import Facts
import Model
import Support

/// Logged values that carry a credential's name but not its value.
extension CredentialInLogRule {
    /// Qualifiers that make a credential name a list of *which* credentials (`ignored_credentials`,
    /// `missing_keys`, `required_secrets`): such lists hold setting names, not values.
    static let aboutCredentialWords: Set<String> = [
        "ignored", "missing", "unused", "required", "supported", "allowed", "available", "unknown", "needed",
    ]

    static func namesCredentialsNotValues(_ name: String) -> Bool {
        CredentialNames.words(name).contains(where: aboutCredentialWords.contains)
    }

    /// `if 'Code' in credentials and 'Message' in credentials: log(credentials)`: the branch is
    /// taken when the logged value is an error response, which holds no credential.
    static func isErrorBranch(logging argument: Range<Int>, at call: Int, _ facts: FileFacts) -> Bool {
        let names = Set(argument.filter { facts.tokens[$0].kind == .identifier }.map { facts.text($0) })
        guard !names.isEmpty, let header = enclosingHeader(of: call, facts) else { return false }
        let lower = header.lowercased()
        guard lower.hasPrefix("if") || lower.hasPrefix("elif") || lower.hasPrefix("} else if") else { return false }
        let words = Set(header.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).map(String.init))
        return !names.isDisjoint(with: words)
            && ["'code'", "\"code\"", "'message'", "\"message\"", "error", "fault"].contains(where: lower.contains)
    }

    /// The header line of the block around token `i`: by indentation in Python and Ruby, the line
    /// of the enclosing `{` elsewhere.
    static func enclosingHeader(of i: Int, _ facts: FileFacts) -> String? {
        let file = facts.file
        let line = file.line(at: facts.tokens[i].start)
        func indentation(_ l: Int) -> Int { file.lineText(l).prefix { $0 == " " || $0 == "\t" }.count }
        if file.language == .python || file.language == .ruby {
            let indent = indentation(line)
            var l = line - 1
            while l >= 1 && line - l < 200 {
                let text = file.lineText(l).trimmingSpaces
                if !text.isEmpty && !text.hasPrefix("#") && indentation(l) < indent { return text }
                l -= 1
            }
            return nil
        }
        let brace = facts.enclosingBrace[i]
        return brace >= 0 ? file.lineText(file.line(at: facts.tokens[brace].start)).trimmingSpaces : nil
    }
}
