/// Paths are printed into terminals, CI logs and line-based formats: a file name holding a
/// newline could forge a finding line, an escape sequence could retitle or rewrite the
/// terminal, a bidi override could make a path read as another. Such characters are shown
/// as `\xHH` per UTF-8 byte, the form non-UTF-8 names already get.
public enum PrintableText {
    /// C0 controls, DEL, C1 controls, and the bidi marks, embeddings, overrides and isolates.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// One byte as `\xHH` (the form of bytes that are not UTF-8 in names, too).
    static func hexEscape(_ byte: UInt8) -> String {
        "\\x" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
    }

    /// `text` with every such character escaped; `text` itself when it has none (the usual case).
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                for byte in String(scalar).utf8 { out += hexEscape(byte) }
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
