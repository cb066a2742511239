import Model
import Support

/// The language family → lexer table.
public enum LexerRegistry {
    public static func lexer(for language: Language) -> any Lexer {
        switch language {
        case .cLike: return CodeLexer(.cLike)  // Go and Rust files get their own dialect in `tokenize(_:)`
        case .python: return CodeLexer(.python)
        case .ruby: return CodeLexer(.ruby)
        case .shell: return CodeLexer(.shell)
        case .json: return CodeLexer(.json)
        case .yaml: return YAMLLexer()
        case .keyValue: return KeyValueLexer()
        case .dockerfile: return DockerfileLexer()
        case .xml: return XMLLexer()
        case .serverConfig: return CodeLexer(.serverConfig)
        case .http: return HTTPFileLexer()
        case .markdown: return MarkdownLexer()
        case .plainText: return PlainTextLexer()
        }
    }

    /// The programs whose command lines plain text lexes as shell (`curl`, `wget`): in a plain
    /// text file only these are commands, the other lines being prose.
    package static var plainTextCommandPrograms: Set<String> { PlainTextLexer.commandPrograms }

    /// Whether the word at `start..<end` is a command-line option (`-H`, `--user`), not a `- `
    /// list bullet: a line led by one continues a command whose `\` was left out.
    package static func startsWithOption(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        PlainTextLexer.startsWithOption(bytes, start, end)
    }

    public static func tokenize(_ file: SourceFile) -> TokenList {
        let lexer: any Lexer =
            file.language == .cLike && file.dialect == .go
            ? CodeLexer(.go)
            : file.language == .cLike && file.dialect == .rust
                ? CodeLexer(.rust) : MakefileLexer.isMakefile(file.path) ? MakefileLexer() : lexer(for: file.language)
        var values = TokenValues()
        var tokens = lexer.tokenize(file.bytes, values: &values)
        LexerSupport.matchBrackets(&tokens, bytes: file.bytes)
        return TokenList(bytes: file.bytes, tokens: tokens, values: values)
    }
}
