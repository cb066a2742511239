/// A problem in a settings file a run reads (config, baseline, rule file): names the file, the
/// key and where it is. Exit 2. In Support, so every stage that reads one can say so without
/// depending on Config.
public struct ConfigError: Error, CustomStringConvertible, Sendable {
    package init(file: String, line: Int, column: Int, problem: String) {
        self.file = file; self.line = line; self.column = column; self.problem = problem
    }
    public var file: String
    public var line: Int
    public var column: Int
    public var problem: String
    public var description: String { line > 0 ? "\(file):\(line):\(column): \(problem)" : "\(file): \(problem)" }

    /// A bad value as an error message may show it: a short word as written, anything else
    /// redacted. A secret pasted under the wrong key must not land in CI logs; the position and
    /// the key name still say where it is.
    package static func echo(_ value: String) -> String {
        return isIdentifier(value) ? value : RedactedText.of(value[...]) + " (\(value.count) characters)"
    }

    /// Lower-case words joined by `-`/`_` (`warn`, `github-personal-access-token`,
    /// `bech32-checksum`): rule ids, validator and role names, typos of them. Shown as written so
    /// an error names what it is about; at most one short word may hold digits, so hex, UUIDs and
    /// random tokens are still redacted.
    static func isIdentifier(_ value: String) -> Bool {
        guard value.count <= 64,
            value.unicodeScalars.allSatisfy({
                ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" || $0 == "_"
            })
        else { return false }
        let words = value.split(whereSeparator: { $0 == "-" || $0 == "_" })
        let withDigits = words.filter { $0.contains(where: \.isNumber) }
        return !words.isEmpty && words.allSatisfy { $0.count <= 16 } && withDigits.count <= 1
            && withDigits.allSatisfy { $0.count <= 7 && $0.first?.isLetter == true }
    }
}

/// The one redacted form of a secret: at most its first 4 characters (fewer for short ones),
/// then a marker. In Support so errors can echo a value without the engine's `Redaction`.
public enum RedactedText {
    public static let marker = "…[redacted]"

    public static func of(_ secret: Substring) -> String {
        let keep = min(4, secret.count / 4)
        return String(secret.prefix(keep)) + marker
    }
}
