import Discovery
import Facts
import Lexing
import Model
import Prefilter
import Support
import Suppression

/// Checks for provider token formats that carry more structure than their regex can see:
/// checksums (GitHub, npm), embedded ids (Discord), embedded JSON (JWT) and key material (PEM).
/// Each takes the rule's secret (the regex's secret group) and says whether it is the real thing.
extension SecretValidators {
    package static let providerTokenValidators: [String: Check] = [
        // `ghp_`/`gho_`/`ghu_`/`ghs_`/`ghr_` + 30 random base62 + 6-character base62 CRC32 of them.
        "github-token-checksum": { ProviderTokenChecks.hasBase62CRC32Suffix($0) },
        // `AIza` + 35 random base64url characters: both letter cases occur (a body without one is an
        // upper- or lower-cased copy; a random body lacks either with probability about 10^-8).
        "google-api-key": { ProviderTokenChecks.isGoogleAPIKeyBody($0.dropFirst(4)) },
        // `npm_` + 30 random base62 + the same 6-character base62 CRC32 as GitHub's tokens.
        "npm-token-checksum": { ProviderTokenChecks.hasBase62CRC32Suffix($0) },
        // header.payload.signature, base64url; the header is a JSON object with "alg", the payload a JSON object.
        "jwt": { ProviderTokenChecks.isJWT($0) },
        // id.timestamp.hmac, where the id part is base64 of a Discord snowflake (17-20 digits).
        "discord-bot-token": { ProviderTokenChecks.isDiscordBotToken($0) },
        // PEM body: base64 of DER (first byte 0x30), an unencrypted OpenSSH key, or a PGP secret-key packet.
        "private-key-body": {
            [.der, .pgp, .openSSH(encrypted: false)].contains(ProviderTokenChecks.privateKeyBody($0))
        },
        // PEM body of an encrypted key: DER (PKCS#8 EncryptedPrivateKeyInfo or a Proc-Type block) or an
        // OpenSSH key whose cipher is not "none".
        "encrypted-private-key-body": {
            [.der, .openSSH(encrypted: true)].contains(ProviderTokenChecks.privateKeyBody($0))
        },
    ]
}

enum ProviderTokenChecks {
    /// GitHub never published the base62 digit order; `0-9A-Za-z` is the one seen in real tokens
    /// (and used by other scanners), the other common order is accepted too. A random string passes
    /// either with probability about 2^-31.
    private static let base62Alphabets: [[UInt8]] = [
        Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8),
        Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8),
    ]

    /// `<prefix>_<random><checksum>`: the last 6 characters are the CRC32 of `<random>` in base62,
    /// left-padded with the alphabet's zero digit.
    static func hasBase62CRC32Suffix(_ token: Substring) -> Bool {
        let bytes = Array(token.utf8)
        guard let underscore = bytes.lastIndex(of: UInt8(ascii: "_")) else { return false }
        let body = bytes[(underscore + 1)...]
        guard body.count > 6, body.allSatisfy(ASCII.isAlphanumeric) else { return false }
        let random = Array(body.dropLast(6))
        let check = Array(body.suffix(6))
        let crc = CRC32.checksum(random)
        return base62Alphabets.contains { base62($0, of: crc, width: 6) == check }
    }

    static func base62(_ alphabet: [UInt8], of value: UInt32, width: Int) -> [UInt8] {
        var digits: [UInt8] = []
        var n = value
        while n > 0 {
            digits.append(alphabet[Int(n % 62)])
            n /= 62
        }
        while digits.count < width { digits.append(alphabet[0]) }
        return digits.reversed()
    }

    static func isGoogleAPIKeyBody(_ body: Substring) -> Bool {
        let bytes = body.utf8
        return bytes.count == 35
            && bytes.allSatisfy { ASCII.isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
            && bytes.contains { $0 >= 0x41 && $0 <= 0x5A } && bytes.contains { $0 >= 0x61 && $0 <= 0x7A }
    }

    static func isJWT(_ token: Substring) -> Bool {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else { return false }
        guard let header = Base64.decode(String(parts[0]), urlSafe: true),
            let payload = Base64.decode(String(parts[1]), urlSafe: true),
            let headerJSON = try? JSONNode.parse(header, allowComments: false),
            let payloadJSON = try? JSONNode.parse(payload, allowComments: false),
            case .object = payloadJSON.value
        else { return false }
        return headerJSON["alg"] != nil
    }

    static func isDiscordBotToken(_ token: Substring) -> Bool {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let id = Base64.decode(String(parts[0]), urlSafe: true) else { return false }
        return (17...20).contains(id.count) && id.first != UInt8(ascii: "0")
            && id.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// What a PEM body decodes to. Whether a DER key is encrypted shows in the PEM label or headers
    /// (the regex's job); an OpenSSH key names its cipher inside the blob.
    enum KeyBody: Equatable { case der, pgp, openSSH(encrypted: Bool), notAKey }

    /// Judges the (possibly partial) body of a PEM block as captured by the regex: base64 lines
    /// separated by real or escaped (`\n`) newlines, indentation and string-concatenation quotes.
    /// Only whole 4-character groups are decoded, so a body cut off by the scan window still counts.
    static func privateKeyBody(_ body: Substring) -> KeyBody {
        var chars: [UInt8] = []
        var bytes = Array(body.utf8)[...]
        while let c = bytes.first {
            bytes = bytes.dropFirst()
            if c == UInt8(ascii: "\\") {
                // Escaped newline inside a string literal: `\n`, `\r`.
                if let next = bytes.first, next == UInt8(ascii: "n") || next == UInt8(ascii: "r") {
                    bytes = bytes.dropFirst()
                }
                continue
            }
            if ASCII.isAlphanumeric(c) || c == UInt8(ascii: "+") || c == UInt8(ascii: "/") || c == UInt8(ascii: "=") {
                chars.append(c)
            }
        }
        if let padding = chars.firstIndex(of: UInt8(ascii: "=")) {
            let count = chars.count { $0 == UInt8(ascii: "=") }
            chars = Array(chars[..<padding]) + Array(repeating: UInt8(ascii: "="), count: count)
        } else {
            chars.removeLast(chars.count % 4)
        }
        guard let der = Base64.decode(String(decoding: chars, as: UTF8.self)), der.count >= 48 else { return .notAKey }
        if let cipher = openSSHCipher(der) {
            return cipher.isEmpty ? .notAKey : .openSSH(encrypted: cipher != "none")
        }
        if der[0] == 0x30 { return .der }  // DER SEQUENCE (PKCS#1, PKCS#8, SEC1, DSA)
        if (0x94...0x97).contains(der[0]) || der[0] == 0xC5 { return .pgp }  // PGP secret-key packet
        return .notAKey
    }

    private static let openSSHMagic = Array("openssh-key-v1\0".utf8)

    /// The cipher name of an `openssh-key-v1` blob, `""` if the blob is cut short, nil if it is not one.
    private static func openSSHCipher(_ blob: [UInt8]) -> String? {
        guard blob.starts(with: openSSHMagic) else { return nil }
        let start = openSSHMagic.count
        guard blob.count >= start + 4 else { return "" }
        let length = blob[start..<(start + 4)].reduce(0) { $0 << 8 | Int($1) }
        guard length > 0, blob.count >= start + 4 + length else { return "" }
        return String(decoding: blob[(start + 4)..<(start + 4 + length)], as: UTF8.self)
    }
}
