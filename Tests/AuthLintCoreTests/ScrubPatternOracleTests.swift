import Foundation
import XCTest

@testable import Engine
@testable import Facts
@testable import Support

/// The scrubbers' byte-level patterns against the ICU regexes they replaced (kept here only, as
/// the oracle): the same matches (whole match, name group, value group) for every scrubber, and
/// the same scrubbed text, on every rule example, every line of samples/ and generated lines.
final class ScrubPatternOracleTests: XCTestCase {
    private static let headerNames = CredentialNames.headers.sorted { $0.count > $1.count }
        .map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "|")
    private static let schemeWords = "(?:basic|bearer|token|digest|apikey|key|sso-key|hmac|otp)\\s+"

    /// The regexes of `Redaction` before session 10, in `Redaction.scrubbers`' order, with their
    /// name and value groups.
    private static let oracle: [(regex: NSRegularExpression, name: Int?, value: Int)] = [
        ("://([^/@\\s:'\"`]*):([^@/\\s'\"`]+)@", nil, 2),
        ("://([^/@\\s:'\"`]+)(?::[^@/\\s'\"`]*)?@", nil, 1),
        ("[?&;]([A-Za-z0-9_.\\-\\[\\]]+)=([^&#;\\s'\"`<>)]+)", 1, 2),
        (
            "(?:hooks\\.slack\\.com/services|/api/webhooks|webhook\\.office\\.com/webhookb2|/hooks/catch|/webhooks?)/([^\\s'\"`<>?#)]+)",
            nil, 1
        ),
        (
            "(?<![A-Za-z0-9_-])(?:\(headerNames))[\"']?\\s*(?::|=>|=)\\s*([\"'`]?)(?:\(schemeWords))?([^\\s\"'`,;)}\\]]+)",
            1, 2
        ),
        ("(?<![A-Za-z0-9_-])(?:\(headerNames))[\"']\\s*,\\s*[\"'`](?:\(schemeWords))?([^\\s\"'`]+)", nil, 1),
        ("\\b(?:basic|bearer)\\s+([A-Za-z0-9+/=._~\\-]{8,})", nil, 1),
        ("([A-Za-z_][A-Za-z0-9_.\\-]*)[\"']?\\s*(?::=|=>|==|=|:)\\s*([\"'`])([^\"'`\\s][^\"'`\\r\\n]*)\\2", 1, 3),
        (
            "(?:^|[\\s;{(,])(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.\\-]*)\\s*[=:]\\s*([^\\s\"'`#;,(){}\\[\\]][^\\s\"'`#;,(){}\\[\\]]*)",
            1, 2
        ),
        ("--([A-Za-z][A-Za-z0-9-]*)[= ]+[\"']?([^\\s\"'`]+)", 1, 2),
        ("(?:^|\\s)-u\\s+[\"']?[^\\s:\"']*:([^\\s\"'`]+)", nil, 1),
    ].map { (try! NSRegularExpression(pattern: $0.0, options: [.caseInsensitive]), $0.1, $0.2) }

    func testOneOracleRegexPerScrubber() {
        XCTAssertEqual(Self.oracle.count, Redaction.scrubbers.count)
    }

    func testRuleExamplesMatchAsTheRegexesDid() throws {
        var lines: [String] = []
        for rule in try RuleLoader.builtinRules() {
            for example in rule.fireExamples + rule.passExamples {
                lines.append(example.code)
                lines += example.code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            }
        }
        XCTAssertGreaterThan(lines.count, 4000)
        assertSameAsOracle(lines, "rule examples")
    }

    func testSampleLinesMatchAsTheRegexesDid() throws {
        let root = URL(fileURLWithPath: TestSupport.packageRoot).appendingPathComponent("samples")
        var lines: [String] = []
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = files?.nextObject() as? URL {
            guard let data = try? Data(contentsOf: url), !data.contains(0) else { continue }
            lines += String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        }
        XCTAssertGreaterThan(lines.count, 1000)
        assertSameAsOracle(lines, "samples/")
    }

    /// Random mixes of what the patterns look at: separators, quotes, header and scheme words,
    /// flags, URL parts, spaces of every kind, and the non-ASCII letters that ICU folds onto
    /// ASCII ones (`ſ`, `K`, `ß`, ligatures), combining and format characters around `\b`.
    func testGeneratedLinesMatchAsTheRegexesDid() {
        var random = SeededGenerator(seed: 10)
        let pieces = [
            "=", ":", ":=", "=>", "==", " ", "  ", "\t", "\r", "\n", "\u{0B}", "\u{A0}", "\u{2028}", "\u{3000}",
            "\u{85}", "\u{200B}", "\u{1C}", "\"", "'", "`", ",", ";", "(", ")", "{", "}", "[", "]", "<", ">", "?", "&",
            "#", "/", "@", "-", "--", "-u ", "-U ", "_", ".", "+", "~", "$", "${X}", "{{x}}", "%", "\\(", "\u{1}",
            "Bearer ", "basic ", "BASIC\t", "bearer", "token ", "Digest ", "sso-key ", "ßo-key ", "hmac ", "OTP ",
            "key ", "apikey ", "Authorization", "authorization", "X-API-Key", "x-api-key", "appkey", "APPKEY",
            "api-key", "apiKey", "x-auth-token", "private-token", "Proxy-Authorization", "ocp-apim-subſcription-key",
            "x-goog-api-Key", "password", "PASSWORD", "api_key", "secret", "token", "sig", "pwd", "auth", "creds",
            "export ", "EXPORT  ", "process.env.KEY", "os.environ", "http://", "https://", "://", "user", "admin",
            "hooks.slack.com/services", "hooks.ſlack.com/services", "/api/webhooks", "/api/webhookſ",
            "webhook.office.com/webhookb2", "webhook.oﬃce.com/webhookb2", "webhook.oﬀice.com/webhookb2",
            "/hooks/catch", "/webhook", "/webhooks", "/webhookS", "/webhookſ", "dGhpc2lzYXNlY3JldA==",
            "abcdEFGH1234", "0123456789", "sk_live_abc123", "ghp_1234567890abcdef", "ſ", "K", "ß", "ẞ", "ﬆ", "ﬁ",
            "İ", "é", "e\u{301}", "\u{301}", "\u{200D}", "\u{AD}", "日本", "😀", "ab", "xyz", "Q", "z9", "…[redacted]",
            "…", "[redacted]", "digeﬆ ", "baſic ", "Kex ",
            "…[redacted]\u{301}", "\u{1}\u{301}", "\u{1}secret\u{1}", "=\"", "='", ": '", "token=\"",
        ]
        var lines: [String] = []
        for _ in 0..<6000 {
            let length = 1 + Int(random.next() % 14)
            lines.append((0..<length).map { _ in random.pick(pieces) }.joined())
        }
        assertSameAsOracle(lines, "generated (seed \(random.seed))")
    }

    private func assertSameAsOracle(
        _ lines: [String], _ source: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        var failures: [String] = []
        for text in lines where failures.count < 10 {
            var copy = text
            let found: [[ScrubMatch]] = copy.withUTF8 { bytes in
                Redaction.scrubbers.map { $0.pattern.matches(in: ScrubText(bytes: bytes)) }
            }
            for (index, expected) in Self.oracleMatches(text).enumerated() where found[index] != expected {
                failures.append(
                    "scrubber \(index) \(Redaction.scrubbers[index].pattern) on \(text.debugDescription): \(found[index]) vs regex \(expected)"
                )
            }
            let masks: [(Substring) -> String] = [{ Redaction.redact($0) }, { _ in "<>" }]
            for mask in masks where Redaction.scrub(text, mask: mask) != Self.oracleScrub(text, mask: mask) {
                failures.append(
                    "scrub of \(text.debugDescription): \(Redaction.scrub(text, mask: mask).debugDescription) vs regex \(Self.oracleScrub(text, mask: mask).debugDescription)"
                )
            }
        }
        XCTAssertTrue(
            failures.isEmpty, "\(source): \(lines.count) lines, differences:\n" + failures.joined(separator: "\n"),
            file: file, line: line)
    }

    /// Each regex's matches, as UTF-8 byte ranges.
    private static func oracleMatches(_ text: String) -> [[ScrubMatch]] {
        let utf8Offset = Redaction.utf8Offsets(byUTF16Offset: text)
        func bytes(_ range: NSRange) -> Range<Int> { utf8Offset[range.location]..<utf8Offset[NSMaxRange(range)] }
        let whole = NSRange(location: 0, length: (text as NSString).length)
        return oracle.map { entry in
            entry.regex.matches(in: text, range: whole).map { match in
                ScrubMatch(
                    range: bytes(match.range), name: entry.name.map { bytes(match.range(at: $0)) },
                    value: bytes(match.range(at: entry.value)))
            }
        }
    }

    /// `Redaction.scrub` as it was, on the regexes (the tests of names and values are shared).
    private static func oracleScrub(_ text: String, mask: (Substring) -> String) -> String {
        guard text.count >= 4 else { return text }
        let ns = text as NSString
        let whole = NSRange(location: 0, length: ns.length)
        var markers: [NSRange] = []
        var from = 0
        while from < ns.length {
            let found = ns.range(of: Redaction.marker, range: NSRange(location: from, length: ns.length - from))
            guard found.location != NSNotFound else { break }
            markers.append(found)
            from = NSMaxRange(found)
        }
        var spans: [NSRange] = []
        for (entry, scrubber) in zip(oracle, Redaction.scrubbers) {
            for match in entry.regex.matches(in: text, range: whole) {
                let valueRange = match.range(at: entry.value)
                guard valueRange.location != NSNotFound, valueRange.length > 0 else { continue }
                let value = ns.substring(with: valueRange)
                guard !value.contains("\u{1}"),
                    !markers.contains(where: { NSIntersectionRange($0, valueRange).length > 0 })
                else { continue }
                let name = entry.name.map { ns.substring(with: match.range(at: $0)) } ?? ""
                guard scrubber.accepts(name, value) else { continue }
                spans.append(valueRange)
            }
        }
        guard !spans.isEmpty else { return text }
        var merged: [NSRange] = []
        for span in spans.sorted(by: { $0.location < $1.location }) {
            if let last = merged.last, span.location <= NSMaxRange(last) {
                merged[merged.count - 1] = NSRange(
                    location: last.location, length: max(NSMaxRange(last), NSMaxRange(span)) - last.location)
            } else {
                merged.append(span)
            }
        }
        var out = ""
        var at = 0
        for span in merged {
            out += ns.substring(with: NSRange(location: at, length: span.location - at))
            out += mask(ns.substring(with: span)[...])
            at = NSMaxRange(span)
        }
        return out + ns.substring(from: at)
    }
}
