import Lexing
import Model
import Support

/// One shell command line (`curl -sS -u … http://…`), as words with where each was written.
public struct ShellCommand: Sendable {
    public struct Word: Sendable {
        /// The word as the shell sees it (quotes removed).
        public var text: String
        public var range: Range<Int>
        /// Token index when the word is a token of its own (shell, Dockerfile, Markdown fences);
        /// nil for words split out of a YAML/CI string such as `run: curl -k …`.
        public var token: Int?
    }

    /// Program name without its directory (`/usr/bin/curl` → `curl`).
    public var program: String
    /// The program word first, then its arguments up to `;`, `|`, `&&`, `||` or an unescaped line break.
    public var words: [Word]
}

extension FileFacts {
    private static let shellCommandsKey = FactKey<[ShellCommand]>("shellCommands")
    /// Command lines of shell scripts, Dockerfile `RUN` lines, Markdown shell fences, and
    /// single-string command values in YAML (CI `run:` / `script:` steps; there only the
    /// commands of `yamlCommandPrograms`).
    public var shellCommands: [ShellCommand] { memo(Self.shellCommandsKey) { tokenCommands() + yamlCommands() } }

    private func tokenCommands() -> [ShellCommand] {
        guard file.language == .shell || file.language == .dockerfile || file.language == .markdown || isPlainText
        else { return [] }
        var commands: [ShellCommand] = []
        var i = 0
        while i < tokens.count {
            defer { i += 1 }
            guard tokens[i].kind == .string || tokens[i].kind == .identifier else { continue }
            // A command starts a statement: first token, or after a command separator / line break.
            guard
                i == 0 || endsCommand(between: i - 1, and: i) || isPunct(i - 1, "(") || isPunct(i - 1, "{")
                    || value(i - 1) == "$"
                    || (tokens[i - 1].kind == .punctuation && ["&&", "||", ";", "|", "&"].contains(text(i - 1)))
                    || (tokens[i - 1].kind == .identifier
                        && ["sudo", "exec", "then", "do", "else", "time", "RUN", "xargs"].contains(text(i - 1)))
            else { continue }
            var words: [ShellCommand.Word] = [.init(text: value(i), range: tokens[i].start..<tokens[i].end, token: i)]
            var j = i + 1
            while j < tokens.count && !endsCommand(between: j - 1, and: j) {
                if tokens[j].kind == .string || tokens[j].kind == .identifier || tokens[j].kind == .number {
                    // `-u user:pass` and `--user=x` are single words; a bare `=` joins `KEY=value`.
                    words.append(.init(text: value(j), range: tokens[j].start..<tokens[j].end, token: j))
                } else if tokens[j].kind == .punctuation && tokens[j].start == tokens[j - 1].end,
                    let last = words.indices.last,
                    tokens[j].end - tokens[j].start == 1, text(j) == "=" || text(j) == ":"
                {
                    words[last].text += text(j)
                    words[last].range = words[last].range.lowerBound..<tokens[j].end
                }
                j += 1
            }
            let program = Self.programName(words[0].text)
            // Plain text is prose but for the command lines its lexer read as shell.
            if isPlainText && !LexerRegistry.plainTextCommandPrograms.contains(program) { continue }
            commands.append(ShellCommand(program: program, words: words))
        }
        return commands
    }

    /// The programs whose command lines YAML strings are read for: the HTTP clients (curl, wget,
    /// HTTPie) that every reader of `shellCommands` asks about (`ShellCommandReadersTests` holds
    /// the two together). A YAML file has thousands of plain strings and almost none is a command
    /// line: building each as words of Strings was a tenth of a history scan of YAML rule files.
    package static let yamlCommandPrograms: Set<String> = ["curl", "wget", "http", "https"]

    /// `run: curl -k https://…` in YAML: plain or block-scalar strings whose bytes are the value,
    /// split on blanks and command separators; only the commands of `yamlCommandPrograms`.
    private func yamlCommands() -> [ShellCommand] {
        guard file.language == .yaml else { return [] }
        var commands: [ShellCommand] = []
        let bytes = file.bytes
        var words: [Range<Int>] = []
        func flush() {
            if let first = words.first, let program = yamlCommandProgram(first) {
                commands.append(
                    ShellCommand(
                        program: program,
                        words: words.map { .init(text: Self.unquoted(bytes[$0]), range: $0, token: nil) }))
            }
            words.removeAll(keepingCapacity: true)
        }
        for token in tokens where token.kind == .string && token.quote == 0 {
            guard token.end - token.start > 5, Self.mayNameCommandProgram(bytes[token.start..<token.end]) else {
                continue
            }
            var k = token.start
            while k < token.end {
                let b = bytes[k]
                if b == 0x0A || b == UInt8(ascii: ";") || b == UInt8(ascii: "|") || b == UInt8(ascii: "&") {
                    // A `\`-continued line stays in the same command.
                    let continued =
                        b == 0x0A && k > token.start
                        && words.last.map { bytes[$0.upperBound - 1] == UInt8(ascii: "\\") } == true
                    if continued { words.removeLast() } else { flush() }
                    k += 1
                    continue
                }
                if b == 0x20 || b == 0x09 || b == 0x0D { k += 1; continue }
                var e = k
                var quote: UInt8 = 0
                while e < token.end {
                    let c = bytes[e]
                    if quote != 0 {
                        if c == quote { quote = 0 }
                    } else if c == 0x22 || c == 0x27 {
                        quote = c
                    } else if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == UInt8(ascii: ";")
                        || c == UInt8(ascii: "|") || c == UInt8(ascii: "&")
                    {
                        break
                    }
                    e += 1
                }
                words.append(k..<e)
                k = e
            }
            flush()
        }
        return commands
    }

    /// The program a command's first word names, when it is one of `yamlCommandPrograms`.
    private func yamlCommandProgram(_ word: Range<Int>) -> String? {
        // Without a quote the word's bytes are its text, which must then hold the program's name.
        let slice = file.bytes[word]
        guard Self.mayNameCommandProgram(slice) else { return nil }
        let program = Self.programName(Self.unquoted(slice))
        return Self.yamlCommandPrograms.contains(program) ? program : nil
    }

    /// False only when `bytes` can hold no word naming a program of `yamlCommandPrograms`: no
    /// quote (which the shell removes, `cu"rl"`) and none of `curl`, `wget`, `http` (`https`).
    static func mayNameCommandProgram(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard buffer.count >= 4 else { return buffer.contains(0x22) || buffer.contains(0x27) }
            for i in 0..<buffer.count {
                switch buffer[i] {
                case 0x22, 0x27: return true
                case UInt8(ascii: "c"), UInt8(ascii: "w"), UInt8(ascii: "h"):
                    guard i + 3 < buffer.count else { continue }
                    let rest = (buffer[i], buffer[i + 1], buffer[i + 2], buffer[i + 3])
                    if rest == (0x63, 0x75, 0x72, 0x6C) || rest == (0x77, 0x67, 0x65, 0x74)
                        || rest == (0x68, 0x74, 0x74, 0x70)
                    {
                        return true
                    }
                default: continue
                }
            }
            return false
        }
    }

    /// A YAML word as the shell sees it: quotes removed (no quote byte, no quote character).
    static func unquoted(_ bytes: ArraySlice<UInt8>) -> String {
        let raw = String(decoding: bytes, as: UTF8.self)
        guard bytes.contains(0x22) || bytes.contains(0x27) else { return raw }
        return raw.filter { $0 != "\"" && $0 != "'" }
    }

    var isPlainText: Bool { file.language == .plainText }

    static func programName(_ word: String) -> String {
        word.split(separator: "/").last.map(String.init) ?? word
    }
}
