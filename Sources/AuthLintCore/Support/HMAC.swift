/// HMAC-SHA256 (RFC 2104) over `SHA256`, for keyed fingerprints. Tested against
/// `openssl dgst -sha256 -hmac` and the RFC 4231 vectors.
public enum HMACSHA256 {
    static let blockSize = 64

    public static func mac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var block = key.count > blockSize ? SHA256.digest(key) : key
        block += [UInt8](repeating: 0, count: blockSize - block.count)
        let inner = SHA256.digest(block.map { $0 ^ 0x36 } + message)
        return SHA256.digest(block.map { $0 ^ 0x5C } + inner)
    }

    public static func hex(key: [UInt8], message: [UInt8]) -> String { hexDigits(mac(key: key, message: message)) }

    /// Lower-case hex of `bytes` as they are (`SHA256.hex` hashes first).
    public static func hexDigits(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 0xF)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
