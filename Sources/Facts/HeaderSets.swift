import Lexing
import Model
import Support

/// The headers (and auth options) that belong to one request, with where each was written.
public struct HeaderSet: Sendable {
    public struct Header: Sendable {
        public var name: String
        /// Token index of the header name and of its value (when known).
        public var nameToken: Int
        public var valueToken: Int?
        /// The value's decoded text (literal) or source text (expression).
        public var value: String
    }

    public enum Origin: String, Sendable {
        case literal, curl, setter, builder, callOptions, httpFile, serverConfig, postman, openAPI
    }
    public var origin: Origin
    public var headers: [Header]
}

extension FileFacts {
    private static let headerSetsKey = FactKey<[HeaderSet]>("headerSets")
    /// Header sets of the file: object / dict / hash literals whose keys include a credential
    /// header, curl commands, and (RequestHeaderSets.swift) setter sequences on one receiver in
    /// one scope, builder chains, `auth=` call options, `.http` request blocks, nginx blocks and
    /// Postman requests. Rules decide which headers count as credentials (the configured list included).
    public var headerSets: [HeaderSet] {
        memo(Self.headerSetsKey) {
            (objectLiteralHeaderSets + curlHeaderSets + setterHeaderSets() + callOptionHeaderSets()
                + httpFileHeaderSets()
                + serverConfigHeaderSets() + postmanHeaderSets() + openAPISecurityHeaderSets() + headerLineArrays()
                + httpieHeaderSets())
                .filter { !$0.headers.isEmpty }
        }
    }

    /// `{ 'Authorization': …, 'X-API-Key': … }`, `{Authorization: …}`, `{"appkey" => …}`, and the
    /// bracket forms of PHP arrays (`['Authorization' => …]`) and Swift dictionaries
    /// (`["Authorization": …]`), whose keys must be string literals.
    private func literalHeaderSets() -> [HeaderSet] {
        var sets: [HeaderSet] = []
        for open in tokens.indices
        where (isPunct(open, "{") || isPunct(open, "[")) && tokens[open].pairIndex > open {
            let close = tokens[open].pairIndex
            let bracket = isPunct(open, "[")
            var entries: [(name: String, nameToken: Int, valueToken: Int?)] = []
            var i = open + 1
            while i < close {
                if isOpeningBracket(i) && tokens[i].pairIndex > i { i = tokens[i].pairIndex + 1; continue }
                let kind = tokens[i].kind
                if (kind == .identifier && !bracket) || (kind == .string && !tokens[i].isTemplate),
                    let op = next(i), op < close,
                    isPunct(op, ":") || isPunct(op, "=>")
                        || (isPunct(op, "=") && next(op).map { isPunct($0, ">") } == true)
                {
                    let name = kind == .string ? (value(of: tokens[i]) ?? "") : text(i)
                    var valueIndex = next(op)
                    if let v = valueIndex, isPunct(v, ">") { valueIndex = next(v) }
                    entries.append((name, i, valueIndex))
                }
                i += 1
            }
            // A credential header, or the appkey misspelled (`AppKey`, `App_Key`: appkey-header-casing).
            // Values are rendered only for such sets: most object literals hold no header at all.
            if entries.contains(where: {
                CredentialNames.mechanism(ofHeader: $0.name) != nil || Self.isAppKeySpelling($0.name)
            }) {
                sets.append(
                    HeaderSet(
                        origin: .literal,
                        headers: entries.map { entry in
                            .init(
                                name: entry.name, nameToken: entry.nameToken, valueToken: entry.valueToken,
                                value: entry.valueToken.map { expressionText(from: $0, limit: close) } ?? "")
                        }))
            }
        }
        return sets
    }

    /// `appkey` in any case, with any separators (`AppKey`, `App_Key`, `APP-KEY`).
    package static func isAppKeySpelling(_ name: String) -> Bool {
        var letters: [UInt8] = []
        for byte in name.utf8 {
            switch byte {
            case 0x41...0x5A: letters.append(byte | 0x20)
            case 0x61...0x7A: letters.append(byte)
            case 0x80...: return name.lowercased().filter(\.isLetter) == "appkey"
            default: continue
            }
            if letters.count > 6 { return false }
        }
        return letters.elementsEqual("appkey".utf8)
    }

    private static let objectLiteralHeaderSetsKey = FactKey<[HeaderSet]>("objectLiteralHeaderSets")
    /// Only the object/dict/hash literal sets: cheaper for rules that need no other kind.
    public var objectLiteralHeaderSets: [HeaderSet] { memo(Self.objectLiteralHeaderSetsKey) { literalHeaderSets() } }

    private static let curlHeaderSetsKey = FactKey<[HeaderSet]>("curlHeaderSets")
    /// curl commands in shell, Dockerfile RUN lines and Markdown fences: `-H 'Name: value'`, `-u`
    /// and `--oauth2-bearer`.
    package var curlHeaderSets: [HeaderSet] {
        memo(Self.curlHeaderSetsKey) {
            yamlCurlHeaderSets()
                + commandHeaderSets(programs: ["curl"]) { word, j in
                    if word == "-H" || word == "--header", let v = next(j) {
                        let header = value(v)
                        guard let colon = header.firstIndex(of: ":") else { return (nil, v) }
                        return (
                            .init(
                                name: header[..<colon].trimmingCharacters(in: .whitespaces), nameToken: v,
                                valueToken: v,
                                value: header[header.index(after: colon)...].trimmingCharacters(in: .whitespaces)), v
                        )
                    }
                    if word == "-u" || word == "--user", let v = next(j) {
                        return (.init(name: "Authorization", nameToken: j, valueToken: v, value: "Basic (from -u)"), v)
                    }
                    if word.hasPrefix("--oauth2-bearer"), let v = next(j) {
                        return (
                            .init(
                                name: "Authorization", nameToken: j, valueToken: v,
                                value: "Bearer (from --oauth2-bearer)"),
                            v
                        )
                    }
                    return (nil, j)
                }
        }
    }

    /// `run: curl -H "Authorization: …" -H "X-API-Key: …" …` in CI YAML: the headers of each curl
    /// command in a YAML string, name and value tokens being that string.
    private func yamlCurlHeaderSets() -> [HeaderSet] {
        guard file.language == .yaml else { return [] }
        var sets: [HeaderSet] = []
        for command in shellCommands where command.program == "curl" {
            var headers: [HeaderSet.Header] = []
            for (k, word) in command.words.enumerated() where word.text == "-H" || word.text == "--header" {
                guard k + 1 < command.words.count, let colon = command.words[k + 1].text.firstIndex(of: ":"),
                    let token = tokens.index(containing: word.range.lowerBound),
                    word.range.upperBound <= tokens[token].end
                else { continue }
                let header = command.words[k + 1].text
                headers.append(
                    .init(
                        name: header[..<colon].trimmingCharacters(in: .whitespaces), nameToken: token,
                        valueToken: token,
                        value: header[header.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
            }
            if !headers.isEmpty { sets.append(HeaderSet(origin: .curl, headers: headers)) }
        }
        return sets
    }

    /// Every command (shell, Dockerfile, Markdown fences) whose program word is one of `programs`,
    /// as a header set of what `header` reads from its words. `header` gets each word and its
    /// token index and returns the header it found (if any) and the last token it consumed.
    func commandHeaderSets(
        programs: Set<String>,
        _ header: (_ word: String, _ index: Int) -> (HeaderSet.Header?, consumedThrough: Int)
    ) -> [HeaderSet] {
        guard file.language == .shell || file.language == .dockerfile || file.language == .markdown || isPlainText
        else { return [] }
        let programs = isPlainText ? programs.intersection(LexerRegistry.plainTextCommandPrograms) : programs
        var sets: [HeaderSet] = []
        var i = 0
        while i < tokens.count {
            defer { i += 1 }
            guard tokens[i].kind == .string || tokens[i].kind == .identifier, programs.contains(value(i)) else {
                continue
            }
            var headers: [HeaderSet.Header] = []
            var j = i + 1
            while j < tokens.count && !endsCommand(between: j - 1, and: j) {
                let (found, last) = header(value(j), j)
                if let found { headers.append(found) }
                j = last + 1
            }
            if !headers.isEmpty { sets.append(HeaderSet(origin: .curl, headers: headers)) }
            i = j - 1
        }
        return sets
    }

    /// A shell command ends at `;`, `|`, `&&`, `||` or a line break that is not `\`-continued.
    package func endsCommand(between a: Int, and b: Int) -> Bool {
        if tokens[b].kind == .punctuation, ["|", ";", "&&", "||", "&"].contains(text(b)) { return true }
        var k = tokens[a].end
        var continued = false
        while k < tokens[b].start {
            let byte = file.bytes[k]
            if byte == UInt8(ascii: "\\") {
                continued = true
            } else if byte == 0x0A {
                if !continued && !continuesWithOption(from: k, to: b) { return true }
                continued = false
            } else if byte != 0x20 && byte != 0x09 && byte != 0x0D {
                continued = false
            }
            k += 1
        }
        return false
    }

    /// A line led by an option (`-H …`, `--user …`) after a command line: no shell runs `-H` as a
    /// command, so the `\` was left out (docs often do) and the line belongs to the command.
    /// Comment markers before it count as blanks (a commented-out command in notes).
    private func continuesWithOption(from lineBreak: Int, to b: Int) -> Bool {
        var k = lineBreak + 1
        while k < tokens[b].start {
            let byte = file.bytes[k]
            guard byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == UInt8(ascii: "#") else { return false }
            k += 1
        }
        return LexerRegistry.startsWithOption(file.bytes, tokens[b].start, tokens[b].end)
    }
}
