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

    public var name: String
    /// Token index of the name.
    public var nameToken: Int
    /// Token index where the value starts.
    public var valueToken: Int
    public var valueKind: ValueKind
    /// Decoded string value for literals and templates; the source text for other kinds.
    public var value: String
    /// True when the name was itself a quoted string (`"appkey": …`, `'Authorization' => …`).
    public var nameIsQuoted: Bool
}

extension FileFacts {
    private static let bindingsKey = FactKey<[Binding]>("bindings")
    /// Every binding in the file, in source order.
    public var bindings: [Binding] { memo(Self.bindingsKey) { extractBindings() } }

    private static let bindingOperators: Set<String> = ["=", ":", ":=", "=>", "?=", "||=", "??="]
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
                let keyword = previous(i), text(keyword) == "var" || text(keyword) == "const"
            {
                op = eq
            }
            // Every binding operator starts with one of these (`.` and `:` may become `=` below):
            // most punctuation after a name (`(`, `,`, `)`) is ruled out before any String is made.
            guard tokens[op].kind == .punctuation, Self.mayStartBindingOperator(file.bytes[tokens[op].start]) else {
                continue
            }
            var opText = text(op)
            // `let key: String = "…"` — skip a simple type annotation to reach `=` (Rust `&str`,
            // `&'static str` too).
            if opText == ":", var type = next(op) {
                if isPunct(type, "&"), let after = next(type) {
                    type = after
                    // A lifetime (`'static`) may lex as a quote-led token: step over it when the type follows.
                    if tokens[type].kind != .identifier || text(type) == "static", let named = next(type),
                        tokens[named].kind == .identifier
                    {
                        type = named
                    }
                }
                if tokens[type].kind == .identifier, let eq = next(type), isPunct(eq, "=") {
                    op = eq
                    opText = "="
                }
            }
            // PHP `.=` appends to a string: the literal is still written into the name.
            if opText == ".", let second = next(op), tokens[second].start == tokens[op].end, isPunct(second, "=") {
                op = second
                opText = "="
            }
            // Ruby/PHP `=>` and `:=` may be lexed as two tokens.
            if opText == "=" || opText == ":", let second = next(op), tokens[second].end == tokens[op].end + 1,
                isPunct(second, ">") || (opText == ":" && isPunct(second, "="))
            {
                op = second
                opText += text(second)
            }
            guard Self.bindingOperators.contains(opText), let valueIndex = next(op) else { continue }
            // `a == b`, `a => b` in JS arrow functions with identifiers are not bindings of strings,
            // but they classify as reference/other and rules ignore those.
            let name = token.kind == .string ? (value(of: token) ?? "") : text(i)
            guard !name.isEmpty else { continue }
            let (kind, value) = classifyValue(at: valueIndex)
            result.append(
                Binding(
                    name: name, nameToken: i, valueToken: valueIndex, valueKind: kind, value: value,
                    nameIsQuoted: token.kind == .string && token.quote != 0))
        }
        return result
    }

    @inline(__always)
    private static func mayStartBindingOperator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "|")
            || byte == UInt8(ascii: ".")
    }

    /// What kind of value starts at token `index`.
    func classifyValue(at index: Int) -> (Binding.ValueKind, String) {
        let token = tokens[index]
        switch token.kind {
        case .string:
            let value = value(of: token) ?? ""
            if token.quote == 0 && Self.looksLikeEnvironmentReference(value) { return (.environment, value) }
            if token.isTemplate {
                return (Self.looksLikeEnvironmentReference(value) ? .environment : .template, value)
            }
            return (.literal, value)
        case .number:
            return (.number, text(index))
        case .identifier:
            // Gather a dotted path `a.b.c` / `a['b']` to see what it is.
            var end = index
            var path = text(index)
            while let dot = next(end), isPunct(dot, ".") || isPunct(dot, "?."), let part = next(dot),
                tokens[part].kind == .identifier
            {
                path += "." + text(part)
                end = part
            }
            let callPath = path + "("
            if Self.environmentMarkers.contains(where: { callPath.containsBytes($0) }) {
                return (.environment, path)
            }
            if let after = next(end), isPunct(after, "[") {
                let indexPath = path + "["
                if Self.environmentMarkers.contains(where: { indexPath.containsBytes($0) }) || path == "ENV" {
                    return (.environment, path)
                }
            }
            if let after = next(end), isPunct(after, "(") { return (.call, path) }
            return (.reference, path)
        default:
            return (.other, text(index))
        }
    }

    /// `${VAR}`, `$VAR`, `%VAR%`, `{{ secrets.X }}`: a value read from the environment at run time.
    package static func looksLikeEnvironmentReference(_ value: String) -> Bool {
        let trimmed = value.trimmingSpaces
        if trimmed.hasPrefix("$") || trimmed.hasPrefix("%") && trimmed.hasSuffix("%") { return true }
        if trimmed.hasPrefix("{{") && trimmed.hasSuffix("}}") { return true }
        return environmentMarkers.contains { trimmed.hasPrefix($0) }
    }
}
