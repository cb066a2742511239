import Model
import Support

/// `.env`, INI, TOML, `.properties`, `.npmrc`: `[section]`, `key = value`, `KEY=value`,
/// `export KEY=value`, `key: value`; `#` and `;` comments at line start.
struct KeyValueLexer: Lexer {
    func tokenize(_ bytes: [UInt8], values: inout TokenValues) -> [Token] {
        var tokens: [Token] = []
        var cursor = LineCursor(bytes: bytes)
        while let line = cursor.nextLine() {
            var i = cursor.skipSpaces(line.start, line.end)
            guard i < line.end else { continue }
            let b = bytes[i]
            if b == UInt8(ascii: "#") || b == UInt8(ascii: ";") || b == UInt8(ascii: "!") {
                tokens.append(LineLexing.comment(bytes, i, line.end, marker: 1))
                continue
            }
            if b == UInt8(ascii: "[") {
                LineLexing.embedded(CodeLexer(.json), bytes, i, line.end, into: &tokens, values: &values)
                continue
            }
            if line.end - i > 7 && bytes[i..<(i + 7)].elementsEqual("export ".utf8) {
                i = cursor.skipSpaces(i + 7, line.end)
            }
            var k = i
            while k < line.end && bytes[k] != UInt8(ascii: "=") && bytes[k] != UInt8(ascii: ":") { k += 1 }
            guard k < line.end, k > i else {
                LineLexing.value(bytes, i, line.end, hashComments: true, into: &tokens, values: &values)
                continue
            }
            let nameEnd = cursor.trimEnd(i, k)
            if bytes[i] == 0x22 || bytes[i] == 0x27 {
                LineLexing.value(bytes, i, nameEnd, hashComments: false, into: &tokens, values: &values)
            } else {
                tokens.append(Token(kind: .identifier, start: i, end: nameEnd))
            }
            // logstash / Ruby-hash style `"name" => "value"`.
            let opEnd =
                bytes[k] == UInt8(ascii: "=") && k + 1 < line.end && bytes[k + 1] == UInt8(ascii: ">") ? k + 2 : k + 1
            tokens.append(Token(kind: .punctuation, start: k, end: opEnd))
            let valueStart = cursor.skipSpaces(opEnd, line.end)
            if valueStart < line.end
                && (bytes[valueStart] == UInt8(ascii: "[") || bytes[valueStart] == UInt8(ascii: "{"))
            {
                LineLexing.embedded(CodeLexer(.json), bytes, valueStart, line.end, into: &tokens, values: &values)
            } else {
                LineLexing.value(bytes, valueStart, line.end, hashComments: true, into: &tokens, values: &values)
            }
        }
        return tokens
    }
}
