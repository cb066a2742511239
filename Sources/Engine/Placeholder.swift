import Discovery
import Facts
import Foundation
import Lexing
import Model
import Prefilter
import Support
import Suppression

/// Values that stand in for a credential rather than being one: documentation placeholders,
/// template holes, masked values, credentials published as samples (`PublishedSamples`). Shared by
/// every rule that judges a literal.
public enum Placeholder {
    private static let markers: [String] = [
        "your-", "your_", "yourkey", "your key", "insert", "replace", "placeholder", "changeme",
        "change-me", "change_me", "example", "dummy", "sample", "fake", "redacted", "<", "${", "{{",
        "%(", "xxxx", "****", "••", "…", "...", "fixme",
        "undefined", "secret-here", "key-here", "token-here", "here>", "enter-",
        "tokenhere", "keyhere", "secrethere", "stringhere", "valuehere", "test-key", "test_key", "testkey", "foobar",
        "lorem", "process.env", "os.environ",
        "getenv", "env(", "env.", "$(", "vault:", "secretsmanager", "ssm:", "arn:aws",
        // Keyboard rows typed after a real prefix (`sk_live_qwertyuiop`).
        "qwerty", "asdfgh", "zxcvbn",
        // Masked and encrypted-at-rest values: SOPS, Ansible Vault, sealed-secrets, `[PASSWORD]`.
        "enc[aes256_gcm", "$ansible_vault", "[password]", "[token]", "[secret]", "[api_key]", "[apikey]",
        "&lt;", "&gt;", "replace_me", "replaceme", "**", "•",
    ]

    /// Short markers that count only as a word of their own (`TBD`, `my_token`, `none`): inside
    /// a long random token, `nil` or `tbd` occur by chance, and one in five 360-character AWS
    /// session tokens was taken for a placeholder.
    private static let wordMarkers: [String] = ["todo", "tbd", "n/a", "none", "null", "nil", "put-", "my-", "my_"]

    public static func isPlaceholder(_ value: Substring) -> Bool {
        if PublishedSamples.contains(value) { return true }
        let lowered = value.lowercased()
        if lowered.isEmpty { return true }
        for marker in markers where lowered.containsBytes(marker) { return true }
        if wordMarkers.contains(where: { containsWord($0, in: lowered) }) { return true }
        // A shell or Makefile variable as the whole value: $TOKEN, $(TOKEN), %TOKEN%.
        if lowered.hasPrefix("$") || (lowered.hasPrefix("%") && lowered.hasSuffix("%")) { return true }
        // One character repeated (`aaaaaaaa`, `00000000`, `--------`).
        if let first = lowered.first, lowered.count >= 3, lowered.allSatisfy({ $0 == first }) { return true }
        // Runs like `12345678`, `abcdefgh`: keyboard-mash values used in docs.
        if isAscendingRun(lowered) { return true }
        // `AbCeFG123`: the alphabet typed (a letter may be skipped), maybe then counted digits.
        if isAlphabetSequence(lowered) { return true }
        // The same after a token prefix (`sk_live_abcdefghijklmnop`, `xk_1234567890`): random
        // text practically never holds six consecutive letters or digits in order.
        if let body = bodyAfterPrefix(lowered), containsAscendingRun(body, length: 6) { return true }
        return false
    }

    /// What follows a token prefix (`sk_live_`, `xoxb-`, `ghp_`): the last `_`/`-` in the first
    /// 16 characters, after at least one letter. Nil for a value with no prefix.
    static func bodyAfterPrefix(_ value: String) -> Substring.UTF8View? {
        let bytes = value.utf8
        var cut: String.Index?
        var sawLetter = false
        for (offset, index) in zip(0..<16, bytes.indices) {
            let b = bytes[index]
            if b >= 0x61 && b <= 0x7A { sawLetter = true }
            if (b == UInt8(ascii: "_") || b == UInt8(ascii: "-")) && sawLetter && offset > 0 { cut = index }
        }
        guard let cut else { return nil }
        return value[value.utf8.index(after: cut)...].utf8
    }

    /// True when `bytes` hold `length` consecutive letters or digits in alphabet order.
    static func containsAscendingRun(_ bytes: Substring.UTF8View, length: Int) -> Bool {
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

    /// `word` occurs with no letter or digit right before it, nor right after it when it ends
    /// in one (`my_` and `put-` carry their own boundary).
    static func containsWord(_ word: String, in text: String) -> Bool {
        let bytes = Array(text.utf8), needle = Array(word.utf8)
        let isAlnum = ASCII.isAlphanumeric
        let checkAfter = needle.last.map(isAlnum) ?? false
        var from = 0
        while let at = ASCII.find(needle, in: bytes, from: from) {
            let before = at == 0 || !isAlnum(bytes[at - 1])
            let end = at + needle.count
            let after = !checkAfter || end == bytes.count || !isAlnum(bytes[end])
            if before && after { return true }
            from = at + 1
        }
        return false
    }

    /// At least five letters in alphabet order, each at most two after the one before, then
    /// nothing or ascending digits. Random text is never this ordered.
    /// Reads the bytes once without copying them: most values fail at the first byte.
    static func isAlphabetSequence(_ lowered: String) -> Bool {
        var letters = 0, previous: UInt8 = 0, inDigits = false
        for b in lowered.utf8 {
            let isLetter = b >= 0x61 && b <= 0x7A
            if !inDigits && isLetter && (letters == 0 || (b > previous && b - previous <= 2)) {
                letters += 1
                previous = b
                continue
            }
            // Past the letters only ascending digits may follow.
            guard letters >= 5, b >= 0x30 && b <= 0x39, !inDigits || b == previous + 1 else { return false }
            inDigits = true
            previous = b
        }
        return letters >= 5
    }

    private static func isAscendingRun(_ s: String) -> Bool {
        let scalars = Array(s.unicodeScalars)
        guard scalars.count >= 6 else { return false }
        for i in 1..<scalars.count where scalars[i].value != scalars[i - 1].value + 1 { return false }
        return true
    }
}
