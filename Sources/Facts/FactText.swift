import Lexing
import Model
import Support

/// Where the text of a fact's name or value is, so facts are built without a String per
/// candidate (most are never read by any rule). Plain data: copying, sorting and storing facts
/// does no reference counting. A String is made only when a rule asks `FileFacts.string(_:)`;
/// the common questions (`equals`, `equalsIgnoringCase`, `isHeaderName`) compare the file's bytes.
public enum FactText: Sendable, Hashable {
    /// A string's or comment's value, else the token's source text (`FileFacts.value(_:)`).
    case value(Int)
    /// A string token's value, empty when it has none (what a quoted binding name reads).
    case content(Int)
    /// The token's source text (`FileFacts.text(_:)`).
    case source(Int)
    /// The identifiers of a dotted path from `first` to `last`, joined by "." (`a?.b.c` reads `a.b.c`).
    case path(first: Int, last: Int)
    /// A String made while finding the fact (part of a token's value), kept by the facts.
    case stored(Int)
}

extension FileFacts {
    /// The text as a String (made now; read it once per use).
    public func string(_ text: FactText) -> String {
        switch text {
        case .value(let index): return value(index)
        case .content(let index): return value(of: tokens[index]) ?? ""
        case .source(let index): return self.text(index)
        case .path(let first, let last):
            var path = self.text(first)
            var part = first
            while part < last, let dot = next(part), let following = next(dot), following <= last {
                path += "." + self.text(following)
                part = following
            }
            return path
        case .stored(let slot): return storedTexts[slot]
        }
    }

    /// Keeps a String made while finding a fact and returns where it is.
    func store(_ string: String) -> FactText {
        storedTexts.append(string)
        return .stored(storedTexts.count - 1)
    }

    /// The file bytes `text` reads verbatim, or nil when it is decoded, joined or stored.
    func fileBytes(_ text: FactText) -> Range<Int>? {
        switch text {
        case .value(let index):
            let token = tokens[index]
            guard token.kind == .string || token.kind == .comment else { return token.start..<token.end }
            switch token.valueSource {
            case .bytes: return token.contentStart..<token.contentEnd
            case .none: return token.start..<token.end
            case .decoded: return nil
            }
        case .content(let index):
            let token = tokens[index]
            switch token.valueSource {
            case .bytes: return token.contentStart..<token.contentEnd
            case .none: return token.start..<token.start
            case .decoded: return nil
            }
        case .source(let index): return tokens[index].start..<tokens[index].end
        case .path(let first, let last): return first == last ? tokens[first].start..<tokens[first].end : nil
        case .stored: return nil
        }
    }

    /// `string(text).isEmpty`.
    public func isEmpty(_ text: FactText) -> Bool {
        if let range = fileBytes(text) { return range.isEmpty }
        return string(text).isEmpty
    }

    /// `string(text) == literal` (`literal` is ASCII). A non-ASCII text takes the String path:
    /// canonical equivalence makes the Kelvin sign equal to `K`.
    public func equals(_ text: FactText, _ literal: StaticString) -> Bool {
        guard let range = fileBytes(text) else { return string(text) == literal.description }
        let bytes = file.bytes
        for k in range where bytes[k] >= 0x80 { return string(text) == literal.description }
        let count = literal.utf8CodeUnitCount
        guard range.count == count else { return false }
        let expected = literal.utf8Start
        for k in 0..<count where bytes[range.lowerBound + k] != expected[k] { return false }
        return true
    }

    /// `string(text) == other`. Bytes decide when both are ASCII; otherwise String equality
    /// (canonical equivalence, repaired UTF-8) does.
    public func equals(_ text: FactText, _ other: String) -> Bool {
        guard let range = fileBytes(text) else { return string(text) == other }
        let utf8 = other.utf8
        let bytes = file.bytes[range]
        guard utf8.allSatisfy({ $0 < 0x80 }), bytes.allSatisfy({ $0 < 0x80 }) else { return string(text) == other }
        return bytes.elementsEqual(utf8)
    }

    /// `string(text).lowercased() == lowercased` (`lowercased` is lower-case ASCII). An ASCII text
    /// is compared byte by byte; any other takes the String path, where lower-casing may change length.
    public func equalsIgnoringCase(_ text: FactText, _ lowercased: StaticString) -> Bool {
        guard let range = fileBytes(text) else { return string(text).lowercased() == lowercased.description }
        let bytes = file.bytes
        let count = lowercased.utf8CodeUnitCount
        let expected = lowercased.utf8Start
        var allASCII = true
        for k in range where bytes[k] >= 0x80 { allASCII = false }
        guard allASCII else { return file.text(range).lowercased() == lowercased.description }
        guard range.count == count else { return false }
        for k in 0..<count where Self.asciiLowercased(bytes[range.lowerBound + k]) != expected[k] { return false }
        return true
    }

    @inline(__always)
    static func asciiLowercased(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    /// `CredentialNames.isHeaderName(string(text))` without a String for an ASCII name in the file.
    public func isHeaderName(_ text: FactText) -> Bool {
        guard let range = fileBytes(text) else { return CredentialNames.isHeaderName(string(text)) }
        return CredentialNames.isHeaderName(file.bytes[range]) ?? CredentialNames.isHeaderName(string(text))
    }

    /// `CredentialNames.mayContainCredentialWord(string(text))`, on the file's bytes when it can.
    public func mayContainCredentialWord(_ text: FactText) -> Bool {
        guard let range = fileBytes(text) else { return CredentialNames.mayContainCredentialWord(string(text)) }
        return file.bytes.withUnsafeBufferPointer { bytes in
            CredentialNames.mayContainCredentialWord(utf8: UnsafeBufferPointer(rebasing: bytes[range]))
        }
    }
}
