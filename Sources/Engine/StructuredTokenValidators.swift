import Support

/// Validators for token formats whose body is itself structured data: base64 JSON (1Password,
/// Sentry, Grafana), bech32 with a checksum (age), DER key material written as hex, and PEM
/// blocks wrapped in another layer of base64. Each takes the rule's secret group.
extension SecretValidators {
    package static let structuredTokenValidators: [String: Check] = [
        // `<prefix>_` + base64/base64url of a JSON object, optionally followed by `_<secret>`.
        "base64-json-object": { StructuredTokenChecks.base64JSONText($0) != nil },
        // Grafana API key: base64 of `{"k":…,"n":…,"id":…}`.
        "grafana-api-key": { token in
            guard let json = StructuredTokenChecks.base64JSONText(token) else { return false }
            return ["\"k\":", "\"n\":", "\"id\":"].allSatisfy { json.contains($0) }
        },
        // Sentry organization token: base64 of `{"iat": <time>, "url": "https://…", "region_url": …, "org": "<slug>"}`.
        "sentry-org-token": { StructuredTokenChecks.isSentryOrgPayload($0) },
        // Base64 of a PKCS#12 (.p12/.pfx) store that holds a private key, not only certificates.
        "pkcs12-private-key": { StructuredTokenChecks.isBase64PKCS12WithKey($0) },
        // `<hrp>1<data><6-character checksum>` (bech32 or bech32m), as age secret keys are written.
        "bech32-checksum": { StructuredTokenChecks.hasBech32Checksum($0) },
        // Hex of a whole DER private key: SEQUENCE { INTEGER 0|1, INTEGER|SEQUENCE|OCTET STRING, … }.
        "der-private-key-hex": { StructuredTokenChecks.isHexDERPrivateKey($0) },
        // Base64 whose text is a `-----BEGIN … PRIVATE KEY-----` block with real key material.
        "base64-pem-private-key": { StructuredTokenChecks.isBase64PEMPrivateKey($0) },
    ]
}

enum StructuredTokenChecks {
    /// The JSON object text a token carries: the part after the first `_` (unless the token
    /// itself starts like base64 JSON, `ey…`), tried whole and without a trailing `_<secret>`
    /// segment, as standard base64 and as base64url. The text must read as an object (`{"key":`,
    /// no control characters, closed by `}`); values are not parsed and a stray non-UTF-8 byte is
    /// tolerated, since tokens copied through other tools (and test fixtures) are not always
    /// strict JSON; random base64 still fails the object shape.
    static func base64JSONText(_ token: Substring) -> String? {
        var body = token
        if !token.hasPrefix("ey"), let underscore = token.firstIndex(of: "_") {
            body = token[token.index(after: underscore)...]
        }
        var candidates = [body]
        if let last = body.lastIndex(of: "_"), last != body.startIndex { candidates.append(body[..<last]) }
        for candidate in candidates {
            for urlSafe in [false, true] {
                guard let bytes = Base64.decode(String(candidate), urlSafe: urlSafe),
                    case let text = String(decoding: bytes, as: UTF8.self), isJSONObjectText(text)
                else { continue }
                return text
            }
        }
        return nil
    }

    /// The payload Sentry writes into an organization token (`generate_token` in Sentry's
    /// `orgauthtoken_token.py` always writes all four fields): an `iat` time, a `url` (null on a
    /// self-hosted server), a `region_url` and a non-empty `org` slug. Read as text, not parsed:
    /// Sentry's own test tokens write `"iat":045847`, which strict JSON refuses.
    static func isSentryOrgPayload(_ token: Substring) -> Bool {
        guard let text = base64JSONText(token), let iat = text.firstRange(of: "\"iat\":"),
            text[iat.upperBound...].first?.isNumber == true, text.contains("\"url\":"),
            text.contains("\"region_url\":"),
            let org = text.firstRange(of: "\"org\":\""), text[org.upperBound...].first.map({ $0 != "\"" }) == true
        else { return false }
        return true
    }

    private static func isJSONObjectText(_ text: String) -> Bool {
        let trimmed = text.drop(while: \.isWhitespace)
        guard trimmed.hasPrefix("{"), text.last(where: { !$0.isWhitespace }) == "}",
            !text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t" })
        else { return false }
        let afterBrace = trimmed.dropFirst().drop(while: \.isWhitespace)
        guard afterBrace.hasPrefix("\""), let close = afterBrace.dropFirst().firstIndex(of: "\"") else { return false }
        return afterBrace[afterBrace.index(after: close)...].drop(while: \.isWhitespace).hasPrefix(":")
    }

    private static let bech32Alphabet = Array("qpzry9x8gf2tvdw0s3jn54khce6mua7l".utf8)

    /// BIP-173 checksum over the human-readable part and the data (case-insensitive, not mixed).
    static func hasBech32Checksum(_ text: Substring) -> Bool {
        let lower = Array(text.lowercased().utf8)
        guard text.uppercased() == String(text) || text.lowercased() == String(text),
            let separator = lower.lastIndex(of: UInt8(ascii: "1")), separator > 0,
            lower.count - separator - 1 >= 6
        else { return false }
        var values: [UInt32] = lower[..<separator].map { UInt32($0 >> 5) } + [0]
        values += lower[..<separator].map { UInt32($0 & 31) }
        for c in lower[(separator + 1)...] {
            guard let digit = bech32Alphabet.firstIndex(of: c) else { return false }
            values.append(UInt32(digit))
        }
        let check = bech32Polymod(values)
        return check == 1 || check == 0x2bc8_30a3
    }

    private static func bech32Polymod(_ values: [UInt32]) -> UInt32 {
        let generator: [UInt32] = [0x3b6a_57b2, 0x2650_8e6d, 0x1ea1_19fa, 0x3d42_33dd, 0x2a14_62b3]
        var chk: UInt32 = 1
        for value in values {
            let top = chk >> 25
            chk = (chk & 0x1ff_ffff) << 5 ^ value
            for i in 0..<5 where (top >> i) & 1 == 1 { chk ^= generator[i] }
        }
        return chk
    }

    /// One DER element at `offset`: its tag and the range of its content, nil if it overruns.
    static func derElement(_ der: [UInt8], at offset: Int) -> (tag: UInt8, content: Range<Int>)? {
        guard offset + 2 <= der.count else { return nil }
        let first = der[offset + 1]
        var start = offset + 2
        var length = Int(first)
        if first & 0x80 != 0 {
            let count = Int(first & 0x7f)
            guard (1...3).contains(count), start + count <= der.count else { return nil }
            length = der[start..<(start + count)].reduce(0) { $0 << 8 | Int($1) }
            start += count
        }
        guard start + length <= der.count else { return nil }
        return (der[offset], start..<(start + length))
    }

    /// A complete DER private key: the outer SEQUENCE spans every byte, its first element is a
    /// version INTEGER 0 or 1, and the next is an INTEGER (PKCS#1, DSA), a SEQUENCE (PKCS#8's
    /// algorithm) or an OCTET STRING (SEC1). Certificates and public keys start with a SEQUENCE.
    static func isHexDERPrivateKey(_ hex: Substring) -> Bool {
        guard let der = ASCII.bytes(hex: hex), let outer = derElement(der, at: 0), outer.tag == 0x30,
            outer.content.upperBound == der.count,
            let version = derElement(der, at: outer.content.lowerBound), version.tag == 0x02,
            version.content.count == 1, der[version.content.lowerBound] <= 1,
            let second = derElement(der, at: version.content.upperBound),
            second.content.upperBound <= outer.content.upperBound, second.content.count >= 4
        else { return false }
        return [0x02, 0x30, 0x04].contains(second.tag)
    }

    /// Base64 (one run, or lines joined by the regex) of a PEM private-key block whose own body
    /// is key material. Only whole 4-character groups are decoded, so a cut-off run still counts.
    /// The DER of the PKCS#12 key bags: keyBag and pkcs8ShroudedKeyBag (1.2.840.113549.1.12.10.1.1/2).
    private static let pkcs12KeyBagOIDs: [[UInt8]] = [
        [0x06, 0x0B, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x0C, 0x0A, 0x01, 0x01],
        [0x06, 0x0B, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x0C, 0x0A, 0x01, 0x02],
    ]

    /// Base64 (lines allowed) of a PKCS#12 store whose unencrypted safe contents name a key bag.
    /// A truststore (certificates only) has none; a key bag inside an encrypted safe is not seen.
    static func isBase64PKCS12WithKey(_ text: Substring) -> Bool {
        var chars = Array(text.utf8).filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        if !chars.contains(UInt8(ascii: "=")) { chars.removeLast(chars.count % 4) }
        guard let der = Base64.decode(String(decoding: chars, as: UTF8.self)), der.count > 64,
            der[0] == 0x30, der[1] & 0x80 != 0
        else { return false }
        return pkcs12KeyBagOIDs.contains { ASCII.find($0, in: der, from: 0) != nil }
    }

    static func isBase64PEMPrivateKey(_ text: Substring) -> Bool {
        var chars = Array(text.utf8).filter { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
        if !chars.contains(UInt8(ascii: "=")) { chars.removeLast(chars.count % 4) }
        guard let decoded = Base64.decode(String(decoding: chars, as: UTF8.self)) else { return false }
        let pem = String(decoding: decoded, as: UTF8.self)
        guard pem.hasPrefix("-----BEGIN "), let headerEnd = pem.firstIndex(of: "\n"),
            pem[..<headerEnd].contains("PRIVATE KEY")
        else { return false }
        // Key lines up to `-----END`, without `Proc-Type:`/`DEK-Info:` style headers.
        let lines = pem[pem.index(after: headerEnd)...].split(whereSeparator: \.isNewline)
            .prefix { !$0.hasPrefix("-----END") }.filter { !$0.contains(":") }
        return ProviderTokenChecks.privateKeyBody(Substring(lines.joined(separator: "\n"))) != .notAKey
    }
}
