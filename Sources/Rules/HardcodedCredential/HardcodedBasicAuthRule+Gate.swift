import Engine
import Model
import Support

/// Before lexing: each of `find`'s four sources of a finding leaves its own words in the bytes.
extension HardcodedBasicAuthRule {
    /// Which source of a finding a gate word stands for.
    enum GateSource { case basicPayload, escapedBasic, encoder, buffer, base64, authName, curl, userFlag }

    /// The gate's words and what each shows. `find` reads decoded string values, so a `Basic `
    /// written with an escape (`Basic\u0020…`, `Basic&#32;…`) counts too.
    static let gateWords: [(WordMatcher.Word, GateSource)] =
        [
            (WordMatcher.Word("basic "), .basicPayload), (WordMatcher.Word("basic\\"), .escapedBasic),
            (WordMatcher.Word("basic&"), .escapedBasic), (WordMatcher.Word("buffer"), .buffer),
            (WordMatcher.Word("base64"), .base64),
            (WordMatcher.Word("auth", atWordEnd: true), .authName),
            (WordMatcher.Word("curl"), .curl), (WordMatcher.Word("-u"), .userFlag),
        ] + encoders.sorted().map { (WordMatcher.Word($0), .encoder) }
    private static let gate = WordMatcher(gateWords.map(\.0))

    /// 1. a `Basic ` payload that decodes to `id:secret`; 2. an encoder's name, or `Buffer` and
    /// `base64`; 3. a name whose last word is `auth`; 4. `curl` and its `-u` / `--user`.
    func wantsFile(_ context: FileContext, _ rule: RuleDefinition) -> Bool {
        var seen = Set<GateSource>()
        return context.file.bytes.withUnsafeBufferPointer { bytes in
            Self.gate.firstMatch(in: bytes) { match in
                let source = Self.gateWords[match.word].1
                seen.insert(source)
                switch source {
                case .basicPayload: return Self.decodablePayload(after: match.end, in: bytes)
                case .escapedBasic, .encoder: return true
                case .authName: return Self.startsLastWord(match.start, in: bytes)
                case .buffer, .base64: return seen.contains(.buffer) && seen.contains(.base64)
                case .curl, .userFlag: return seen.contains(.curl) && seen.contains(.userFlag)
                }
            }
        }
    }

    /// The bytes after `Basic ` are `basicPayloads`' run (ASCII letters, digits, `+/=`) and
    /// `decodedPair` takes it; a non-ASCII byte after the run ends the payload or fails the
    /// decoding, so only an escape (`\`, `&`) the string's value may decode into more counts.
    static func decodablePayload(after start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = start
        while end < bytes.count, isPayloadByte(bytes[end]) { end += 1 }
        if end < bytes.count && (bytes[end] == UInt8(ascii: "\\") || bytes[end] == UInt8(ascii: "&")) { return true }
        guard end - start >= 8 else { return false }
        return decodedPair(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)) != nil
    }

    private static func isPayloadByte(_ b: UInt8) -> Bool {
        ASCII.isAlphanumeric(b) || b == UInt8(ascii: "+") || b == UInt8(ascii: "/") || b == UInt8(ascii: "=")
    }

    /// Whether the `auth` at `start` can begin the last word `CredentialNames.words` makes of a
    /// name: after a non-letter, or a capital `A` after a lower-case letter or digit (`basicAuth`).
    static func startsLastWord(_ start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard start > 0, WordMatcher.isWordByte(bytes[start - 1]) else { return true }
        let before = bytes[start - 1]
        return bytes[start] == UInt8(ascii: "A") && !(0x41...0x5A).contains(before)
    }
}
