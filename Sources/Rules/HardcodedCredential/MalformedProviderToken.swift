import Engine
import Support

/// Values that carry a provider's token prefix or shape but break the format the provider
/// issues: `sntryu_` with 65 hex digits, `sgp_` with a `G` in its hex, `xoxb-` with a
/// 7-character secret, `dapi` with a non-hex tail, a Telegram bot id of 4 or 17 digits, an
/// `AIza` key of 46 characters or in capitals. The
/// provider rules reject them; the generic rule still reports such a literal, at warning, and
/// says why: it is most likely a placeholder, a truncated copy or a made-up test value.
enum MalformedProviderToken {
    private struct Family: Sendable {
        let provider: String
        /// The value claims to be one of this provider's tokens.
        let claims: @Sendable (Substring.UTF8View) -> Bool
        /// The value has the format the provider issues.
        let isWellFormed: @Sendable (Substring.UTF8View) -> Bool
    }

    /// The provider whose token format `value` claims and fails; nil when it claims none or is well formed.
    static func provider(ofMalformed value: String) -> String? {
        let token = value.trimmingSpaces[...].utf8
        // A bare prefix (`xoxb-`), a name after one (`xoxb-Slack_BOT_TOKEN`) or text with other
        // symbols is no attempt at a token; the generic rule judges it like any other literal.
        guard token.count >= 16, token.dropFirst(5).filter(isDigit).count >= 2,
            token.allSatisfy({ ASCII.isAlphanumeric($0) || "-_+/=.:".utf8.contains($0) })
        else { return nil }
        return families.first { $0.claims(token) && !$0.isWellFormed(token) }?.provider
    }

    private static let families: [Family] = [
        prefixed("sntryu_", "Sentry") { $0.count == 64 && $0.allSatisfy(isLowerHex) },
        Family(provider: "Sentry", claims: { $0.starts(with: "sntrys_".utf8) }, isWellFormed: isSentryOrgToken),
        prefixed("sgp_", "Sourcegraph", isWellFormed: isSourcegraphBody),
        prefixed(
            "dapi", "Databricks", claimsWhen: { $0.count >= 20 && $0.prefix(8).allSatisfy(isHex) },
            isWellFormed: isDatabricksBody),
        prefixed("bedrock-api-key-", "Amazon Bedrock") { $0.count >= 100 },
        Family(provider: "Slack", claims: isSlackPrefixed, isWellFormed: isWellFormedSlackToken),
        // A bot id is a user id: 5 to 16 digits (52 bits).
        Family(
            provider: "Telegram", claims: hasTelegramShape,
            isWellFormed: { (5...16).contains($0.prefix(while: isDigit).count) }),
        // `AIza` in any case: a key upper-cased on the way (`AIZASY…`) is one Google no longer accepts.
        Family(
            provider: "Google",
            claims: { $0.count >= 30 && $0.prefix(4).map { $0 | 0x20 }.elementsEqual("aiza".utf8) },
            isWellFormed: isGoogleAPIKey),
    ]

    /// `AIza` + 35 base64url characters in both letter cases (the `google-api-key` rule's validator).
    private static func isGoogleAPIKey(_ token: Substring.UTF8View) -> Bool {
        guard token.count == 39, token.starts(with: "AIza".utf8), let check = SecretValidators.named("google-api-key")
        else { return false }
        return check(String(decoding: token, as: UTF8.self)[...])
    }

    /// `sntrys_eyJ…` (base64 JSON of the org and its URLs), `_`, then a 43-character signature.
    private static func isSentryOrgToken(_ token: Substring.UTF8View) -> Bool {
        guard token.dropFirst(7).starts(with: "eyJ".utf8), let cut = token.lastIndex(of: UInt8(ascii: "_")),
            token[token.index(after: cut)...].count == 43, let check = SecretValidators.named("sentry-org-token")
        else { return false }
        return check(String(decoding: token, as: UTF8.self)[...])
    }

    /// `<40 hex>`, `local_<40 hex>` or `<16-hex instance id>_<40 hex>` after `sgp_`.
    private static func isSourcegraphBody(_ body: Substring.UTF8View) -> Bool {
        let parts = body.split(separator: UInt8(ascii: "_"), omittingEmptySubsequences: false)
        guard let last = parts.last, last.count == 40, last.allSatisfy(isHex) else { return false }
        if parts.count == 1 { return true }
        guard parts.count == 2 else { return false }
        return parts[0].elementsEqual("local".utf8) || parts[0].count == 16 && parts[0].allSatisfy(isHex)
    }

    /// 32 lower-case hex digits after `dapi`, maybe `-<1–2 digits>`.
    private static func isDatabricksBody(_ body: Substring.UTF8View) -> Bool {
        let parts = body.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard parts[0].count == 32, parts[0].allSatisfy(isLowerHex) else { return false }
        guard parts.count == 2 else { return parts.count == 1 }
        return (1...2).contains(parts[1].count) && parts[1].allSatisfy(isDigit)
    }

    private static func prefixed(
        _ prefix: String, _ provider: String,
        claimsWhen bodyClaims: @escaping @Sendable (Substring.UTF8View) -> Bool = { _ in true },
        isWellFormed: @escaping @Sendable (Substring.UTF8View) -> Bool
    ) -> Family {
        let prefixBytes = Array(prefix.utf8)
        let count = prefixBytes.count
        return Family(
            provider: provider,
            claims: { $0.starts(with: prefixBytes) && $0.count >= count + 8 && bodyClaims($0.dropFirst(count)) },
            isWellFormed: { isWellFormed($0.dropFirst(count)) })
    }

    /// `xoxb-`, `xoxp-`, `xoxa-`, `xoxe-`, …: Slack's token prefixes.
    private static func isSlackPrefixed(_ token: Substring.UTF8View) -> Bool {
        let bytes = Array(token.prefix(5))
        return bytes.count == 5 && bytes[0...2].elementsEqual("xox".utf8) && "abposre".utf8.contains(bytes[3])
            && bytes[4] == UInt8(ascii: "-")
    }

    /// `xox?-`, maybe a one-digit version, up to four numeric ids of 5–14 digits and an
    /// alphanumeric secret of 8 or more characters, as `slack-token` matches them.
    private static func isWellFormedSlackToken(_ token: Substring.UTF8View) -> Bool {
        let parts = token.dropFirst(5).split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard let secret = parts.last, secret.count >= 8, secret.allSatisfy(ASCII.isAlphanumeric) else { return false }
        var ids = parts.dropLast()
        let hasVersion = ids.first.map { $0.count == 1 && $0.allSatisfy(isDigit) } ?? false
        if hasVersion { ids = ids.dropFirst() }
        // `xoxa-2-<secret>`, `xoxe-1-<long secret>`: a version and no ids.
        if ids.isEmpty { return hasVersion }
        return ids.count <= 4 && ids.allSatisfy { (5...14).contains($0.count) && $0.allSatisfy(isDigit) }
    }

    /// `<digits>:A<34 of base64url>`: a Telegram bot token's shape, whatever the length of its id.
    private static func hasTelegramShape(_ token: Substring.UTF8View) -> Bool {
        guard let colon = token.firstIndex(of: UInt8(ascii: ":")), colon > token.startIndex,
            token[..<colon].allSatisfy(isDigit)
        else { return false }
        let secret = token[token.index(after: colon)...]
        return secret.count == 35 && secret.first == UInt8(ascii: "A")
            && secret.allSatisfy { ASCII.isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    private static func isHex(_ b: UInt8) -> Bool { ASCII.hexValue(b) != nil }
    private static func isLowerHex(_ b: UInt8) -> Bool { isDigit(b) || (b >= 0x61 && b <= 0x66) }
}
