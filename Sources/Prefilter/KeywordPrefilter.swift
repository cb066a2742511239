import Foundation
import Model
import Support

/// One case-insensitive pass over a file's bytes that finds every rule keyword at once. Rules
/// then run only near their hits, so most bytes of a tree are touched exactly once, here.
///
/// Two automata give the same hits in the same order. A short scan (an editor's buffer on
/// standard input, a pre-commit hook's few files) walks the keyword trie from each byte: the
/// trie costs well under a million instructions to build. Once a scan has read `denseAfterBytes`
/// (or one input is that large), the dense DFA (`DenseAutomaton`, one table load per byte, about
/// 12 M instructions to build) is built once, under a lock, and serves every later call.
public final class KeywordPrefilter: @unchecked Sendable {
    /// A keyword occurrence: which keyword, and the byte range it covers.
    public struct Hit: Sendable, Equatable {
        public var keyword: Int
        public var start: Int
        public var end: Int
    }

    public let keywords: [String]
    /// Bytes scanned (all calls) after which the dense DFA pays for its construction: the trie
    /// walk costs a few instructions per byte more.
    static let denseAfterBytes = 1 << 20
    private let lowered: [[UInt8]]
    private let byteClass: [UInt8]
    private let classCount: Int
    private let trie: KeywordTrie
    /// Guards `scanned` and `dense` (built once, immutable after).
    private let lock = NSLock()
    private var scanned = 0
    private var dense: DenseAutomaton?

    public init(keywords: [String]) {
        self.keywords = keywords
        lowered = keywords.map { Array($0.lowercased().utf8) }
        // Byte → class: each byte that occurs in a keyword (upper-case ASCII folded onto
        // lower-case) has its own class, every other byte shares class 0. Rows of the DFA are
        // `classCount` wide instead of 256: with 250+ rules a 256-wide table was megabytes.
        var classes = [UInt8](repeating: 0, count: 256)
        var classCount = 1
        for word in lowered {
            for byte in word where classes[Int(byte)] == 0 && classCount < 256 {
                classes[Int(byte)] = UInt8(classCount)
                classCount += 1
            }
        }
        for upper in 0x41...0x5A { classes[upper] = classes[upper + 0x20] }
        byteClass = classes
        self.classCount = classCount
        trie = KeywordTrie(lowered: lowered, classes: classes, classCount: classCount)
    }

    /// Every keyword occurrence in `bytes`, in order of end offset (at one end, longest first).
    public func scan(_ bytes: [UInt8]) -> [Hit] {
        if let dense = denseAutomaton(after: bytes.count) { return dense.scan(bytes) }
        return trie.scan(bytes)
    }

    /// The dense DFA if it is built, or worth building now that `count` more bytes are scanned.
    private func denseAutomaton(after count: Int) -> DenseAutomaton? {
        lock.lock()
        defer { lock.unlock() }
        scanned += count
        return scanned >= Self.denseAfterBytes ? denseAutomatonLocked() : dense
    }

    /// The dense DFA, built now if it is not yet (tests; the oracle for the trie walk).
    var builtDenseAutomaton: DenseAutomaton {
        lock.lock()
        defer { lock.unlock() }
        return denseAutomatonLocked()
    }

    /// The one place the dense DFA is built; the caller holds `lock`.
    private func denseAutomatonLocked() -> DenseAutomaton {
        if let dense { return dense }
        let built = DenseAutomaton(lowered: lowered, classes: byteClass, classCount: classCount)
        dense = built
        return built
    }

    /// Whether the dense DFA is built (tests).
    var isDenseBuilt: Bool {
        lock.lock()
        defer { lock.unlock() }
        return dense != nil
    }

    /// The dense DFA's plain one-walk scan (the oracle for its two-walk scan in tests).
    func singleWalk(_ bytes: [UInt8]) -> [Hit] { builtDenseAutomaton.singleWalk(bytes) }

    /// The trie walk, whatever has been scanned (tests).
    func trieScan(_ bytes: [UInt8]) -> [Hit] { trie.scan(bytes) }
}
