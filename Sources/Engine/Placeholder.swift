import Discovery
import Facts
import Foundation
import Lexing
import Model
import Prefilter
import Support
import Suppression

/// Values that stand in for a credential rather than being one: documentation placeholders,
/// template holes, masked values. Shared by every rule that judges a literal.
public enum Placeholder {
    private static let markers: [String] = [
        "your-", "your_", "yourkey", "your key", "insert", "replace", "placeholder", "changeme",
        "change-me", "change_me", "example", "dummy", "sample", "fake", "redacted", "<", "${", "{{",
        "%(", "xxxx", "****", "••", "…", "...", "todo", "fixme", "tbd", "n/a", "none", "null", "nil",
        "undefined", "secret-here", "key-here", "token-here", "here>", "put-", "enter-", "my-",
        "my_", "test-key", "test_key", "testkey", "foobar", "lorem", "process.env", "os.environ",
        "getenv", "env(", "env.", "$(", "vault:", "secretsmanager", "ssm:", "arn:aws",
        // Keyboard rows typed after a real prefix (`sk_live_qwertyuiop`).
        "qwerty", "asdfgh", "zxcvbn",
        // Masked and encrypted-at-rest values: SOPS, Ansible Vault, sealed-secrets, `[PASSWORD]`.
        "enc[aes256_gcm", "$ansible_vault", "[password]", "[token]", "[secret]", "[api_key]", "[apikey]",
        "&lt;", "&gt;", "replace_me", "replaceme", "**", "•",
    ]

    public static func isPlaceholder(_ value: Substring) -> Bool {
        let lowered = value.lowercased()
        if lowered.isEmpty { return true }
        for marker in markers where lowered.containsBytes(marker) { return true }
        // A shell or Makefile variable as the whole value: $TOKEN, $(TOKEN), %TOKEN%.
        if lowered.hasPrefix("$") || (lowered.hasPrefix("%") && lowered.hasSuffix("%")) { return true }
        // One character repeated (`aaaaaaaa`, `00000000`, `--------`).
        if let first = lowered.first, lowered.count >= 3, lowered.allSatisfy({ $0 == first }) { return true }
        // Runs like `12345678`, `abcdefgh`: keyboard-mash values used in docs.
        if isAscendingRun(lowered) { return true }
        // The same inside a value (`sk_live_abcdefghijklmnop`, `…1234567890`): random text
        // practically never holds six consecutive letters or digits in order.
        if containsAscendingRun(lowered.utf8, length: 6) { return true }
        return false
    }

    /// True when `bytes` hold `length` consecutive letters or digits in alphabet order.
    static func containsAscendingRun(_ bytes: String.UTF8View, length: Int) -> Bool {
        var run = 1
        var previous: UInt8 = 0
        for b in bytes {
            let isAlphanumeric = (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A)
            if isAlphanumeric && previous != 0 && b == previous &+ 1 && b != 0x3A && b != 0x61 {
                run += 1
                if run >= length { return true }
            } else {
                run = 1
            }
            previous = isAlphanumeric ? b : 0
        }
        return false
    }

    public static func isPlaceholder(_ value: String) -> Bool { isPlaceholder(value[...]) }

    private static func isAscendingRun(_ s: String) -> Bool {
        let scalars = Array(s.unicodeScalars)
        guard scalars.count >= 6 else { return false }
        for i in 1..<scalars.count where scalars[i].value != scalars[i - 1].value + 1 { return false }
        return true
    }
}
