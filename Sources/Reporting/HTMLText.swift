import Support

/// Text and attribute values for the HTML report. Everything the page shows comes from scanned
/// files (paths, snippets) or rule files, so all of it is escaped: a file named
/// `<img src=x onerror=alert(1)>.py` must render as text, never as markup.
enum HTMLText {
    /// Escapes `& < > " '` (safe in text and in double- or single-quoted attributes) and replaces
    /// characters HTML may not carry (C0 controls but tab and newline, DEL, C1 controls,
    /// surrogates, noncharacters) with U+FFFD.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                let forbidden =
                    value < 0x20 || (0x7F...0x9F).contains(value) || (0xFDD0...0xFDEF).contains(value)
                    || value & 0xFFFE == 0xFFFE
                if forbidden { out += "\u{FFFD}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// A path as the other formats print it (controls and bidi marks as `\xHH`), then escaped.
    static func path(_ path: String) -> String { escape(PrintableText.escaped(path)) }

    /// The page-internal anchor of a rule's explanation (`#rule-<id>`).
    static func ruleAnchor(_ id: String) -> String { "rule-" + escape(id) }

    static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
