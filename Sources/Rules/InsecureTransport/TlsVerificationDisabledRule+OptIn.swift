import Engine
import Facts
import Model
import Prefilter
import Support

extension TlsVerificationDisabledRule {
    /// Words of an option or a type that a caller chooses to get the insecure behaviour:
    /// `if ignore_ssl_certs:`, `class InsecureHTTPAdapter`, `func unverifiedSession()`.
    static let optInWords = [
        "insecure", "unverified", "ignoressl", "ignorecert", "noverify", "skipverify",
        "skiptls", "notlsverify", "trustall", "disablessl", "allowselfsigned", "allowuntrusted",
    ]

    /// The setting implements an insecure mode its caller asks for by name: it sits in a branch
    /// whose condition is such an option (`if ignore_ssl_certs:` in nodeenv), or in a class or
    /// function named for it (pip's `InsecureHTTPAdapter`, used only for `--trusted-host`). The
    /// caller's choice is where the risk is taken; the implementation is reported at warning.
    func isOptInInsecureMode(_ i: Int, _ facts: FileFacts) -> Bool {
        let line = facts.file.line(at: facts.tokens[i].start)
        var indent = Self.indentation(of: line, facts)
        var l = line - 1
        // Python and Ruby: the headers of the enclosing blocks, by indentation.
        if facts.file.language == .python || facts.file.language == .ruby {
            while l >= 1 && indent > 0 && line - l < 400 {
                let text = facts.file.lineText(l).trimmingSpaces
                if !text.isEmpty && !text.hasPrefix("#") && Self.indentation(of: l, facts) < indent {
                    indent = Self.indentation(of: l, facts)
                    if Self.isOptInHeader(text) { return true }
                }
                l -= 1
            }
            return false
        }
        // Brace languages: the statement before each enclosing `{`.
        var brace = facts.enclosingBrace[i]
        while brace >= 0 {
            let header = facts.file.lineText(facts.file.line(at: facts.tokens[brace].start)).trimmingSpaces
            if Self.isOptInHeader(header) { return true }
            brace = facts.enclosingBrace[brace]
        }
        return false
    }

    /// `if ignore_ssl_certs:`, `class InsecureHTTPAdapter(HTTPAdapter):`, `if (opts.insecure) {`.
    static func isOptInHeader(_ text: String) -> Bool {
        let keywords = ["if ", "if(", "elif ", "unless ", "class ", "def ", "func ", "function ", "fun ", "struct "]
        let lower = text.lowercased()
        guard keywords.contains(where: { lower.hasPrefix($0) || lower.contains(" " + $0) }) else { return false }
        let squashed = String(lower.filter { $0.isLetter })
        // `if not insecure:` / `if (!allowInsecure)`: the secure branch; its else is not looked at.
        if lower.hasPrefix("if not ") || lower.hasPrefix("if (!") || lower.hasPrefix("if !") { return false }
        return optInWords.contains(where: squashed.contains)
    }

    static func indentation(of line: Int, _ facts: FileFacts) -> Int {
        facts.file.lineText(line).prefix { $0 == " " || $0 == "\t" }.count
    }
}
