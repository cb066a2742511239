import Discovery
import Facts
import Lexing
import Model
import Prefilter
import Support
import Suppression

/// The facts half of the redaction invariant: byte ranges of every credential-valued literal the
/// file's facts know (credential-named values, credential header values, Basic/Bearer payloads).
/// Computed once per file, and only for files with a finding (`FindingBuilder` asks lazily).
struct SecretSpans {
    private(set) var ranges: [Range<Int>]

    init(facts: FileFacts, credentialHeaders: [String]) {
        var ranges: [Range<Int>] = []
        let bytes = facts.file.bytes
        for named in facts.namedValues where named.valueKind == .literal || named.valueKind == .number {
            // Only literal tokens: a binding's value range can be an expression (`auth=(id, secret)`).
            let kind = facts.tokens[named.valueToken].kind
            guard kind == .string || kind == .number, !named.valueRange.isEmpty else { continue }
            let name = facts.string(named.nameText)
            let credential =
                named.isHeader
                ? CredentialNames.mechanism(ofHeader: name, extra: credentialHeaders) != nil
                    || Redaction.isCredentialValuedName(name)
                : Redaction.isCredentialValuedName(name)
            let payload = Self.payload(of: named.valueRange, in: bytes)
            if credential && !payload.isEmpty && !Self.isReference(payload, in: facts.file) { ranges.append(payload) }
        }
        for set in facts.headerSets {
            for header in set.headers {
                guard let valueToken = header.valueToken, facts.tokens[valueToken].kind == .string,
                    CredentialNames.mechanism(ofHeader: header.name, extra: credentialHeaders) != nil
                else { continue }
                let range = facts.contentRange(of: valueToken)
                let payload = Self.payload(of: range, in: bytes)
                if !payload.isEmpty && !Self.isReference(payload, in: facts.file) { ranges.append(payload) }
            }
        }
        self.ranges = ranges.sorted { $0.lowerBound < $1.lowerBound }
    }

    init(ranges: [Range<Int>]) { self.ranges = ranges.sorted { $0.lowerBound < $1.lowerBound } }

    /// `{{api_key}}`, `${TOKEN}`, `$KEY`: a template or variable, not a value.
    private static func isReference(_ range: Range<Int>, in file: SourceFile) -> Bool {
        Redaction.isReference(file.text(range.lowerBound..<min(range.upperBound, range.lowerBound + 16)))
    }

    /// `Basic dXNl…` → the part after the scheme word, so the snippet still says which scheme it is.
    private static func payload(of range: Range<Int>, in bytes: [UInt8]) -> Range<Int> {
        var i = range.lowerBound
        while i < range.upperBound
            && ((bytes[i] | 0x20) >= 0x61 && (bytes[i] | 0x20) <= 0x7A || bytes[i] == UInt8(ascii: "-"))
        { i += 1 }
        guard i > range.lowerBound, i - range.lowerBound <= 8, i < range.upperBound, bytes[i] == 0x20 else {
            return range
        }
        let scheme = String(decoding: bytes[range.lowerBound..<i], as: UTF8.self).lowercased()
        guard ["basic", "bearer", "token", "digest", "apikey", "sso-key", "hmac"].contains(scheme) else { return range }
        while i < range.upperBound && bytes[i] == 0x20 { i += 1 }
        return i..<range.upperBound  // empty for `"Basic " + variable`: nothing literal to hide
    }

    /// The spans overlapping `window`, clipped to it and merged, in order.
    func within(_ window: Range<Int>, adding extra: Range<Int>?) -> [Range<Int>] {
        var picked: [Range<Int>] = []
        var all = ranges
        if let extra { all.append(extra) }
        for range in all.sorted(by: { $0.lowerBound < $1.lowerBound }) where range.overlaps(window) {
            let clipped = max(range.lowerBound, window.lowerBound)..<min(range.upperBound, window.upperBound)
            if let last = picked.last, clipped.lowerBound <= last.upperBound {
                picked[picked.count - 1] = last.lowerBound..<max(last.upperBound, clipped.upperBound)
            } else {
                picked.append(clipped)
            }
        }
        return picked
    }
}
