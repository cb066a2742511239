/// One case-insensitive pass over a file's bytes that finds every rule keyword at once
/// (an Aho–Corasick automaton compiled to a dense DFA). Rules then run only near their hits,
/// so most bytes of a tree are touched exactly once, here.
public final class KeywordPrefilter: Sendable {
    /// A keyword occurrence: which keyword, and the byte range it covers.
    public struct Hit: Sendable, Equatable {
        public var keyword: Int
        public var start: Int
        public var end: Int
    }

    public let keywords: [String]
    /// transitions[state * 256 + byte] -> next state. Bytes are ASCII-lower-cased before lookup
    /// by folding the table itself, so the scan loop has no case conversion.
    private let transitions: [Int32]
    /// For each state, the keywords that end there (own output plus dictionary-suffix outputs).
    private let outputs: [[Int32]]
    private let hasOutput: [Bool]
    private let keywordLengths: [Int]

    public init(keywords: [String]) {
        let lowered = keywords.map { Array($0.lowercased().utf8) }
        self.keywords = keywords
        self.keywordLengths = lowered.map(\.count)

        // 1. Trie.
        var goto: [[Int32]] = [Array(repeating: -1, count: 256)]
        var out: [[Int32]] = [[]]
        for (index, word) in lowered.enumerated() where !word.isEmpty {
            var state = 0
            for byte in word {
                if goto[state][Int(byte)] == -1 {
                    goto.append(Array(repeating: -1, count: 256))
                    out.append([])
                    goto[state][Int(byte)] = Int32(goto.count - 1)
                }
                state = Int(goto[state][Int(byte)])
            }
            out[state].append(Int32(index))
        }

        // 2. Failure links by BFS, completing the DFA as we go.
        var fail = Array(repeating: 0, count: goto.count)
        var queue: [Int] = []
        for byte in 0..<256 {
            let next = goto[0][byte]
            if next == -1 { goto[0][byte] = 0 } else { fail[Int(next)] = 0; queue.append(Int(next)) }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]; head += 1
            out[state] += out[fail[state]]
            for byte in 0..<256 {
                let next = goto[state][byte]
                if next == -1 {
                    goto[state][byte] = goto[fail[state]][byte]
                } else {
                    fail[Int(next)] = Int(goto[fail[state]][byte])
                    queue.append(Int(next))
                }
            }
        }

        // 3. Flatten, folding upper-case ASCII onto lower-case transitions.
        var flat = [Int32](repeating: 0, count: goto.count * 256)
        for state in 0..<goto.count {
            for byte in 0..<256 {
                var b = byte
                if b >= 0x41 && b <= 0x5A { b += 0x20 }
                flat[state * 256 + byte] = goto[state][b]
            }
        }
        self.transitions = flat
        self.outputs = out
        self.hasOutput = out.map { !$0.isEmpty }
    }

    /// Every keyword occurrence in `bytes`, in order of end offset.
    public func scan(_ bytes: [UInt8]) -> [Hit] {
        var hits: [Hit] = []
        transitions.withUnsafeBufferPointer { table in
            hasOutput.withUnsafeBufferPointer { flags in
                bytes.withUnsafeBufferPointer { input in
                    var state = 0
                    for i in 0..<input.count {
                        state = Int(table[state &* 256 &+ Int(input[i])])
                        if flags[state] {
                            for k in outputs[state] {
                                let keyword = Int(k)
                                hits.append(Hit(keyword: keyword, start: i + 1 - keywordLengths[keyword], end: i + 1))
                            }
                        }
                    }
                }
            }
        }
        return hits
    }

    /// True when any keyword occurs (stops at the first hit).
    public func containsAny(_ bytes: ArraySlice<UInt8>) -> Bool {
        var found = false
        transitions.withUnsafeBufferPointer { table in
            hasOutput.withUnsafeBufferPointer { flags in
                var state = 0
                for byte in bytes {
                    state = Int(table[state &* 256 &+ Int(byte)])
                    if flags[state] { found = true; return }
                }
            }
        }
        return found
    }
}
