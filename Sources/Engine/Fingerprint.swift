import Discovery
import Facts
import Foundation
import Lexing
import Model
import Prefilter
import Support
import Suppression

/// What keys a fingerprint. A plain hash of a secret lets anyone holding the report or a
/// committed baseline confirm guesses of a weak password offline, so secret text enters a
/// fingerprint only under a key the reader does not have (`AUTHLINT_FINGERPRINT_KEY`, a CI
/// secret). A baseline's salt is public once committed: under it (and without any key) the
/// fingerprint covers the secret-free form of the finding only.
public enum FingerprintKey: Sendable, Hashable {
    case none
    case salt([UInt8])
    case secret([UInt8])

    public static let environmentVariable = "AUTHLINT_FINGERPRINT_KEY"

    /// The CI secret, when set and non-empty.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> FingerprintKey?
    {
        guard let value = environment[environmentVariable], !value.isEmpty else { return nil }
        return .secret(Array(value.utf8))
    }

    /// True when the key is secret, so the secret itself may be part of what is hashed.
    var coversSecrets: Bool { if case .secret = self { return true } else { return false } }

    /// Without a secret key, the secret enters a fingerprint only as this tag: 12 bits of a keyed
    /// hash. A rotated literal still makes a new finding (4095 times in 4096), but the fingerprint
    /// can at best narrow a list of guesses 4096-fold, never confirm one (the snippet already
    /// shows up to 4 characters).
    func secretTag(_ rule: String, _ match: String) -> String {
        let key: [UInt8]
        switch self {
        case .none: key = Array("authlint".utf8)
        case .salt(let bytes), .secret(let bytes): key = bytes
        }
        return String(
            HMACSHA256.hex(key: key, message: Array((rule + "\u{0}" + match).utf8)).prefix(Self.secretTagDigits))
    }

    static let secretTagDigits = 3

    /// `parts` joined by NUL, HMAC-SHA256 under the key (plain SHA-256 with no key).
    func fingerprint(_ parts: [String]) -> String {
        let message = Array(parts.joined(separator: "\u{0}").utf8)
        switch self {
        case .none: return SHA256.hex(message)
        case .salt(let key), .secret(let key): return HMACSHA256.hex(key: key, message: message)
        }
    }
}
