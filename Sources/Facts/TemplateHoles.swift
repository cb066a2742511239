import Lexing
import Model
import Support

/// One interpolation hole of a string literal: the expression written inside it.
public struct TemplateHole: Sendable, Equatable {
    public enum Opener: String, Sendable {
        /// `${…}`: JS/TS, Kotlin, Dart, Groovy, shell.
        case dollarBrace = "${"
        /// `#{…}`: Ruby, CoffeeScript.
        case hashBrace = "#{"
        /// `\(…)`: Swift.
        case backslashParen = "\\("
        /// `{…}`: Python f-strings, C# `$"…"`.
        case brace = "{"
        /// `$name`: shell, PHP, Kotlin, Dart, Groovy, Scala.
        case dollarName = "$"
    }

    public var opener: Opener
    /// The expression (for Python and C#, without a `!r` / `:>10` / `=` conversion or format spec).
    public var expression: String
    /// True when the hole opens the string (`f"{base}/x"`, `` `${BASE}/x` ``).
    public var isLeading: Bool
}

extension FileFacts {
    /// Dialects whose double-quoted strings interpolate `$name`.
    static let dollarNameDialects: Set<Dialect> = [.php, .kotlin, .dart, .groovy, .gradle, .scala, .shell]

    /// The interpolation holes of string token `i`, in order (empty for other tokens and plain strings).
    public func templateHoles(of i: Int) -> [TemplateHole] {
        let token = tokens[i]
        guard let value = value(of: token), token.kind == .string else { return [] }
        let dialect = file.dialect
        let language = file.language
        let dollarNames = Self.dollarNameDialects.contains(dialect) || language == .shell
        let csharpInterpolated =
            dialect == .csharp && previous(i).map { text($0).contains("$") && tokens[$0].end == token.start } == true
        let braces = (language == .python && token.isTemplate) || csharpInterpolated
        // Dart interpolates single-quoted strings as well; in PHP and shell they are literal.
        let interpolatingQuote = token.quote != UInt8(ascii: "'") || dialect == .dart
        guard token.isTemplate || (dollarNames && interpolatingQuote) || csharpInterpolated else {
            return []
        }
        return Self.holes(
            in: Array(value.unicodeScalars), braces: braces, dollarNames: dollarNames,
            cutsFormatSpec: language == .python || dialect == .csharp, keepsDollar: dialect == .php,
            powerShellScopes: language == .shell)
    }

    /// A hole's expression lexed on its own, in the file's language, as facts of its own.
    public func expressionFacts(_ expression: String) -> FileFacts {
        let sub = SourceFile(path: file.path, bytes: Array(expression.utf8))
        return FileFacts(file: sub, tokens: LexerRegistry.tokenize(sub), hosts: hosts)
    }

    private static func holes(
        in chars: [Unicode.Scalar], braces: Bool, dollarNames: Bool, cutsFormatSpec: Bool,
        keepsDollar: Bool, powerShellScopes: Bool
    ) -> [TemplateHole] {
        var result: [TemplateHole] = []
        var k = 0
        func balanced(from start: Int, open: Unicode.Scalar, close: Unicode.Scalar) -> Int {
            var depth = 1, j = start
            while j < chars.count {
                if chars[j] == open { depth += 1 } else if chars[j] == close { depth -= 1; if depth == 0 { return j } }
                j += 1
            }
            return chars.count
        }
        func text(_ a: Int, _ b: Int) -> String {
            var s = String.UnicodeScalarView(); s.append(contentsOf: chars[a..<min(b, chars.count)]); return String(s)
        }
        func add(_ opener: TemplateHole.Opener, _ expression: String, at start: Int) {
            result.append(TemplateHole(opener: opener, expression: expression, isLeading: start == 0))
        }
        while k < chars.count {
            let c = chars[k]
            let next: Unicode.Scalar? = k + 1 < chars.count ? chars[k + 1] : nil
            if braces {
                if c == "{" && next == "{" { k += 2; continue }
                if c == "{" {
                    let end = balanced(from: k + 1, open: "{", close: "}")
                    var expression = text(k + 1, end)
                    // `{token!r}`, `{amount:>10}`, `{x=}`: drop the conversion / format spec.
                    if let cut = expression.firstIndex(where: { $0 == "!" || $0 == ":" || $0 == "=" }), cutsFormatSpec {
                        let rest = expression[cut...]
                        if !rest.hasPrefix("!=") && !rest.hasPrefix("==") { expression = String(expression[..<cut]) }
                    }
                    add(.brace, expression, at: k)
                    k = end + 1
                    continue
                }
            } else if (c == "$" || c == "#") && next == "{" {
                let end = balanced(from: k + 2, open: "{", close: "}")
                add(c == "$" ? .dollarBrace : .hashBrace, text(k + 2, end), at: k)
                k = end + 1
                continue
            } else if c == "\\" && next == "(" {
                let end = balanced(from: k + 2, open: "(", close: ")")
                add(.backslashParen, text(k + 2, end), at: k)
                k = end + 1
                continue
            } else if powerShellScopes && c == "$" && next == "(" {
                // `$($env:TOKEN.Length)`: a member of the value, not the value, is shown.
                let end = balanced(from: k + 2, open: "(", close: ")")
                let inner = text(k + 2, end).trimmingCharacters(in: .whitespaces)
                if inner.lowercased().hasPrefix("$env:"), let dot = inner.firstIndex(of: "."),
                    inner[inner.index(inner.startIndex, offsetBy: 5)..<dot].allSatisfy({
                        $0 == "_" || $0.isLetter || $0.isNumber
                    })
                {
                    k = end + 1
                    continue
                }
                k += 2
                continue
            } else if dollarNames && c == "$", let n = next, n == "_" || n.properties.isAlphabetic {
                var end = k + 1
                while end < chars.count
                    && (chars[end] == "_" || chars[end].properties.isAlphabetic
                        || chars[end].properties.numericType != nil)
                { end += 1 }
                var name = text(k + 1, end)
                // PowerShell reads an environment variable as `$env:NAME`: the hole is NAME.
                if powerShellScopes, name.lowercased() == "env", end + 1 < chars.count, chars[end] == ":",
                    chars[end + 1] == "_" || chars[end + 1].properties.isAlphabetic
                {
                    end += 1
                    let nameStart = end
                    while end < chars.count
                        && (chars[end] == "_" || chars[end].properties.isAlphabetic
                            || chars[end].properties.numericType != nil)
                    { end += 1 }
                    name = text(nameStart, end)
                }
                add(.dollarName, (keepsDollar ? "$" : "") + name, at: k)
                k = end
                continue
            }
            k += 1
        }
        return result
    }
}
