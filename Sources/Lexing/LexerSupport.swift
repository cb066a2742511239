import Model
import Support

/// Pieces every lexer shares: byte classes, escape decoding, bracket matching.
enum LexerSupport {
    @inline(__always) static func isIdentStart(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x5F || b == 0x24 || b >= 0x80
    }
    @inline(__always) static func isIdentPart(_ b: UInt8) -> Bool { isIdentStart(b) || (b >= 0x30 && b <= 0x39) }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C
    }

    /// Fills `pairIndex` of `( ) [ ] { }` punctuation with a stack: O(n), no recursion, so
    /// 10,000 nested brackets are fine. Unmatched brackets keep -1.
    static func matchBrackets(_ tokens: inout [Token], bytes: [UInt8]) {
        var stack: [Int] = []
        for i in tokens.indices where tokens[i].kind == .punctuation && tokens[i].end - tokens[i].start == 1 {
            let b = bytes[tokens[i].start]
            switch b {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                stack.append(i)
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                let open: UInt8 =
                    b == UInt8(ascii: ")")
                    ? UInt8(ascii: "(") : b == UInt8(ascii: "]") ? UInt8(ascii: "[") : UInt8(ascii: "{")
                // Pop to the nearest matching opener (looking a few levels down, so a stray bracket
                // does not unbalance the rest, and the search stays O(1)); stray closers match nothing.
                let floor = max(0, stack.count - 8)
                if let k = stack[floor...].lastIndex(where: { bytes[tokens[$0].start] == open }) {
                    let j = stack[k]
                    stack.removeSubrange(k...)
                    tokens[i].pairIndex = j
                    tokens[j].pairIndex = i
                }
            default: break
            }
        }
    }

    /// Decodes backslash escapes (`\n`, `\t`, `\\`, `\"`, `\uXXXX`, `\u{…}`, `\xHH`); unknown
    /// escapes keep the escaped character.
    /// Nil when there is no backslash: the value is then the bytes themselves.
    static func decodedEscapes(_ raw: ArraySlice<UInt8>) -> String? {
        guard raw.contains(UInt8(ascii: "\\")) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = raw.startIndex
        let hexValue = ASCII.hexValue
        func appendScalar(_ v: UInt32) {
            out.append(contentsOf: Array(String(Unicode.Scalar(v).map(Character.init) ?? "\u{FFFD}").utf8))
        }
        while i < raw.endIndex {
            let b = raw[i]
            guard b == UInt8(ascii: "\\"), i + 1 < raw.endIndex else { out.append(b); i += 1; continue }
            let e = raw[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "0"): out.append(0x00)
            case UInt8(ascii: "u"), UInt8(ascii: "x"):
                var v: UInt32 = 0
                if i < raw.endIndex && raw[i] == UInt8(ascii: "{") {
                    i += 1
                    while i < raw.endIndex, let h = hexValue(raw[i]) { v = v &* 16 &+ h; i += 1 }
                    if i < raw.endIndex && raw[i] == UInt8(ascii: "}") { i += 1 }
                } else {
                    var n = 0
                    let limit = e == UInt8(ascii: "u") ? 4 : 2
                    while n < limit && i < raw.endIndex, let h = hexValue(raw[i]) { v = v * 16 + h; i += 1; n += 1 }
                }
                appendScalar(v)
            case 0x0A: break  // line continuation
            case UInt8(ascii: "("): out.append(contentsOf: [0x5C, 0x28])  // Swift `\(hole)` stays as written
            default: out.append(e)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
