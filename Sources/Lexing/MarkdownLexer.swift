import Model
import Support

/// Markdown: fenced code blocks lexed as their language; prose as comment tokens, one per line.
struct MarkdownLexer: Lexer {
    static let fenceLanguages: [String: Language] = [
        "js": .cLike, "javascript": .cLike, "ts": .cLike, "typescript": .cLike, "swift": .cLike, "go": .cLike,
        "java": .cLike,
        "kotlin": .cLike, "csharp": .cLike, "cs": .cLike, "php": .cLike, "rust": .cLike, "c": .cLike, "cpp": .cLike,
        "jsx": .cLike, "tsx": .cLike,
        "python": .python, "py": .python, "ruby": .ruby, "rb": .ruby, "bash": .shell, "sh": .shell, "shell": .shell,
        "console": .shell,
        "zsh": .shell, "curl": .shell, "yaml": .yaml, "yml": .yaml, "json": .json, "jsonc": .json, "http": .http,
        "ini": .keyValue,
        "toml": .keyValue, "env": .keyValue, "dotenv": .keyValue, "properties": .keyValue, "dockerfile": .dockerfile,
        "docker": .dockerfile,
        "xml": .xml, "html": .xml, "nginx": .serverConfig, "apache": .serverConfig,
    ]

    func tokenize(_ bytes: [UInt8], values: inout TokenValues) -> [Token] {
        var tokens: [Token] = []
        var cursor = LineCursor(bytes: bytes)
        while let line = cursor.nextLine() {
            let i = cursor.skipSpaces(line.start, line.end)
            guard i < line.end else { continue }
            let fenceByte = bytes[i]
            if (fenceByte == UInt8(ascii: "`") || fenceByte == UInt8(ascii: "~")) && line.end - i >= 3
                && bytes[i + 1] == fenceByte && bytes[i + 2] == fenceByte
            {
                let info = String(decoding: bytes[(i + 3)..<line.end], as: UTF8.self).trimmingCharacters(
                    in: .whitespaces
                ).lowercased()
                let language = Self.fenceLanguages[String(info.prefix { $0 != " " && $0 != "{" })] ?? .plainText
                let bodyStart = line.next
                var bodyEnd = bytes.count
                while let inner = cursor.nextLine() {
                    let j = cursor.skipSpaces(inner.start, inner.end)
                    if inner.end - j >= 3 && bytes[j] == fenceByte && bytes[j + 1] == fenceByte
                        && bytes[j + 2] == fenceByte
                    {
                        bodyEnd = inner.start
                        break
                    }
                }
                LineLexing.embedded(
                    LexerRegistry.lexer(for: language), bytes, bodyStart, bodyEnd, into: &tokens, values: &values)
                continue
            }
            tokens.append(LineLexing.comment(bytes, i, line.end, marker: 0))
        }
        return tokens
    }
}
