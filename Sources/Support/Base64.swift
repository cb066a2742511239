import Foundation

/// Strict base64 (RFC 4648) for judging Basic credentials and Kubernetes secrets: invalid
/// characters, bad length or bad padding give nil rather than a best guess.
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    private static func table(urlSafe: Bool) -> [Int8] {
        var t = [Int8](repeating: -1, count: 256)
        for (i, c) in alphabet.enumerated() { t[Int(c)] = Int8(i) }
        if urlSafe {
            t[Int(UInt8(ascii: "-"))] = 62; t[Int(UInt8(ascii: "_"))] = 63; t[Int(UInt8(ascii: "+"))] = -1;
            t[Int(UInt8(ascii: "/"))] = -1
        }
        return t
    }
    private static let standardTable = table(urlSafe: false)
    private static let urlTable = table(urlSafe: true)

    /// Decodes `text`; padding is optional unless `requirePadding`.
    public static func decode(_ text: String, urlSafe: Bool = false, requirePadding: Bool = false) -> [UInt8]? {
        var chars = Array(text.utf8)
        var padding = 0
        while chars.last == UInt8(ascii: "=") { chars.removeLast(); padding += 1 }
        guard padding <= 2, !chars.isEmpty else { return nil }
        if requirePadding || padding > 0 { guard (chars.count + padding) % 4 == 0 else { return nil } }
        guard chars.count % 4 != 1 else { return nil }
        let t = urlSafe ? urlTable : standardTable
        var out: [UInt8] = []
        out.reserveCapacity(chars.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        for c in chars {
            let v = t[Int(c)]
            guard v >= 0 else { return nil }
            buffer = buffer << 6 | UInt32(v)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((buffer >> UInt32(bits)) & 0xFF))
            }
        }
        // Leftover bits must be zero in canonical base64.
        if bits > 0 && buffer & ((1 << UInt32(bits)) - 1) != 0 { return nil }
        return out
    }

    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let b0 = UInt32(bytes[i]), b1 = i + 1 < bytes.count ? UInt32(bytes[i + 1]) : 0,
                b2 = i + 2 < bytes.count ? UInt32(bytes[i + 2]) : 0
            let v = b0 << 16 | b1 << 8 | b2
            out.append(alphabet[Int(v >> 18 & 63)])
            out.append(alphabet[Int(v >> 12 & 63)])
            out.append(i + 1 < bytes.count ? alphabet[Int(v >> 6 & 63)] : UInt8(ascii: "="))
            out.append(i + 2 < bytes.count ? alphabet[Int(v & 63)] : UInt8(ascii: "="))
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// How random a candidate secret looks.
public enum Entropy {
    /// Shannon entropy in bits per character.
    public static func shannon(_ s: Substring) -> Double {
        guard !s.isEmpty else { return 0 }
        var counts: [Character: Int] = [:]
        for ch in s { counts[ch, default: 0] += 1 }
        let n = Double(s.count)
        return counts.values.reduce(0.0) { total, c in
            let p = Double(c) / n
            return total - p * log2(p)
        }
    }
}
