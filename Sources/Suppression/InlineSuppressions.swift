import Model
import Support

/// `authlint:ignore RULE[, RULE] [-- reason]` on a line, `authlint:ignore-next-line ...` on the
/// line above, `authlint:ignore-file RULE` in the first lines. Found by text, so every comment
/// syntax works (`//`, `#`, `<!-- -->`, `--`, `;`). No rule list means every rule.
public struct InlineSuppressions: Sendable {
    public struct Directive: Sendable, Equatable {
        public enum Scope: Sendable, Equatable { case line(Int), file }
        public var scope: Scope
        /// Empty = all rules.
        public var rules: [String]
        /// Where the directive itself is written (for unused-suppression reports).
        public var line: Int
    }

    public private(set) var directives: [Directive] = []
    package static let marker = Array("authlint:ignore".utf8)
    /// ignore-file must appear near the top, so a stray mention deep in a file does not blank it.
    package static let fileDirectiveLineLimit = 20

    public init(file: SourceFile) {
        let bytes = file.bytes
        guard bytes.count >= Self.marker.count else { return }
        var searchFrom = 0
        while let at = Self.find(Self.marker, in: bytes, from: searchFrom) {
            searchFrom = at + Self.marker.count
            let line = file.line(at: at)
            let rest = file.text((at + Self.marker.count)..<file.lineRange(line).upperBound)
            var scope = Directive.Scope.line(line)
            var args = Substring(rest)
            if args.hasPrefix("-next-line") {
                scope = .line(line + 1)
                args = args.dropFirst("-next-line".count)
            } else if args.hasPrefix("-file") {
                guard line <= Self.fileDirectiveLineLimit else { continue }
                scope = .file
                args = args.dropFirst("-file".count)
            } else if let first = args.first, first != " " && first != "\t" && first != ":" {
                continue  // some other word that merely starts with the marker
            }
            directives.append(Directive(scope: scope, rules: Self.ruleList(args), line: line))
        }
    }

    /// The directive that suppresses `rule` at `line`, if any.
    public func directive(for rule: String, line: Int) -> Directive? {
        directives.first { directive in
            let inScope: Bool
            switch directive.scope {
            case .file: inScope = true
            case .line(let l): inScope = l == line
            }
            return inScope && (directive.rules.isEmpty || directive.rules.contains(rule))
        }
    }

    /// Rule ids after the marker, up to `--` (the reason) or the end of the comment.
    static func ruleList(_ args: Substring) -> [String] {
        var text = args.drop(while: { $0 == ":" })
        if let reason = text.range(of: "--") { text = text[..<reason.lowerBound] }
        var rules: [String] = []
        for part in text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }) {
            let id = part.prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
            guard !id.isEmpty, id == part || part.hasPrefix(id) else { break }
            rules.append(String(id))
            if id.count != part.count { break }  // `*/`, `-->` and the like end the list
        }
        return rules
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        ASCII.find(needle, in: haystack, from: from)
    }
}
