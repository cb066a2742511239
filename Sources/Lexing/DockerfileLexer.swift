import Model
import Support

/// Dockerfile: instructions as identifiers; `ENV`/`ARG`/`LABEL` pairs as bindings; `RUN` and
/// the rest lexed as shell (with `\` continuations).
struct DockerfileLexer: Lexer {
    func tokenize(_ bytes: [UInt8], values: inout TokenValues) -> [Token] {
        var tokens: [Token] = []
        var cursor = LineCursor(bytes: bytes)
        while let line = cursor.nextLine() {
            let i = cursor.skipSpaces(line.start, line.end)
            guard i < line.end else { continue }
            if bytes[i] == UInt8(ascii: "#") {
                tokens.append(LineLexing.comment(bytes, i, line.end, marker: 1)); continue
            }
            // Join `\`-continued lines into one instruction.
            var end = line.end
            while end > i && bytes[cursor.trimEnd(i, end) - 1] == UInt8(ascii: "\\"), let more = cursor.nextLine() {
                end = more.end
            }
            var w = i
            while w < end && LexerSupport.isIdentPart(bytes[w]) { w += 1 }
            let instruction = String(decoding: bytes[i..<w], as: UTF8.self).uppercased()
            tokens.append(Token(kind: .identifier, start: i, end: w))
            let rest = cursor.skipSpaces(w, end)
            if instruction == "ENV" || instruction == "ARG" || instruction == "LABEL" {
                let text = bytes[rest..<end]
                if !text.contains(UInt8(ascii: "=")), let space = text.firstIndex(of: 0x20) {
                    // `ENV KEY value` form.
                    tokens.append(Token(kind: .identifier, start: rest, end: space))
                    tokens.append(Token(kind: .punctuation, start: space, end: space))
                    LineLexing.value(
                        bytes, cursor.skipSpaces(space, end), end, hashComments: false, into: &tokens, values: &values)
                    continue
                }
            }
            // Shell words; `KEY=value` pairs become identifier, `=`, string.
            LineLexing.embedded(CodeLexer(.shell), bytes, rest, end, into: &tokens, values: &values)
        }
        return tokens
    }
}
