/// FNV-1a, 64-bit: a tiny, fixed, well-known hash (no seed, no platform dependence), so every
/// machine and run computes the same value for the same bytes. Not for anything secret.
package enum FNV1a {
    package static func hash64<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
