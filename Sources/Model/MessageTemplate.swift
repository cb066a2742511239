import Support

/// A finding message written in a rule file, with `{name}` holes its rule's code fills
/// (`"messages": {"twice": "{header} is set twice for one request"}`).
public struct MessageTemplate: Sendable, Equatable {
    public let text: String
    /// The names of the holes, in order of first appearance.
    public let placeholders: [String]
    /// Where the template is written, for errors naming the rule file.
    package let line: Int
    package let column: Int

    /// Nil when a `{` does not open a `{name}` hole (names are letters, digits and `_`).
    package init?(_ text: String, line: Int, column: Int) {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            let name = after.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            guard !name.isEmpty, after.dropFirst(name.count).first == "}" else { return nil }
            if !names.contains(String(name)) { names.append(String(name)) }
            rest = after.dropFirst(name.count + 1)
        }
        self.text = text
        self.placeholders = names
        self.line = line
        self.column = column
    }

    /// The text with each hole replaced by its value (a hole without a value stays as written).
    public func render(_ values: [String: String]) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = String(rest[rest.index(after: open)..<close])
            out += rest[..<open]
            out += values[name] ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
