/// Byte-level character helpers shared by the JSON parser and the lexers.
enum ASCII {
    /// Value of a hexadecimal digit byte, or nil.
    static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: return UInt32(b - 0x30)
        case 0x41...0x46: return UInt32(b - 0x41 + 10)
        case 0x61...0x66: return UInt32(b - 0x61 + 10)
        default: return nil
        }
    }
}

extension ASCII {
    /// Letters, digits, `_` and `$`, plus any byte of a multi-byte UTF-8 sequence.
    @inline(__always)
    static func isIdentifierByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F || b == 0x24 || b >= 0x80
    }
}
