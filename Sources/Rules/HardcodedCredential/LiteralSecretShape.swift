import Engine
import Facts
import Foundation
import Model
import Prefilter
import Support

/// Whether a literal bound to a credential-named thing looks like a real secret. Tuned on the
/// benchmark corpus (Swift packages + Python site-packages): labels, English words, identifiers,
/// header names, paths, format strings and placeholders are what such names usually hold in
/// real code, so each of those is ruled out before entropy is looked at.
enum LiteralSecretShape {
    /// Generic credential assignments: strict, because the name is the only evidence.
    static func looksLikeSecret(_ raw: String, name: String = "") -> Bool {
        let value = raw.trimmingSpaces
        let count = value.count
        guard count >= 8, count <= 1024, isPlausibleLiteral(value, name: name) else { return false }
        // labels and sentences
        guard !value.contains(where: { $0 == " " || $0 == "\t" || $0.isNewline }) else { return false }
        guard !value.contains("://") else { return false }  // URLs: credentials-in-url judges their userinfo
        let scalars = value.unicodeScalars
        // prose in other scripts
        guard scalars.allSatisfy({ $0.value >= 0x21 && $0.value < 0x7F }) else { return false }
        let hasDigit = scalars.contains { ("0"..."9").contains($0) }
        let hasUpper = scalars.contains { ("A"..."Z").contains($0) }
        let hasLower = scalars.contains { ("a"..."z").contains($0) }
        let hasSymbol = scalars.contains {
            !CharacterSet.alphanumerics.contains($0) && $0 != "_" && $0 != "-" && $0 != "."
        }
        if !hasUpper && !hasLower { return false }  // numbers, dates, versions, IP addresses
        // `client_credentials`, `x-api-key`, `passwordField`, `com.example.Token`: identifiers, not secrets.
        if !hasDigit && !hasSymbol && !(hasUpper && hasLower && count >= 20) { return false }
        if looksLikeIdentifierPath(value) { return false }
        if looksLikeFormatOrPattern(value) { return false }
        if looksLikeDateOrVersion(value) { return false }
        if value.hasSuffix("(") || value.contains("()") { return false }  // code that a line lexer kept as text
        if value.hasPrefix("-") || isMadeOfWords(value) { return false }  // flags, `access-token-123`
        if namesACredential(value) { return false }  // `CleartextPassword1`, `MySecretToken2`
        // HTTP header names and other letters-and-dashes identifiers (`Access-Control-Allow-Credentials`).
        if !hasDigit && value.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "_" || $0 == "." })
            && value.contains(where: { $0 == "-" || $0 == "_" || $0 == "." })
        {
            return false
        }
        // Hex digests and UUIDs named like a key are keys; anything else needs character variety.
        let entropy = Entropy.shannon(value[...])
        return entropy >= (count >= 20 ? 3.0 : 2.5)
    }

    /// Values of bare `token`/`key` names (`token`, `asanaToken`, `DIGITALOCEAN_TOKEN`): such
    /// names also hold cache keys, i18n keys, lexer tokens and hashes, so the value must look
    /// issued: 16+ characters of a token alphabet, letters and digits mixed, high entropy for its
    /// length, and not a UUID, a digest under a one-word name, an identifier or a file name.
    static func looksLikeSecretForWeakName(_ raw: String, name: String) -> Bool {
        let value = raw.trimmingSpaces
        let count = value.utf8.count
        guard count >= 16, count <= 512, looksLikeSecret(value, name: name) else { return false }
        var letters = 0, digits = 0, upper = 0, dots = 0
        for b in value.utf8 {
            switch b {
            case 0x30...0x39: digits += 1
            case 0x41...0x5A: letters += 1; upper += 1
            case 0x61...0x7A: letters += 1
            case UInt8(ascii: "."): dots += 1
            case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="),
                UInt8(ascii: "~"):
                break
            default: return false  // `user:{id}:profile`, `login.title %s`: not a token alphabet
            }
        }
        guard letters >= 4, digits >= 1, !isWordy(value) else { return false }
        if dots == 1 || dots > 2 { return false }  // `config.json`, `a.b.c.d`; JWTs have two
        if isUUID(value) { return false }
        // A bare `key`/`token` holding a digest is a cache or content key far more often than a credential.
        if CredentialNames.words(name).count == 1 && digits + letters == count
            && value.utf8.allSatisfy({ ASCII.hexValue($0) != nil })
        {
            return false
        }
        // `ReactComponentKey12`: an identifier with a number at the end.
        if digits <= 3, let firstDigit = value.firstIndex(where: \.isNumber),
            value[firstDigit...].allSatisfy(\.isNumber)
        {
            return false
        }
        let floor = min(3.5, log2(Double(count)) - 0.7)
        return Entropy.shannon(value[...]) >= floor
    }

    /// `ApplicationSummaryList`, `IDEDidComputeMac32BitWarning`: in mixed case, most letters
    /// sit in lower-case runs of three or more, as in camel-case words; random text has few.
    static func isWordy(_ value: String) -> Bool {
        guard value.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return false }
        var inRuns = 0, letters = 0, run = 0
        for b in value.utf8 {
            let isLower = b >= 0x61 && b <= 0x7A
            if isLower || (b >= 0x41 && b <= 0x5A) { letters += 1 }
            if isLower {
                run += 1
            } else {
                if run >= 3 { inRuns += run }
                run = 0
            }
        }
        if run >= 3 { inRuns += run }
        return letters > 0 && inRuns * 10 >= letters * 6
    }

    static func isUUID(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard bytes.count == 36 else { return false }
        for (i, b) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(i) {
                if b != UInt8(ascii: "-") { return false }
            } else if ASCII.hexValue(b) == nil {
                return false
            }
        }
        return true
    }

    /// Values the caller's name already marks as a credential (appkey, Bearer, client_secret):
    /// anything but a placeholder, an empty or trivial value, or a reference to a real source.
    static func isPlausibleLiteral(_ raw: String, name: String = "") -> Bool {
        let value = raw.trimmingSpaces
        guard value.count >= 4 else { return false }
        if Placeholder.isPlaceholder(value) { return false }
        if documentedExamples.contains(value) { return false }
        if FileFacts.looksLikeEnvironmentReference(value) { return false }
        let lower = value.lowercased()
        // `password: 'password'`, `appkey: 'appkey'`, `api_key = "API_KEY"`: the name repeated.
        let squashedName = name.lowercased().filter { $0.isLetter || $0.isNumber }
        let squashedValue = lower.filter { $0.isLetter || $0.isNumber }
        if !squashedName.isEmpty
            && (squashedValue == squashedName || squashedName.hasSuffix(squashedValue) && squashedValue.count >= 4)
        {
            return false
        }
        if CredentialNames.headers.contains(lower) { return false }  // a header name, not its value
        if [
            "true", "false", "yes", "no", "on", "off", "required", "optional", "bearer", "basic", "string", "secret",
            "password", "token", "pass", "passwd", "pwd", "test", "demo", "guest", "admin", "user", "username",
        ].contains(lower) {
            return false
        }
        if value.hasPrefix("/") || value.hasPrefix("./") || value.hasPrefix("../") || value.hasPrefix("~/") {
            return false
        }
        for suffix in [
            ".pem", ".key", ".json", ".txt", ".yaml", ".yml", ".p12", ".crt", ".env", ".pub", ".html", ".js", ".py",
            ".swift",
        ]
        where lower.hasSuffix(suffix) { return false }
        return true
    }

    /// Credentials printed in RFCs and vendor docs as examples (RFC 6750, RFC 7617, AWS).
    static let documentedExamples: Set<String> = [
        "mF_9.B5f-4.1JqM", "opensesame", "open sesame", "AKIAIOSFODNN7EXAMPLE",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "tGzv3JOkF0XG5Qx2TlKWIA", "SlAV32hkKG", "8xLOxBtZp8",
    ]

    /// `access-token-123`, `server-integration-token`, `my_test_password_1`: words joined by
    /// separators, maybe numbered. Test fixtures and docs, not issued credentials.
    static func isMadeOfWords(_ value: String) -> Bool {
        let parts = value.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." })
        guard parts.count >= 2 else { return false }
        // A part is a word (`token`), a short number (`123`) or a short tag (`v1`, `as2`).
        func isWordLike(_ part: Substring) -> Bool {
            if part.allSatisfy({ $0.isLowercase }) { return true }
            if part.allSatisfy(\.isNumber) { return part.count <= 4 }
            let letters = part.prefix { $0.isLowercase }, digits = part.dropFirst(letters.count)
            return part.count <= 4 && !letters.isEmpty && !digits.isEmpty && digits.allSatisfy(\.isNumber)
        }
        return parts.allSatisfy(isWordLike) && parts.contains { $0.allSatisfy(\.isLetter) && $0.count >= 3 }
    }

    /// Capitalised words and at most two digits, one of them a credential word: a value that
    /// describes itself (`CleartextPassword1`, `SuperSecretKey`) is a stand-in, not an issued secret.
    static func namesACredential(_ value: String) -> Bool {
        let digits = value.reversed().prefix(while: \.isNumber).count
        let letters = value.dropLast(digits)
        guard digits <= 2, letters.count >= 6, letters.allSatisfy(\.isLetter), letters.first?.isLetter == true
        else { return false }
        let words = CredentialNames.words(String(letters))
        guard words.count >= 2 else { return false }
        return words.contains { ["password", "passwd", "secret", "token", "key", "pass", "pwd"].contains($0) }
    }

    /// `foo.bar.baz`, `com.example.app`, `module:attr`, `snake_case_name`, `kebab-case-name`.
    static func looksLikeIdentifierPath(_ value: String) -> Bool {
        let parts = value.split(whereSeparator: { $0 == "." || $0 == ":" || $0 == "/" })
        if parts.count >= 2
            && parts.allSatisfy({ part in
                part.first?.isLetter == true && part.allSatisfy { $0.isLetter || $0 == "_" || $0 == "-" || $0.isNumber }
            })
            && parts.allSatisfy({ $0.count >= 2 }) && value.filter(\.isNumber).count <= 2
        {
            return true
        }
        return false
    }

    /// `2016-09-08T21:47:36Z`, `1.2.3-beta4`: mostly digits and separators.
    private static func looksLikeDateOrVersion(_ value: String) -> Bool {
        let letters = value.filter { $0.isLetter }
        return letters.count <= 2 && value.filter(\.isNumber).count >= value.count / 2
    }

    /// printf/str.format/regex/glob text: `%s:%s`, `{0}`, `\d+`, `[A-Z]`, `*.key`.
    private static func looksLikeFormatOrPattern(_ value: String) -> Bool {
        for marker in [
            "%s", "%d", "%(", "{0}", "{}", "\\d", "\\w", "\\s", "[a-z", "[A-Z", "[0-9", "(?", "^(", ".*", "*.",
        ] where value.contains(marker) { return true }
        return false
    }

    /// What an id half of `id:secret` is, for messages that must not show the secret.
    static func kindOfIdentity(_ id: String) -> String {
        if id.hasPrefix("key_") { return "a Reeflow key id" }
        if id.contains("@") && id.contains(".") { return "an email address" }
        if id.count == 36 && id.filter({ $0 == "-" }).count == 4 { return "a UUID client id" }
        if id.isEmpty { return "an empty user name" }
        if id.count >= 20 && Entropy.shannon(id[...]) > 3.5 { return "a key-like id" }
        return "a user name"
    }
}
