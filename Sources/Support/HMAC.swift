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

    public static func hex(key: [UInt8], message: [UInt8]) -> String {
        SHA256.hexDigits(mac(key: key, message: message))
    }
}
