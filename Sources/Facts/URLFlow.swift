import Lexing
import Model
import Support

/// One level of flow inside a file: a local function whose parameter reaches a connection call
/// (`def fetch_report(base): return requests.get(base + "/r")`), so a plain-http literal passed
/// to it (`fetch_report("http://reports.acme.io")`) is a connection target.
extension FileFacts {
    private static let forwardingFunctionsKey = FactKey<[String: Set<Int>]>("forwardingFunctions")

    /// Local function name → positions of the parameters it hands to a connection call.
    var forwardingFunctions: [String: Set<Int>] {
        memo(Self.forwardingFunctionsKey) {
            var result: [String: Set<Int>] = [:]
            for i in tokens.indices where tokens[i].kind == .identifier {
                guard ["def", "function", "func", "fun"].contains(text(i)), let nameIndex = next(i),
                    tokens[nameIndex].kind == .identifier, let open = next(nameIndex), isPunct(open, "("),
                    tokens[open].pairIndex > open
                else { continue }
                let parameters = parameterNames(open: open, close: tokens[open].pairIndex)
                guard !parameters.isEmpty, let body = functionBody(after: tokens[open].pairIndex, definedAt: i) else {
                    continue
                }
                var reaching = Set<Int>()
                for call in calls where body.contains(call.openParen) && Self.connectionCalls.contains(call.name) {
                    for argument in call.arguments {
                        for k in argument {
                            // The name itself, or inside an interpolation (`${endpoint}/v1`, f"{base}/r").
                            var names: [String] = []
                            if tokens[k].kind == .identifier { names = [text(k)] }
                            if tokens[k].kind == .string {
                                names = templateHoles(of: k).flatMap {
                                    $0.expression.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") })
                                        .map(String.init)
                                }
                            }
                            for name in names {
                                if let position = parameters.firstIndex(of: name) { reaching.insert(position) }
                            }
                        }
                    }
                }
                if !reaching.isEmpty { result[text(nameIndex), default: []].formUnion(reaching) }
            }
            return result
        }
    }

    /// True when the string at `index` is an argument of a call to a local function whose
    /// parameter at that position reaches a connection call.
    func isForwardedToConnection(_ index: Int) -> Bool {
        guard let open = enclosingBracket(of: index, lookingBack: 200), isPunct(open, "("),
            let name = previous(open), tokens[name].kind == .identifier,
            let positions = forwardingFunctions[text(name)],
            let call = calls.first(where: { $0.openParen == open }),
            var position = call.arguments.firstIndex(where: { $0.contains(index) })
        else { return false }
        // `self.fetch(url)` / `client.fetch(url)` for `def fetch(self, url)`: the receiver is the first.
        if file.language == .python && call.callee.contains(".") { position += 1 }
        return positions.contains(position)
    }

    /// Parameter names in order: the name before `:` or `=` (Swift's internal name after a label).
    private func parameterNames(open: Int, close: Int) -> [String] {
        var names: [String] = []
        var current: [Int] = []
        var k = open + 1
        func flush() {
            // `label name: Type`, `name: Type`, `name = default`, `Type name` (Java/C-like): the
            // identifier right before `:` / `=`, or the last identifier.
            let stop = current.firstIndex { isPunct($0, ":") || isPunct($0, "=") } ?? current.count
            let name = current[..<stop].last(where: { tokens[$0].kind == .identifier }).map { text($0) }
            names.append(name ?? "")
            current = []
        }
        while k < close {
            if isPunct(k, ",") {
                flush()
            } else {
                current.append(k)
                if isOpeningBracket(k) && tokens[k].pairIndex > k { k = tokens[k].pairIndex }
            }
            k += 1
        }
        if !current.isEmpty { flush() }
        return names
    }

    /// The body after a parameter list: `{ … }` in brace languages; the indented block below
    /// the `def` line in Python and Ruby.
    private func functionBody(after close: Int, definedAt keyword: Int) -> Range<Int>? {
        if file.language == .python || file.language == .ruby {
            let defLine = file.line(at: tokens[keyword].start)
            let indent = file.lineText(defLine).prefix { $0 == " " || $0 == "\t" }.count
            var end = close + 1
            while end < tokens.count {
                let line = file.line(at: tokens[end].start)
                let text = file.lineText(line)
                if line > defLine && text.prefix(while: { $0 == " " || $0 == "\t" }).count <= indent
                    && tokens[end].kind != .comment
                {
                    break
                }
                end += 1
            }
            return (close + 1)..<end
        }
        var k = close + 1
        while k < tokens.count && k - close < 40 && !isPunct(k, "{") {
            if isPunct(k, ";") { return nil }  // a declaration without a body
            k += 1
        }
        guard k < tokens.count, isPunct(k, "{"), tokens[k].pairIndex > k else { return nil }
        return k..<tokens[k].pairIndex
    }
}
