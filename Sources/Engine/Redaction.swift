import Discovery
import Facts
import Foundation
import Lexing
import Model
import Prefilter
import Support
import Suppression

/// Secret redaction: at most the first 4 characters survive (fewer for short secrets), so no
/// output format ever carries a usable credential unless the user passes `--show-secrets`.
/// `scrub` is the text half of the engine's invariant (`SecretSpans` is the facts half): it
/// masks every credential-valued span a line shows by itself, whichever rule reported the line.
public enum Redaction {
    public static let marker = RedactedText.marker
    /// What fingerprints see in place of a secret: nothing of it, not even its length.
    static let fingerprintMask = "\u{1}secret\u{1}"

    public static func redact(_ secret: Substring) -> String { RedactedText.of(secret) }

    public static func redact(_ secret: String) -> String { redact(secret[...]) }

    /// `scheme://user:password@host` → `scheme://user:pa…[redacted]@host` (and the other scrubbers).
    public static func scrubURLPasswords(_ text: String) -> String { scrub(text) }

    /// One scrubber: a pattern, which of its groups the name test reads, and the test.
    struct Scrubber: Sendable {
        let pattern: ScrubPattern
        /// Punctuation every match contains (one of these), or empty: a byte test that skips the
        /// pattern. Most lines need few scrubbers.
        let needsOneOf: [String]
        let accepts: @Sendable (_ name: String, _ value: String) -> Bool
        init(
            _ pattern: ScrubPattern, needsOneOf: [String] = [],
            accepts: @escaping @Sendable (String, String) -> Bool = { _, _ in true }
        ) {
            self.pattern = pattern
            self.needsOneOf = needsOneOf
            self.accepts = accepts
        }

        func mayMatch(_ text: ScrubText) -> Bool {
            needsOneOf.isEmpty || needsOneOf.contains { ASCII.find(Array($0.utf8), in: text.bytes, from: 0) != nil }
        }
    }

    /// In the order the regexes ran (the patterns are quoted at `ScrubPattern`'s cases).
    static let scrubbers: [Scrubber] = [
        // URL userinfo: the password always, the user name when it is itself a token.
        Scrubber(.urlPassword, needsOneOf: ["://"]),
        Scrubber(.urlUser, needsOneOf: ["://"]) { _, user in isTokenShaped(user) },
        // Query values with credential names: ?api_key=…, &token=…, &sig=… (SAS), ;password=…
        Scrubber(.queryValue, needsOneOf: ["="]) { name, _ in
            isCredentialValuedName(name) || queryNames.contains(name.lowercased())
        },
        // Webhook URLs carry their credential in the path (Slack, Discord, Teams, Zapier, generic).
        Scrubber(.webhookPath, needsOneOf: ["/"]) { _, path in path.count >= 8 },
        // Credential headers in any spelling: `Authorization: Bearer …`, `"appkey": "…"`, `-H 'X-API-Key: …'`.
        // The name test reads the opening quote: an unquoted bare name is a reference.
        Scrubber(.headerValue, needsOneOf: [":", "="]) { quote, value in
            !isReference(value) && !isSchemeWord(value) && (!quote.isEmpty || !isIdentifier(value))
        },
        // Setter calls: `setHeader("appkey", "…")` (a quoted value only; an expression is not a secret).
        Scrubber(.headerSetter, needsOneOf: [","]) { _, value in !isReference(value) && !isSchemeWord(value) },
        // Basic / Bearer payloads wherever they stand.
        Scrubber(.schemePayload),
        // Quoted values of credential-named keys and variables: `password = "…"`, `"api_key": '…'`.
        Scrubber(.quotedValue, needsOneOf: [":", "="]) { name, value in
            isCredentialValuedName(name) && !isReference(value) && !CredentialNames.headers.contains(value.lowercased())
        },
        // Unquoted ones: `.env`, YAML, properties, INI, shell (`API_KEY=…`, `token: …`).
        Scrubber(.unquotedValue, needsOneOf: [":", "="]) { name, value in
            isCredentialValuedName(name) && !isReference(value) && !isIdentifier(value)
        },
        // Command-line flags: `--password=…`, `--api-key …`, `-u user:password`.
        Scrubber(.flagValue, needsOneOf: ["--"]) { name, value in
            isCredentialValuedName(name) && !isReference(value)
        },
        Scrubber(.userPassword, needsOneOf: ["-"]) { _, value in !isReference(value) },
    ]

    /// Query parameter names that carry credentials although they are not credential words.
    private static let queryNames: Set<String> = [
        "key", "sig", "signature", "token", "code", "auth", "pass", "pw", "apikey", "api-key", "access_token",
        "x-amz-signature",
        "x-goog-signature", "client_secret", "private_token", "secret", "password", "pwd",
    ]

    /// Last words that make any name credential-valued for redaction (broader than the rules'
    /// `isCredentialName`: masking a harmless value costs nothing, missing a secret leaks it).
    private static let valueWords: Set<String> = [
        "key", "token", "secret", "password", "passwd", "pwd", "pass", "sig", "signature", "auth", "apikey", "appkey",
        "credential", "credentials", "creds", "passphrase", "authorization", "bearer",
    ]

    static func isCredentialValuedName(_ name: String) -> Bool {
        let lower = name.lowercased()
        if CredentialNames.headers.contains(lower) || CredentialNames.isCredentialName(name) { return true }
        guard let last = CredentialNames.words(name).last else { return false }
        return valueWords.contains(last)
    }

    /// A token in the user-name position: long, or letters mixed with digits.
    static func isTokenShaped(_ text: String) -> Bool {
        guard !text.contains("…"), !isReference(text) else { return false }
        if text.count >= 20 { return true }
        return text.count >= 8 && text.contains(where: \.isNumber) && text.contains(where: \.isLetter)
    }

    /// A bare name (`apiKey`, `config.token`): in code, a reference; literals there are quoted,
    /// and the facts mask unquoted literals of `.env`, YAML and `.http` files.
    private static func isIdentifier(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, first == "_" || (first.properties.isAlphabetic) else {
            return false
        }
        return value.unicodeScalars.allSatisfy { $0 == "_" || $0 == "." || $0.properties.isAlphabetic }
    }

    private static func isSchemeWord(_ value: String) -> Bool {
        ["basic", "bearer", "token", "digest", "apikey", "key", "sso-key", "hmac", "otp"].contains(value.lowercased())
    }

    /// Variables and templates rather than values: `$TOKEN`, `${x}`, `{{x}}`, `%X%`, `<key>`, `\(x)`, `process.env.X`.
    static func isReference(_ value: String) -> Bool {
        guard let first = value.first else { return true }
        if "${%<\\".contains(first) { return true }
        if value.contains("${") || value.contains("{{") || value.contains("#{") || value.contains("\\(") { return true }
        let lower = value.lowercased()
        return lower.hasPrefix("process.env") || lower.hasPrefix("os.environ") || lower.hasPrefix("env.")
            || lower.hasPrefix("getenv")
    }

    /// `text` with every credential-valued span replaced by `mask(value)`. Spans already masked
    /// (holding the marker) are left alone, so scrubbing twice changes nothing.
    public static func scrub(_ text: String, mask: (Substring) -> String = { redact($0) }) -> String {
        guard text.count >= 4 else { return text }
        var utf8 = text
        return utf8.withUTF8 { bytes in
            let line = ScrubText(bytes: bytes)
            let spans = merged(credentialSpans(in: line))
            guard !spans.isEmpty else { return text }
            var out = ""
            var at = 0
            for span in spans {
                out += String(decoding: bytes[at..<span.lowerBound], as: UTF8.self)
                out += mask(String(decoding: bytes[span], as: UTF8.self)[...])
                at = span.upperBound
            }
            return out + String(decoding: bytes[at...], as: UTF8.self)
        }
    }

    /// The value of every scrubber match whose test passes, as byte ranges (unsorted).
    static func credentialSpans(in line: ScrubText) -> [Range<Int>] {
        // A value overlapping a marker already there (`sk-…[redacted]`) is the rest of a masked
        // secret: masking it again printed `…[redacted]]` and `…[redacted][redacted]`.
        let markers = ASCII.find(markerBytes, in: line.bytes, from: 0) == nil ? [] : markerRanges(in: line)
        var spans: [Range<Int>] = []
        for scrubber in scrubbers where scrubber.mayMatch(line) {
            for match in scrubber.pattern.matches(in: line) {
                let valueRange = match.value
                // (A value holding a marker overlaps it, so the one test covers both.)
                guard !valueRange.isEmpty, !markers.contains(where: { $0.overlaps(valueRange) }) else { continue }
                let value = String(decoding: line.bytes[valueRange], as: UTF8.self)
                // Foundation's `contains` (as before), which skips a U+0001 a combining mark follows.
                if line.bytes[valueRange].contains(1), value.contains("\u{1}") { continue }
                let name = match.name.map { String(decoding: line.bytes[$0], as: UTF8.self) } ?? ""
                guard scrubber.accepts(name, value) else { continue }
                spans.append(valueRange)
            }
        }
        return spans
    }

    private static let markerBytes = Array(marker.utf8)

    /// The markers in `line` as Foundation's search finds them (as before: not one a combining
    /// mark follows), as byte ranges. Only lines already holding the marker's bytes pay for it.
    private static func markerRanges(in line: ScrubText) -> [Range<Int>] {
        let text = String(decoding: line.bytes, as: UTF8.self)
        let utf8Offset = utf8Offsets(byUTF16Offset: text)
        let ns = text as NSString
        var markers: [Range<Int>] = []
        var from = 0
        while from < ns.length {
            let found = ns.range(of: marker, range: NSRange(location: from, length: ns.length - from))
            guard found.location != NSNotFound else { break }
            markers.append(utf8Offset[found.location]..<utf8Offset[NSMaxRange(found)])
            from = NSMaxRange(found)
        }
        return markers
    }

    /// For each UTF-16 offset of `text` (and its end), the UTF-8 offset: Foundation's ranges
    /// as byte ranges.
    static func utf8Offsets(byUTF16Offset text: String) -> [Int] {
        var utf8Offset: [Int] = []
        var offset = 0
        for scalar in text.unicodeScalars {
            for _ in 0..<UTF16.width(scalar) { utf8Offset.append(offset) }
            offset += UTF8.width(scalar)
        }
        utf8Offset.append(offset)
        return utf8Offset
    }

    private static func merged(_ spans: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for span in spans.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, span.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, span.upperBound)
            } else {
                result.append(span)
            }
        }
        return result
    }
}
