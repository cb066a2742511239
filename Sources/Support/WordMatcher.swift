/// Finds a few words in bytes at once, ASCII letters in either case: the byte test rules run
/// before lexing (`wantsFile` gates). Built once per rule; one table load per byte skips every
/// byte that starts no word.
///
/// A word may ask for a boundary before or after it. A boundary is any byte that is not an ASCII
/// letter or digit, or the end of the input: `_` is one (it separates the words of `_auth`), and
/// so is every non-ASCII byte, so a gate never declines a file over what a lexer might make of it.
package struct WordMatcher: Sendable {
    package struct Word: Sendable, Equatable {
        /// Lower-case bytes (ASCII letters fold; every other byte must match exactly).
        package var bytes: [UInt8]
        package var atWordStart: Bool
        package var atWordEnd: Bool

        package init(_ text: String, atWordStart: Bool = false, atWordEnd: Bool = false) {
            bytes = text.utf8.map(ASCII.lowercase)
            self.atWordStart = atWordStart
            self.atWordEnd = atWordEnd
        }
    }

    /// A word found: which one (its index in `words`) and its byte range.
    package struct Match: Sendable, Equatable {
        package var word: Int
        package var start: Int
        package var end: Int
    }

    package let words: [Word]
    /// For each byte (either case), the words it starts, longest first.
    private let wordsByFirstByte: [[Int]]
    /// Whether a byte starts some word: the one load most bytes cost (taking an inner array of
    /// `wordsByFirstByte` per byte retained and released it, half of the matcher's time).
    private let startsWord: [Bool]

    package init(_ words: [Word]) {
        self.words = words
        var table = [[Int]](repeating: [], count: 256)
        for (index, word) in words.enumerated() where !word.bytes.isEmpty {
            let first = Int(word.bytes[0])
            table[first].append(index)
            if (0x61...0x7A).contains(first) { table[first - 0x20].append(index) }
        }
        wordsByFirstByte = table.map { $0.sorted { words[$0].bytes.count > words[$1].bytes.count } }
        startsWord = table.map { !$0.isEmpty }
    }

    /// Words with no boundary asked for.
    package init(_ texts: [String]) { self.init(texts.map { Word($0) }) }

    /// Whether a byte joins the bytes around it into one word (ASCII letters and digits only).
    @inline(__always)
    package static func isWordByte(_ byte: UInt8) -> Bool { ASCII.isAlphanumeric(byte) }

    /// Calls `body` with each match starting in `from..<to`, in order of start (at one start,
    /// longest word first), until it returns true; true if it did. A match may end after `to`
    /// (the words straddling a window's end still count), never after `bytes`.
    package func firstMatch(
        in bytes: UnsafeBufferPointer<UInt8>, from: Int = 0, to: Int? = nil, where accept: (Match) -> Bool
    ) -> Bool {
        let end = min(to ?? bytes.count, bytes.count)
        return startsWord.withUnsafeBufferPointer { starts in
            var i = max(0, from)
            while i < end {
                if starts[Int(bytes[i])] {
                    for index in wordsByFirstByte[Int(bytes[i])] where matches(words[index], in: bytes, at: i) {
                        if accept(Match(word: index, start: i, end: i + words[index].bytes.count)) { return true }
                    }
                }
                i += 1
            }
            return false
        }
    }

    /// Whether any word occurs with a start in `from..<to`.
    package func occurs(in bytes: [UInt8], from: Int = 0, to: Int? = nil) -> Bool {
        bytes.withUnsafeBufferPointer { firstMatch(in: $0, from: from, to: to) { _ in true } }
    }

    /// Every match with a start in `from..<to` (tests; gates stop at the first they accept).
    package func matches(in bytes: [UInt8], from: Int = 0, to: Int? = nil) -> [Match] {
        var found: [Match] = []
        _ = bytes.withUnsafeBufferPointer {
            firstMatch(in: $0, from: from, to: to) { match in
                found.append(match)
                return false
            }
        }
        return found
    }

    @inline(__always)
    private func matches(_ word: Word, in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        let count = word.bytes.count
        guard start + count <= bytes.count else { return false }
        var k = 1
        while k < count && ASCII.lowercase(bytes[start + k]) == word.bytes[k] { k += 1 }
        guard k == count else { return false }
        if word.atWordStart && start > 0 && Self.isWordByte(bytes[start - 1]) { return false }
        if word.atWordEnd && start + count < bytes.count && Self.isWordByte(bytes[start + count]) { return false }
        return true
    }
}
