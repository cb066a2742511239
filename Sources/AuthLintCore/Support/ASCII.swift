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
