/// Invalid UTF-8 made valid without moving a byte: pattern windows (offsets must not drift)
/// and non-UTF-8 file names (shown with `\xHH` escapes) both need it.
package enum UTF8Repair {
    /// Replaces each byte of an invalid UTF-8 sequence with `?` (same length, valid text).
    package static func replaceInvalid(_ bytes: inout [UInt8]) {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            if b >= 0xC2 && b <= 0xDF {
                length = 2
            } else if b >= 0xE0 && b <= 0xEF {
                length = 3
            } else if b >= 0xF0 && b <= 0xF4 {
                length = 4
            } else {
                length = 0
            }
            var valid = length > 0 && i + length <= n
            if valid {
                for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { valid = false }
                if valid && length == 3 {
                    let b1 = bytes[i + 1]
                    if (b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 > 0x9F) { valid = false }
                }
                if valid && length == 4 {
                    let b1 = bytes[i + 1]
                    if (b == 0xF0 && b1 < 0x90) || (b == 0xF4 && b1 > 0x8F) { valid = false }
                }
            }
            if valid { i += length } else { bytes[i] = 0x3F; i += 1 }
        }
    }
}
