/// A character class of the scrubbers, as ICU read the regexes they replace (case-insensitive):
/// ASCII members in a bit set, non-ASCII members by rule. Case-insensitive classes holding `s`
/// and `k` also hold `ſ` (U+017F) and `K` (U+212A), which fold to them.
struct ScrubClass {
    enum NonASCII { case none, letterFolds, whitespace, allButWhitespace, all }
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    let nonASCII: NonASCII

    /// The class of exactly `members` (ASCII), plus the non-ASCII scalars `nonASCII` says.
    init(_ members: String, nonASCII: NonASCII = .none) {
        self.nonASCII = nonASCII
        for byte in members.utf8 { insert(byte) }
        if nonASCII == .letterFolds {
            for byte in UInt8(ascii: "a")...UInt8(ascii: "z") where contains(byte) { insert(byte - 0x20) }
        }
    }

    /// `[^excluded]`; with `whitespace`, `\s` is excluded too (ASCII and Unicode White_Space).
    static func not(_ excluded: String, whitespace: Bool) -> ScrubClass {
        var set = ScrubClass("", nonASCII: whitespace ? .allButWhitespace : .all)
        set.low = ~0
        set.high = ~0
        for byte in excluded.utf8 { set.remove(byte) }
        if whitespace { for byte in ScrubText.asciiWhitespace.utf8 { set.remove(byte) } }
        return set
    }

    static let letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    static let digits = "0123456789"

    private mutating func insert(_ byte: UInt8) {
        if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
    }

    private mutating func remove(_ byte: UInt8) {
        if byte < 64 { low &= ~(1 << UInt64(byte)) } else { high &= ~(1 << UInt64(byte - 64)) }
    }

    @inline(__always) func contains(_ byte: UInt8) -> Bool {
        byte < 64 ? low & (1 << UInt64(byte)) != 0 : high & (1 << UInt64(byte &- 64)) != 0
    }

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        switch nonASCII {
        case .none: return false
        case .letterFolds:
            return (scalar.value == 0x17F && contains(UInt8(ascii: "s")))
                || (scalar.value == 0x212A && contains(UInt8(ascii: "k")))
        case .whitespace: return scalar.properties.isWhitespace
        case .allButWhitespace: return !scalar.properties.isWhitespace
        case .all: return true
        }
    }
}

/// A line's UTF-8 bytes as the scrubbers read them: positions are byte offsets at scalar
/// boundaries; `\s` is Unicode White_Space, as in ICU.
struct ScrubText {
    static let asciiWhitespace = "\t\n\u{0B}\u{0C}\r "
    let bytes: UnsafeBufferPointer<UInt8>
    var count: Int { bytes.count }

    @inline(__always) func byte(_ i: Int) -> UInt8 { i < bytes.count ? bytes[i] : 0 }

    @inline(__always) func isByte(_ i: Int, oneOf set: StaticString) -> Bool {
        guard i < bytes.count else { return false }
        let b = bytes[i]
        return set.withUTF8Buffer { $0.contains(b) }
    }

    /// The scalar starting at `i` and its length in bytes (the text is valid UTF-8).
    func scalar(at i: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[i]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | (UInt32(bytes[i + k]) & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The start of the scalar before `i` (`i` > 0).
    func scalarStart(before i: Int) -> Int {
        var k = i - 1
        while k > 0 && bytes[k] & 0xC0 == 0x80 { k -= 1 }
        return k
    }

    @inline(__always) func width(at i: Int) -> Int {
        let lead = bytes[i]
        return lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
    }

    /// The length of the class member at `i`, or 0 (also at the end).
    @inline(__always) func member(_ set: ScrubClass, at i: Int) -> Int {
        guard i < bytes.count else { return 0 }
        let b = bytes[i]
        if b < 0x80 { return set.contains(b) ? 1 : 0 }
        if set.nonASCII == .none { return 0 }
        let (scalar, length) = scalar(at: i)
        return set.contains(scalar) ? length : 0
    }

    /// The end of the longest run of class members from `i` (greedy `[...]*`).
    func runEnd(_ set: ScrubClass, from i: Int) -> Int {
        var k = i
        while true {
            let length = member(set, at: k)
            if length == 0 { return k }
            k += length
        }
    }

    func spacesEnd(from i: Int) -> Int { runEnd(Self.space, from: i) }
    static let space = ScrubClass(asciiWhitespace, nonASCII: .whitespace)

    /// Where `literal` (lower-case ASCII) ends if it matches at `i` case-insensitively as ICU
    /// matches a literal string: each input scalar by its full case folding (`ß` is `ss`, `ﬃ`
    /// is `ffi`), and the literal may not end inside one scalar's folding.
    func foldedMatch(_ literal: [UInt8], at i: Int) -> Int? {
        var k = i, j = 0
        while j < literal.count {
            guard k < bytes.count else { return nil }
            let b = bytes[k]
            if b < 0x80 {
                guard Self.lower(b) == literal[j] else { return nil }
                j += 1
                k += 1
                continue
            }
            let (scalar, length) = scalar(at: k)
            guard let folding = Self.asciiFoldings[scalar.value], j + folding.count <= literal.count,
                literal[j..<j + folding.count].elementsEqual(folding)
            else { return nil }
            j += folding.count
            k += length
        }
        return k
    }

    /// The one scalar at `i` folded simply (as ICU matches one literal character): its ASCII
    /// letter, or nil.
    func simpleFold(at i: Int) -> (UInt8, Int)? {
        guard i < bytes.count else { return nil }
        if bytes[i] < 0x80 { return (Self.lower(bytes[i]), 1) }
        let (scalar, length) = scalar(at: i)
        switch scalar.value {
        case 0x17F: return (UInt8(ascii: "s"), length)
        case 0x212A: return (UInt8(ascii: "k"), length)
        default: return nil
        }
    }

    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    /// Non-ASCII scalars whose full case folding is ASCII letters only (every other non-ASCII
    /// folding holds a non-ASCII scalar, so it never matches an ASCII literal).
    static let asciiFoldings: [UInt32: [UInt8]] = [
        0x17F: Array("s".utf8), 0x212A: Array("k".utf8), 0xDF: Array("ss".utf8), 0x1E9E: Array("ss".utf8),
        0xFB00: Array("ff".utf8), 0xFB01: Array("fi".utf8), 0xFB02: Array("fl".utf8), 0xFB03: Array("ffi".utf8),
        0xFB04: Array("ffl".utf8), 0xFB05: Array("st".utf8), 0xFB06: Array("st".utf8),
    ]

    /// ICU's `\b` before a word character at `i`: the scalar before it, skipping combining and
    /// format characters, is not a word character (or there is none).
    func wordBoundaryBeforeWord(at i: Int) -> Bool {
        var k = i
        while k > 0 {
            k = scalarStart(before: k)
            let properties = scalar(at: k).0.properties
            if properties.isGraphemeExtend || properties.generalCategory == .format { continue }
            return !Self.isWordScalar(scalar(at: k).0)
        }
        return true
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value == 0x200C || scalar.value == 0x200D { return true }
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
        default: return false
        }
    }
}
