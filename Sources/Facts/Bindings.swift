import Foundation
import Lexing
import Model
import Support

/// A name or key bound to a value: `x = "…"`, `"k": "…"`, `k: …`, `K=…`, `k => …`, `x := …`.
public struct Binding: Sendable {
    public enum ValueKind: Sendable, Equatable {
        /// A literal string with no interpolation holes.
        case literal
        /// A string with interpolation holes (`${x}`, f-strings, `\(x)`).
        case template
        /// A read from the environment or a secret store (`process.env.X`, `os.environ[...]`, `${VAR}`).
        case environment
        /// A function or method call (`getKey()`, `vault.read(...)`).
        case call
        /// Another name (`apiKey`, `config.key`).
        case reference
        case number
        /// Anything else (objects, arrays, operators).
        case other
    }

    /// The name as written: a quoted name's value, else the identifier (`FileFacts.string(_:)`).
    public var nameText: FactText
    /// Token index of the name.
    public var nameToken: Int
    /// Token index where the value starts.
    public var valueToken: Int
    public var valueKind: ValueKind
    /// Decoded string value for literals and templates; the source text for other kinds (a
    /// reference or call reads its dotted path, `a.b.c`).
    public var valueText: FactText
    /// True when the name was itself a quoted string (`"appkey": …`, `'Authorization' => …`).
    public var nameIsQuoted: Bool
}

extension FileFacts {
    private static let bindingsKey = FactKey<[Binding]>("bindings")
    /// Every binding in the file, in source order.
    public var bindings: [Binding] { memo(Self.bindingsKey) { extractBindings() } }

    /// A punctuation token's bytes packed big-endian into a number (`"=>"` is `0x3D3E`), so an
    /// operator is compared without a String; longer than any binding operator reads as `notAnOperator`.
    private func operatorCode(_ index: Int) -> UInt32 {
        let token = tokens[index]
        guard token.end - token.start <= 3 else { return Self.notAnOperator }
        var code: UInt32 = 0
        for k in token.start..<token.end { code = code << 8 | UInt32(file.bytes[k]) }
        return code
    }

    private static func operatorCode(_ symbol: StaticString) -> UInt32 {
        var code: UInt32 = 0
        for k in 0..<symbol.utf8CodeUnitCount { code = code << 8 | UInt32(symbol.utf8Start[k]) }
        return code
    }

    private static let notAnOperator = UInt32.max
    private static let equalsSign = operatorCode("=")
    private static let colon = operatorCode(":")
    private static let dot = operatorCode(".")
    private static let bindingOperators: Set<UInt32> = Set(
        [
            operatorCode("="), operatorCode(":"), operatorCode(":="), operatorCode("=>"), operatorCode("?="),
            operatorCode("||="), operatorCode("??="),
        ])
    private static let environmentMarkers = [
        "process.env", "os.environ", "os.getenv", "getenv(", "System.getenv", "ENV[",
        "ENV.fetch", "Environment.GetEnvironmentVariable", "ProcessInfo.processInfo.environment",
        "import.meta.env", "Deno.env", "env(", "config(", "secrets.", "vars.", "settings.",
    ]

    private func extractBindings() -> [Binding] {
        var result: [Binding] = []
        var i = 0
        while i < tokens.count {
            defer { i += 1 }
            let token = tokens[i]
            guard token.kind == .identifier || (token.kind == .string && !token.isTemplate) else { continue }
            guard var op = next(i) else { continue }
            // Go `var name string = "…"`: a declared type between the name and `=`.
            if token.kind == .identifier, tokens[op].kind == .identifier, let eq = next(op), isPunct(eq, "="),
                let keyword = previous(i), equals(.source(keyword), "var") || equals(.source(keyword), "const")
            {
                op = eq
            }
            // Every binding operator starts with one of these (`.` and `:` may become `=` below):
            // most punctuation after a name (`(`, `,`, `)`) is ruled out before any String is made.
            guard tokens[op].kind == .punctuation, Self.mayStartBindingOperator(file.bytes[tokens[op].start]) else {
                continue
            }
            var opText = operatorCode(op)
            // `let key: String = "…"` — skip a simple type annotation to reach `=` (Rust `&str`,
            // `&'static str` too).
            if opText == Self.colon, var type = next(op) {
                if isPunct(type, "&"), let after = next(type) {
                    type = after
                    // A lifetime (`'static`) may lex as a quote-led token: step over it when the type follows.
                    if tokens[type].kind != .identifier || equals(.source(type), "static"), let named = next(type),
                        tokens[named].kind == .identifier
                    {
                        type = named
                    }
                }
                if tokens[type].kind == .identifier, let eq = next(type), isPunct(eq, "=") {
                    op = eq
                    opText = Self.equalsSign
                }
            }
            // PHP `.=` appends to a string: the literal is still written into the name.
            if opText == Self.dot, let second = next(op), tokens[second].start == tokens[op].end, isPunct(second, "=") {
                op = second
                opText = Self.equalsSign
            }
            // Ruby/PHP `=>` and `:=` may be lexed as two tokens.
            if opText == Self.equalsSign || opText == Self.colon, let second = next(op),
                tokens[second].end == tokens[op].end + 1,
                isPunct(second, ">") || (opText == Self.colon && isPunct(second, "="))
            {
                op = second
                opText = opText << 8 | UInt32(file.bytes[tokens[second].start])
            }
            guard Self.bindingOperators.contains(opText), let valueIndex = next(op) else { continue }
            // `a == b`, `a => b` in JS arrow functions with identifiers are not bindings of strings,
            // but they classify as reference/other and rules ignore those.
            let name: FactText = token.kind == .string ? .content(i) : .source(i)
            guard !isEmpty(name) else { continue }
            let (kind, value) = classifyValue(at: valueIndex)
            result.append(
                Binding(
                    nameText: name, nameToken: i, valueToken: valueIndex, valueKind: kind, valueText: value,
                    nameIsQuoted: token.kind == .string && token.quote != 0))
        }
        return result
    }

    @inline(__always)
    private static func mayStartBindingOperator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "|")
            || byte == UInt8(ascii: ".")
    }

    /// What kind of value starts at token `index`, and where its text is.
    func classifyValue(at index: Int) -> (Binding.ValueKind, FactText) {
        let token = tokens[index]
        switch token.kind {
        case .string:
            let value = FactText.content(index)
            if token.quote == 0 && looksLikeEnvironmentReference(value) { return (.environment, value) }
            if token.isTemplate {
                return (looksLikeEnvironmentReference(value) ? .environment : .template, value)
            }
            return (.literal, value)
        case .number:
            return (.number, .source(index))
        case .identifier:
            // Gather a dotted path `a.b.c` / `a['b']` to see what it is.
            var end = index
            while let dot = next(end), isPunct(dot, ".") || isPunct(dot, "?."), let part = next(dot),
                tokens[part].kind == .identifier
            {
                end = part
            }
            let path = FactText.path(first: index, last: end)
            if pathContainsEnvironmentMarker(index, end, followedBy: UInt8(ascii: "(")) { return (.environment, path) }
            if let after = next(end), isPunct(after, "[") {
                if pathContainsEnvironmentMarker(index, end, followedBy: UInt8(ascii: "["))
                    || (index == end && equals(.source(index), "ENV"))
                {
                    return (.environment, path)
                }
            }
            if let after = next(end), isPunct(after, "(") { return (.call, path) }
            return (.reference, path)
        default:
            return (.other, .source(index))
        }
    }

    private static let environmentMarkerBytes = environmentMarkers.map { Array($0.utf8) }

    /// Whether the path's text (`a.b.c`) followed by `suffix` contains an environment marker, as
    /// bytes in the facts' scratch buffer (no String per path).
    private func pathContainsEnvironmentMarker(_ first: Int, _ last: Int, followedBy suffix: UInt8) -> Bool {
        pathScratch.removeAll(keepingCapacity: true)
        pathScratch.append(contentsOf: file.bytes[tokens[first].start..<tokens[first].end])
        var part = first
        while part < last, let dot = next(part), let following = next(dot), following <= last {
            pathScratch.append(UInt8(ascii: "."))
            pathScratch.append(contentsOf: file.bytes[tokens[following].start..<tokens[following].end])
            part = following
        }
        pathScratch.append(suffix)
        return pathScratch.withUnsafeBufferPointer { path in
            Self.environmentMarkerBytes.contains { marker in
                marker.withUnsafeBufferPointer { ASCII.findBytes($0, in: path, from: 0) != nil }
            }
        }
    }

    /// `looksLikeEnvironmentReference(string(value))`, on the file's bytes when they are ASCII.
    func looksLikeEnvironmentReference(_ value: FactText) -> Bool {
        guard let range = fileBytes(value), file.bytes[range].allSatisfy({ $0 < 0x80 }) else {
            return Self.looksLikeEnvironmentReference(string(value))
        }
        let bytes = file.bytes
        var start = range.lowerBound, end = range.upperBound
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        let first = start < end ? bytes[start] : 0, last = start < end ? bytes[end - 1] : 0
        if first == UInt8(ascii: "$") || first == UInt8(ascii: "%") && last == UInt8(ascii: "%") { return true }
        if end - start >= 2 && first == UInt8(ascii: "{") && bytes[start + 1] == UInt8(ascii: "{")
            && last == UInt8(ascii: "}") && bytes[end - 2] == UInt8(ascii: "}")
        {
            return true
        }
        let trimmed = bytes[start..<end]
        return Self.environmentMarkerBytes.contains { trimmed.starts(with: $0) }
    }

    /// `${VAR}`, `$VAR`, `%VAR%`, `{{ secrets.X }}`: a value read from the environment at run time.
    package static func looksLikeEnvironmentReference(_ value: String) -> Bool {
        let trimmed = value.trimmingSpaces
        if trimmed.hasPrefix("$") || trimmed.hasPrefix("%") && trimmed.hasSuffix("%") { return true }
        if trimmed.hasPrefix("{{") && trimmed.hasSuffix("}}") { return true }
        return environmentMarkers.contains { trimmed.hasPrefix($0) }
    }
}
