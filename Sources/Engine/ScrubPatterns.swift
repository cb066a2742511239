import Facts

/// What one scrubber pattern found: the whole match, the group the name test reads (if any) and
/// the value group, as byte ranges of the line.
struct ScrubMatch: Equatable, Sendable {
    var range: Range<Int>
    var name: Range<Int>?
    var value: Range<Int>
}

/// The scrubbers' patterns as byte-level matchers. Each did the job of one case-insensitive ICU
/// regex (quoted above its case; `ScrubPatternOracleTests` holds each to it), and finds the
/// same matches: the leftmost match, alternatives in order, greedy runs, resuming after each
/// match. Where a regex could backtrack into a choice that changes the result, the matcher tries
/// the choices in the regex's order; everywhere else the greedy choice is the only one that can
/// match. Compiling the regexes cost a short scan about 10 M instructions of ICU set-up.
enum ScrubPattern: CaseIterable, Sendable {
    /// `://([^/@\s:'"`]*):([^@/\s'"`]+)@`, value 2
    case urlPassword
    /// `://([^/@\s:'"`]+)(?::[^@/\s'"`]*)?@`, value 1
    case urlUser
    /// `[?&;]([A-Za-z0-9_.\-\[\]]+)=([^&#;\s'"`<>)]+)`, name 1, value 2
    case queryValue
    /// `(?:hooks\.slack\.com/services|/api/webhooks|webhook\.office\.com/webhookb2|/hooks/catch|/webhooks?)/([^\s'"`<>?#)]+)`
    case webhookPath
    /// `(?<![A-Za-z0-9_-])(?:HEADERS)["']?\s*(?::|=>|=)\s*(["'`]?)(?:SCHEMES)?([^\s"'`,;)}\]]+)`, name 1, value 2
    case headerValue
    /// `(?<![A-Za-z0-9_-])(?:HEADERS)["']\s*,\s*["'`](?:SCHEMES)?([^\s"'`]+)`, value 1
    case headerSetter
    /// `\b(?:basic|bearer)\s+([A-Za-z0-9+/=._~\-]{8,})`, value 1
    case schemePayload
    /// `([A-Za-z_][A-Za-z0-9_.\-]*)["']?\s*(?::=|=>|==|=|:)\s*(["'`])([^"'`\s][^"'`\r\n]*)\2`, name 1, value 3
    case quotedValue
    /// `(?:^|[\s;{(,])(?:export\s+)?([A-Za-z_][A-Za-z0-9_.\-]*)\s*[=:]\s*([^\s"'`#;,(){}\[\]][^\s"'`#;,(){}\[\]]*)`
    case unquotedValue
    /// `--([A-Za-z][A-Za-z0-9-]*)[= ]+["']?([^\s"'`]+)`, name 1, value 2
    case flagValue
    /// `(?:^|\s)-u\s+["']?[^\s:"']*:([^\s"'`]+)`, value 1
    case userPassword

    /// Every match in `text`, in order.
    func matches(in text: ScrubText) -> [ScrubMatch] {
        var found: [ScrubMatch] = []
        var at = 0
        while at < text.count {
            if let match = match(in: text, at: at) {
                found.append(match)
                at = match.range.upperBound
            } else {
                at = nextStart(in: text, after: at)
            }
        }
        return found
    }

    /// The next position worth trying after a failed one: the next scalar, or for a quoted
    /// value past the name run (every start inside it fails the same way: the name ends there).
    private func nextStart(in text: ScrubText, after at: Int) -> Int {
        if self == .quotedValue, text.member(Self.nameStart, at: at) > 0 { return text.runEnd(Self.nameRest, from: at) }
        return at + text.width(at: at)
    }

    private func match(in text: ScrubText, at p: Int) -> ScrubMatch? {
        switch self {
        case .urlPassword, .urlUser:
            guard text.byte(p) == 0x3A, text.byte(p + 1) == 0x2F, text.byte(p + 2) == 0x2F else { return nil }
            return self == .urlPassword ? urlPassword(text, p) : urlUser(text, p)
        case .queryValue: return queryValue(text, p)
        case .webhookPath: return webhookPath(text, p)
        case .headerValue, .headerSetter: return header(text, p)
        case .schemePayload: return schemePayload(text, p)
        case .quotedValue: return quotedValue(text, p)
        case .unquotedValue: return unquotedValue(text, p)
        case .flagValue: return flagValue(text, p)
        case .userPassword: return userPassword(text, p)
        }
    }

    static let userInfo = ScrubClass.not("/@:'\"`", whitespace: true)
    static let password = ScrubClass.not("@/'\"`", whitespace: true)
    static let queryName = ScrubClass(ScrubClass.letters + ScrubClass.digits + "_.-[]", nonASCII: .letterFolds)
    static let queryText = ScrubClass.not("&#;'\"`<>)", whitespace: true)
    static let webhookText = ScrubClass.not("'\"`<>?#)", whitespace: true)
    static let nameStart = ScrubClass(ScrubClass.letters + "_", nonASCII: .letterFolds)
    static let nameRest = ScrubClass(ScrubClass.letters + ScrubClass.digits + "_.-", nonASCII: .letterFolds)
    static let nameBefore = ScrubClass(ScrubClass.letters + ScrubClass.digits + "_-", nonASCII: .letterFolds)
    static let headerText = ScrubClass.not("\"'`,;)}]", whitespace: true)
    static let word = ScrubClass.not("\"'`", whitespace: true)
    static let payload = ScrubClass(ScrubClass.letters + ScrubClass.digits + "+/=._~-", nonASCII: .letterFolds)
    static let unquotedText = ScrubClass.not("\"'`#;,(){}[]", whitespace: true)
    static let flagStart = ScrubClass(ScrubClass.letters, nonASCII: .letterFolds)
    static let flagRest = ScrubClass(ScrubClass.letters + ScrubClass.digits + "-", nonASCII: .letterFolds)
    static let userName = ScrubClass.not(":\"'", whitespace: true)
    static let lineStart = ScrubClass(ScrubText.asciiWhitespace + ";{(,", nonASCII: .whitespace)

    /// Header names longest first (as the regex's alternation listed them), ASCII lower-case.
    static let headerNames: [[UInt8]] = CredentialNames.headers.sorted { ($0.count, $0) > ($1.count, $1) }
        .map { Array($0.lowercased().utf8) }
    static let schemeWords = ["basic", "bearer", "token", "digest", "apikey", "key", "sso-key", "hmac", "otp"]
        .map { Array($0.utf8) }
    static let webhookPrefixes = [
        "hooks.slack.com/services", "/api/webhooks", "webhook.office.com/webhookb2", "/hooks/catch",
    ]
    .map { Array($0.utf8) }

    private func urlPassword(_ text: ScrubText, _ p: Int) -> ScrubMatch? {
        let userEnd = text.runEnd(Self.userInfo, from: p + 3)
        guard text.byte(userEnd) == 0x3A else { return nil }
        let valueEnd = text.runEnd(Self.password, from: userEnd + 1)
        guard valueEnd > userEnd + 1, text.byte(valueEnd) == 0x40 else { return nil }
        return ScrubMatch(range: p..<valueEnd + 1, value: userEnd + 1..<valueEnd)
    }

    private func urlUser(_ text: ScrubText, _ p: Int) -> ScrubMatch? {
        let userEnd = text.runEnd(Self.userInfo, from: p + 3)
        guard userEnd > p + 3 else { return nil }
        var end = userEnd
        if text.byte(end) == 0x3A { end = text.runEnd(Self.password, from: end + 1) }
        guard text.byte(end) == 0x40 else { return nil }
        return ScrubMatch(range: p..<end + 1, value: p + 3..<userEnd)
    }

    private func queryValue(_ text: ScrubText, _ p: Int) -> ScrubMatch? {
        guard text.isByte(p, oneOf: "?&;") else { return nil }
        let nameEnd = text.runEnd(Self.queryName, from: p + 1)
        guard nameEnd > p + 1, text.byte(nameEnd) == 0x3D else { return nil }
        let valueEnd = text.runEnd(Self.queryText, from: nameEnd + 1)
        guard valueEnd > nameEnd + 1 else { return nil }
        return ScrubMatch(range: p..<valueEnd, name: p + 1..<nameEnd, value: nameEnd + 1..<valueEnd)
    }

    private func webhookPath(_ text: ScrubText, _ p: Int) -> ScrubMatch? {
        func path(after prefixEnd: Int) -> ScrubMatch? {
            guard text.byte(prefixEnd) == 0x2F else { return nil }
            let end = text.runEnd(Self.webhookText, from: prefixEnd + 1)
            return end > prefixEnd + 1 ? ScrubMatch(range: p..<end, value: prefixEnd + 1..<end) : nil
        }
        for prefix in Self.webhookPrefixes {
            if let end = text.foldedMatch(prefix, at: p), let match = path(after: end) { return match }
        }
        // `/webhooks?`: with the `s` first (greedy), then without.
        guard let end = text.foldedMatch(Array("/webhook".utf8), at: p) else { return nil }
        if let (letter, length) = text.simpleFold(at: end), letter == UInt8(ascii: "s"),
            let match = path(after: end + length)
        {
            return match
        }
        return path(after: end)
    }
}
