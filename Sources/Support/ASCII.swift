/// Byte-level character helpers shared by the JSON parser and the lexers.
package enum ASCII {
    /// Value of a hexadecimal digit byte, or nil.
    package static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: return UInt32(b - 0x30)
        case 0x41...0x46: return UInt32(b - 0x41 + 10)
        case 0x61...0x66: return UInt32(b - 0x61 + 10)
        default: return nil
        }
    }

    /// ASCII lower case: `A-Z` to `a-z`, every other byte unchanged (`| 0x20` alone would turn
    /// `_` into DEL and `@` into a backtick). The one case fold of the byte-level word tests.
    @inline(__always)
    package static func lowercase(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    /// `0-9`, `A-Z`, `a-z`: the base62 alphabet of most token formats.
    @inline(__always)
    package static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    /// The bytes a hex string spells (either case), or nil for an odd length or a non-hex digit.
    package static func bytes(hex: some StringProtocol) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for i in stride(from: 0, to: digits.count, by: 2) {
            guard let high = hexValue(digits[i]), let low = hexValue(digits[i + 1]) else { return nil }
            bytes.append(UInt8(high << 4 | low))
        }
        return bytes
    }
}

extension ASCII {
    /// First offset at or after `from` where `needle` occurs in `haystack` (plain byte search).
    /// Arrays and buffers take the pointer loop: called across modules the generic body ran
    /// unspecialised, through a protocol witness per byte, and cost 7 % of a scan.
    @inlinable package static func find<Needle: RandomAccessCollection, Haystack: RandomAccessCollection>(
        _ needle: Needle, in haystack: Haystack, from: Int
    ) -> Int?
    where Needle.Element == UInt8, Haystack.Element == UInt8, Needle.Index == Int, Haystack.Index == Int {
        let contiguous = haystack.withContiguousStorageIfAvailable { h in
            needle.withContiguousStorageIfAvailable { n in findBytes(n, in: h, from: from) }
        }
        if let contiguous, let result = contiguous { return result }
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var i = from
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < needle.count && haystack[i + k] == needle[needle.startIndex + k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// `find` on two byte buffers (offsets relative to `haystack`'s start).
    @usableFromInline package static func findBytes(
        _ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from: Int
    ) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var i = max(0, from)
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < needle.count && haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// Letters, digits, `_` and `$`, plus any byte of a multi-byte UTF-8 sequence.
    @inline(__always)
    package static func isIdentifierByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F || b == 0x24
            || b >= 0x80
    }
}

extension String {
    /// Substring test on UTF-8 bytes. Foundation's `contains` goes through NSString and
    /// UTF-16 and showed up at the top of profiles in per-token checks.
    package func containsBytes(_ needle: String) -> Bool {
        var haystack = self, needle = needle
        return haystack.withUTF8 { h in needle.withUTF8 { n in n.isEmpty || ASCII.find(n, in: h, from: 0) != nil } }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs (no Foundation round trip).
    package var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })!
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }
}

extension Array where Element == UInt8 {
    /// Substring test on a file's bytes (for `wantsFile` gates that run before lexing).
    package func containsBytes(_ needle: String) -> Bool { ASCII.find([UInt8](needle.utf8), in: self, from: 0) != nil }

    /// Substring test ignoring ASCII case; `needle` must be lower-case. No copy of the file.
    package func containsIgnoringASCIICase(_ needle: String) -> Bool {
        withUnsafeBufferPointer { ASCII.containsIgnoringCase(Array(needle.utf8), in: $0) }
    }
}

extension String {
    /// Substring test ignoring ASCII case on UTF-8 bytes; `needle` must be lower-case.
    /// A cheap gate before `lowercased()` and Character-level checks on every literal.
    package func containsIgnoringASCIICase(_ needle: String) -> Bool {
        var haystack = self
        return haystack.withUTF8 { ASCII.containsIgnoringCase(Array(needle.utf8), in: $0) }
    }
}

extension ASCII {
    /// Whether the lower-case byte string `needle` occurs in `haystack`, ASCII letters in either case.
    package static func containsIgnoringCase(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard haystack.count >= needle.count else { return false }
        guard !needle.isEmpty else { return true }
        var i = 0
        while i <= haystack.count - needle.count {
            var k = 0
            while k < needle.count && lowercase(haystack[i + k]) == needle[k] { k += 1 }
            if k == needle.count { return true }
            i += 1
        }
        return false
    }
}

extension Substring {
    /// Substring test on UTF-8 bytes, without copying the substring into a String first.
    package func containsBytes(_ needle: String) -> Bool {
        var haystack = self, needle = needle
        return haystack.withUTF8 { h in needle.withUTF8 { n in n.isEmpty || ASCII.find(n, in: h, from: 0) != nil } }
    }
}
