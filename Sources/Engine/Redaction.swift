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

    /// One scrubber: a regex and which of its groups holds a value, if the name test passes.
    private struct Scrubber: Sendable {
        let regex: NSRegularExpression
        let nameGroup: Int?
        let valueGroup: Int
        /// Punctuation every match contains (one of these), or empty: a byte test that skips the
        /// regex, as no case folding can produce punctuation. Most lines need few scrubbers.
        let needsOneOf: [String]
        let accepts: @Sendable (_ name: String, _ value: String) -> Bool
        init(
            _ pattern: String, name: Int? = nil, value: Int, needsOneOf: [String] = [],
            accepts: @escaping @Sendable (String, String) -> Bool = { _, _ in true }
        ) {
            regex = try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
            nameGroup = name
            valueGroup = value
            self.needsOneOf = needsOneOf
            self.accepts = accepts
        }

        func mayMatch(_ text: String) -> Bool { needsOneOf.isEmpty || needsOneOf.contains(where: text.containsBytes) }
    }

    private static let headerNames = CredentialNames.headers.sorted { $0.count > $1.count }
        .map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "|")
    private static let schemeWords = "(?:basic|bearer|token|digest|apikey|key|sso-key|hmac|otp)\\s+"

    private static let scrubbers: [Scrubber] = [
        // URL userinfo: the password always, the user name when it is itself a token.
        Scrubber("://([^/@\\s:'\"`]*):([^@/\\s'\"`]+)@", value: 2, needsOneOf: ["://"]),
        Scrubber("://([^/@\\s:'\"`]+)(?::[^@/\\s'\"`]*)?@", value: 1, needsOneOf: ["://"]) { _, user in
            isTokenShaped(user)
        },
        // Query values with credential names: ?api_key=…, &token=…, &sig=… (SAS), ;password=…
        Scrubber("[?&;]([A-Za-z0-9_.\\-\\[\\]]+)=([^&#;\\s'\"`<>)]+)", name: 1, value: 2, needsOneOf: ["="]) {
            name, _ in
            isCredentialValuedName(name) || queryNames.contains(name.lowercased())
        },
        // Webhook URLs carry their credential in the path (Slack, Discord, Teams, Zapier, generic).
        Scrubber(
            "(?:hooks\\.slack\\.com/services|/api/webhooks|webhook\\.office\\.com/webhookb2|/hooks/catch|/webhooks?)/([^\\s'\"`<>?#)]+)",
            value: 1, needsOneOf: ["/"]
        ) { _, path in path.count >= 8 },
        // Credential headers in any spelling: `Authorization: Bearer …`, `"appkey": "…"`, `-H 'X-API-Key: …'`.
        Scrubber(
            "(?<![A-Za-z0-9_-])(?:\(headerNames))[\"']?\\s*(?::|=>|=)\\s*([\"'`]?)(?:\(schemeWords))?([^\\s\"'`,;)}\\]]+)",
            name: 1, value: 2, needsOneOf: [":", "="]
        ) { quote, value in
            !isReference(value) && !isSchemeWord(value) && (!quote.isEmpty || !isIdentifier(value))
        },
        // Setter calls: `setHeader("appkey", "…")` (a quoted value only; an expression is not a secret).
        Scrubber(
            "(?<![A-Za-z0-9_-])(?:\(headerNames))[\"']\\s*,\\s*[\"'`](?:\(schemeWords))?([^\\s\"'`]+)", value: 1,
            needsOneOf: [","]
        ) {
            _, value in !isReference(value) && !isSchemeWord(value)
        },
        // Basic / Bearer payloads wherever they stand.
        Scrubber("\\b(?:basic|bearer)\\s+([A-Za-z0-9+/=._~\\-]{8,})", value: 1),
        // Quoted values of credential-named keys and variables: `password = "…"`, `"api_key": '…'`.
        Scrubber(
            "([A-Za-z_][A-Za-z0-9_.\\-]*)[\"']?\\s*(?::=|=>|==|=|:)\\s*([\"'`])([^\"'`\\s][^\"'`\\r\\n]*)\\2", name: 1,
            value: 3, needsOneOf: [":", "="]
        ) { name, value in
            isCredentialValuedName(name) && !isReference(value) && !CredentialNames.headers.contains(value.lowercased())
        },
        // Unquoted ones: `.env`, YAML, properties, INI, shell (`API_KEY=…`, `token: …`).
        Scrubber(
            "(?:^|[\\s;{(,])(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.\\-]*)\\s*[=:]\\s*([^\\s\"'`#;,(){}\\[\\]][^\\s\"'`#;,(){}\\[\\]]*)",
            name: 1, value: 2, needsOneOf: [":", "="]
        ) { name, value in
            isCredentialValuedName(name) && !isReference(value) && !isIdentifier(value)
        },
        // Command-line flags: `--password=…`, `--api-key …`, `-u user:password`.
        Scrubber("--([A-Za-z][A-Za-z0-9-]*)[= ]+[\"']?([^\\s\"'`]+)", name: 1, value: 2, needsOneOf: ["--"]) {
            name, value in
            isCredentialValuedName(name) && !isReference(value)
        },
        Scrubber("(?:^|\\s)-u\\s+[\"']?[^\\s:\"']*:([^\\s\"'`]+)", value: 1, needsOneOf: ["-"]) { _, value in
            !isReference(value)
        },
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
        let ns = text as NSString
        let whole = NSRange(location: 0, length: ns.length)
        // A value overlapping a marker already there (`sk-…[redacted]`) is the rest of a masked
        // secret: masking it again printed `…[redacted]]` and `…[redacted][redacted]`.
        var markers: [NSRange] = []
        var from = 0
        while from < ns.length {
            let found = ns.range(of: marker, range: NSRange(location: from, length: ns.length - from))
            guard found.location != NSNotFound else { break }
            markers.append(found)
            from = NSMaxRange(found)
        }
        var spans: [NSRange] = []
        for scrubber in scrubbers where scrubber.mayMatch(text) {
            for match in scrubber.regex.matches(in: text, range: whole) {
                let valueRange = match.range(at: scrubber.valueGroup)
                guard valueRange.location != NSNotFound, valueRange.length > 0 else { continue }
                let value = ns.substring(with: valueRange)
                // (A value holding a marker overlaps it, so the one test covers both.)
                guard !value.contains("\u{1}"),
                    !markers.contains(where: { NSIntersectionRange($0, valueRange).length > 0 })
                else { continue }
                let name = scrubber.nameGroup.map { ns.substring(with: match.range(at: $0)) } ?? ""
                guard scrubber.accepts(name, value) else { continue }
                spans.append(valueRange)
            }
        }
        guard !spans.isEmpty else { return text }
        return replace(merged(spans), in: ns, mask: mask)
    }

    private static func merged(_ spans: [NSRange]) -> [NSRange] {
        var result: [NSRange] = []
        for span in spans.sorted(by: { $0.location < $1.location }) {
            if let last = result.last, span.location <= NSMaxRange(last) {
                result[result.count - 1] = NSRange(
                    location: last.location, length: max(NSMaxRange(last), NSMaxRange(span)) - last.location)
            } else {
                result.append(span)
            }
        }
        return result
    }

    private static func replace(_ spans: [NSRange], in ns: NSString, mask: (Substring) -> String) -> String {
        var out = ""
        var at = 0
        for span in spans {
            out += ns.substring(with: NSRange(location: at, length: span.location - at))
            out += mask(ns.substring(with: span)[...])
            at = NSMaxRange(span)
        }
        return out + ns.substring(from: at)
    }
}
