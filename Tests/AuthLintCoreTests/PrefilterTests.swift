import XCTest

@testable import CLI
@testable import Config
@testable import Discovery
@testable import Engine
@testable import Facts
@testable import LSP
@testable import Lexing
@testable import Model
@testable import Prefilter
@testable import Reporting
@testable import Rules
@testable import Session
@testable import Support
@testable import Suppression

/// The keyword prefilter decides which rules run at all, so a missed hit is a missed finding.
/// Oracle: a naive case-insensitive search for every keyword at every offset.
final class PrefilterTests: XCTestCase {
    struct Occurrence: Hashable { let keyword: Int, start: Int, end: Int }

    static func naive(_ keywords: [String], _ bytes: [UInt8]) -> [Occurrence] {
        func fold(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
        var found: [Occurrence] = []
        for (index, keyword) in keywords.enumerated() {
            let needle = Array(keyword.lowercased().utf8)
            guard !needle.isEmpty, bytes.count >= needle.count else { continue }
            for start in 0...(bytes.count - needle.count)
            where (0..<needle.count).allSatisfy({ fold(bytes[start + $0]) == needle[$0] }) {
                found.append(Occurrence(keyword: index, start: start, end: start + needle.count))
            }
        }
        return found
    }

    func testEveryOccurrenceOnceInEndOrderAcrossTheTwoWalks() {
        // Overlapping keywords over a small alphabet: many hits, suffixes of each other, and
        // hits across the middle of the input where the two interleaved walks meet.
        let keywords = ["key", "apikey", "KEY_", "ke", "secret", "e", "token", "x-api-key", "yk", "kk"]
        let prefilter = KeywordPrefilter(keywords: keywords)
        var generator = SeededGenerator(seed: 0xAC0)
        let alphabet = Array("keyKEYapi_-xsecrtonk ".utf8)
        for size in [0, 1, 5, 100, 4095, 4096, 4097, 10_001, 65_537] {
            for _ in 0..<3 {
                let bytes = (0..<size).map { _ in alphabet.randomElement(using: &generator)! }
                let hits = prefilter.scan(bytes)
                let got = hits.map { Occurrence(keyword: $0.keyword, start: $0.start, end: $0.end) }
                let expected = Self.naive(keywords, bytes)
                XCTAssertEqual(Set(got), Set(expected), "size \(size), seed \(generator.seed)")
                XCTAssertEqual(got.count, expected.count, "no duplicates, size \(size), seed \(generator.seed)")
                XCTAssertEqual(
                    got.map(\.end), got.map(\.end).sorted(),
                    "in order of end offset, size \(size), seed \(generator.seed)")
                XCTAssertEqual(
                    hits, prefilter.singleWalk(bytes), "same as one walk, size \(size), seed \(generator.seed)")
            }
        }
    }

    func testKeywordExactlyAcrossTheMiddle() {
        let prefilter = KeywordPrefilter(keywords: ["authorization"])
        for offset in -13...1 {
            var bytes = [UInt8](repeating: UInt8(ascii: "."), count: 8192)
            let start = 4096 + offset
            bytes.replaceSubrange(start..<(start + 13), with: Array("AuThOrIzAtIoN".utf8))
            XCTAssertEqual(prefilter.scan(bytes).map(\.start), [start], "offset \(offset)")
        }
    }

    func testByteClassesOnTheBuiltinCatalogOverEveryByteValue() throws {
        // Rows are indexed by byte class, not byte: bytes in no keyword share one class, and
        // upper-case letters share their lower-case letter's. Every byte value and the catalog's
        // real keywords, planted in mixed case among random bytes, against the naive search.
        let keywords = Array(Set(try RuleLoader.builtinRules().flatMap(\.keywords))).sorted()
        let prefilter = KeywordPrefilter(keywords: keywords)
        var generator = SeededGenerator(seed: 0xB17E)
        for size in [64, 4500, 9000] {
            var bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
            for _ in 0..<(size / 40) {
                let word = Array(keywords.randomElement(using: &generator)!.utf8).map { byte -> UInt8 in
                    let flip = Bool.random(using: &generator) && (0x61...0x7A).contains(byte)
                    return flip ? byte - 0x20 : byte
                }
                let at = Int.random(in: 0...(size - word.count), using: &generator)
                bytes.replaceSubrange(at..<(at + word.count), with: word)
            }
            let got = prefilter.scan(bytes).map { Occurrence(keyword: $0.keyword, start: $0.start, end: $0.end) }
            let expected = Self.naive(keywords, bytes)
            XCTAssertFalse(expected.isEmpty)
            XCTAssertEqual(Set(got), Set(expected), "size \(size), seed \(generator.seed)")
            XCTAssertEqual(got.count, expected.count, "size \(size)")
        }
    }

    /// A short scan walks the trie, a long one the dense DFA: the same hits in the same order
    /// (by end, longest first, then by index; duplicate keywords in other case both reported).
    func testTrieWalkGivesTheDenseAutomatonsHitsInItsOrder() throws {
        var keywords = Array(Set(try RuleLoader.builtinRules().flatMap(\.keywords))).sorted()
        keywords += ["KEY", "key", "ey", "y", "apikey", "x-api-key", "api"]
        let prefilter = KeywordPrefilter(keywords: keywords)
        var generator = SeededGenerator(seed: 0x7A1E)
        let alphabet = Array("keyKEYapi_-xsecrtonk :=\"'\n".utf8) + [0xC3, 0xA9, 0x00, 0xFF]
        for size in [0, 1, 2, 17, 300, 4095, 4096, 9000] {
            var bytes = (0..<size).map { _ in alphabet.randomElement(using: &generator)! }
            for _ in 0..<(size / 30) {
                let word = Array(keywords.randomElement(using: &generator)!.uppercased().utf8)
                guard word.count <= size else { continue }
                let at = Int.random(in: 0...(size - word.count), using: &generator)
                bytes.replaceSubrange(at..<(at + word.count), with: word)
            }
            let trie = prefilter.trieScan(bytes)
            XCTAssertEqual(trie, prefilter.singleWalk(bytes), "size \(size), seed \(generator.seed)")
            XCTAssertEqual(trie, prefilter.builtDenseAutomaton.scan(bytes), "size \(size), seed \(generator.seed)")
            if size >= 300 { XCTAssertFalse(trie.isEmpty, "size \(size)") }
        }
    }

    /// The dense DFA is built once the scan has read `denseAfterBytes`, not before.
    func testDenseAutomatonBuiltOnlyAfterEnoughBytes() {
        let prefilter = KeywordPrefilter(keywords: ["token", "key"])
        let chunk = Array(String(repeating: "a token, a key; ", count: 4096).utf8)  // 64 KiB
        var scanned = 0
        while scanned + chunk.count < KeywordPrefilter.denseAfterBytes {
            XCTAssertEqual(prefilter.scan(chunk).count, 8192)
            scanned += chunk.count
            XCTAssertFalse(prefilter.isDenseBuilt, "after \(scanned) bytes")
        }
        XCTAssertEqual(prefilter.scan(chunk).count, 8192)
        XCTAssertTrue(prefilter.isDenseBuilt)
        XCTAssertEqual(prefilter.scan(chunk).count, 8192)
        XCTAssertTrue(KeywordPrefilter(keywords: ["key"]).scan([UInt8](repeating: 0x61, count: 1 << 20)).isEmpty)
    }
}
