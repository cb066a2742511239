import Model
import Support

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
    private let longest: Int

    public init(keywords: [String]) {
        let lowered = keywords.map { Array($0.lowercased().utf8) }
        self.keywords = keywords
        self.keywordLengths = lowered.map(\.count)
        self.longest = max(1, lowered.map(\.count).max() ?? 1)

        // 1. Trie, in one flat table (state * 256 + byte; -1 = no edge yet). Keywords are
        //    lower-cased, so only lower-case edges exist until step 3.
        var goto: [Int32] = Array(repeating: -1, count: 256)
        var out: [[Int32]] = [[]]
        for (index, word) in lowered.enumerated() where !word.isEmpty {
            var state = 0
            for byte in word {
                if goto[state * 256 + Int(byte)] == -1 {
                    goto[state * 256 + Int(byte)] = Int32(out.count)
                    goto.append(contentsOf: repeatElement(-1, count: 256))
                    out.append([])
                }
                state = Int(goto[state * 256 + Int(byte)])
            }
            out[state].append(Int32(index))
        }
        let stateCount = out.count

        // 2. Failure links by BFS, completing the DFA as we go (a state's failure target is
        //    shallower, so its row is already complete when we copy from it).
        var fail = Array(repeating: 0, count: stateCount)
        var queue: [Int] = []
        queue.reserveCapacity(stateCount)
        goto.withUnsafeMutableBufferPointer { table in
            for byte in 0..<256 {
                let next = table[byte]
                if next == -1 { table[byte] = 0 } else { fail[Int(next)] = 0; queue.append(Int(next)) }
            }
            var head = 0
            while head < queue.count {
                let state = queue[head]; head += 1
                let row = state * 256, failRow = fail[state] * 256
                for byte in 0..<256 {
                    let next = table[row + byte]
                    if next == -1 {
                        table[row + byte] = table[failRow + byte]
                    } else {
                        fail[Int(next)] = Int(table[failRow + byte])
                        queue.append(Int(next))
                    }
                }
            }
        }
        for state in queue { out[state] += out[fail[state]] }

        // 3. Fold upper-case ASCII onto the lower-case transitions, so the scan loop needs no
        //    case conversion.
        goto.withUnsafeMutableBufferPointer { table in
            for state in 0..<stateCount {
                for byte in 0x41...0x5A { table[state * 256 + byte] = table[state * 256 + byte + 0x20] }
            }
        }
        self.transitions = goto
        self.outputs = out
        self.hasOutput = out.map { !$0.isEmpty }
    }

    /// Every keyword occurrence in `bytes`, in order of end offset.
    public func scan(_ bytes: [UInt8]) -> [Hit] {
        // A DFA walk is one dependent load per byte, so it runs at the latency of that load.
        // Two walks over the two halves of a file, interleaved in one loop, overlap their
        // latencies. The first walk runs `longest - 1` bytes past the middle so that it sees
        // every occurrence starting before the middle; it keeps only those, the second walk
        // (starting fresh at the middle) finds the rest.
        let n = bytes.count
        guard n >= 4096 else { return singleWalk(bytes) }
        let middle = n / 2
        var first: [Hit] = [], second: [Hit] = []
        transitions.withUnsafeBufferPointer { table in
            hasOutput.withUnsafeBufferPointer { flags in
                bytes.withUnsafeBufferPointer { input in
                    let firstEnd = min(n, middle + longest - 1)
                    var a = 0, b = 0
                    var i = 0, j = middle
                    while j < n {
                        if i < firstEnd {
                            a = Int(table[a &* 256 &+ Int(input[i])])
                            if flags[a] { collect(state: a, end: i + 1, keepStartsBefore: middle, into: &first) }
                            i += 1
                        }
                        b = Int(table[b &* 256 &+ Int(input[j])])
                        if flags[b] { collect(state: b, end: j + 1, keepStartsBefore: n, into: &second) }
                        j += 1
                    }
                    while i < firstEnd {
                        a = Int(table[a &* 256 &+ Int(input[i])])
                        if flags[a] { collect(state: a, end: i + 1, keepStartsBefore: middle, into: &first) }
                        i += 1
                    }
                }
            }
        }
        // In order of end offset, as one walk would give them.
        var hits: [Hit] = []
        hits.reserveCapacity(first.count + second.count)
        var x = 0, y = 0
        while x < first.count || y < second.count {
            if y == second.count || (x < first.count && first[x].end <= second[y].end) {
                hits.append(first[x]); x += 1
            } else {
                hits.append(second[y]); y += 1
            }
        }
        return hits
    }

    /// The plain one-walk scan (small inputs; the oracle for the two-walk one in tests).
    func singleWalk(_ bytes: [UInt8]) -> [Hit] {
        var hits: [Hit] = []
        transitions.withUnsafeBufferPointer { table in
            hasOutput.withUnsafeBufferPointer { flags in
                bytes.withUnsafeBufferPointer { input in
                    var state = 0
                    for i in 0..<input.count {
                        state = Int(table[state &* 256 &+ Int(input[i])])
                        if flags[state] {
                            collect(state: state, end: i + 1, keepStartsBefore: input.count, into: &hits)
                        }
                    }
                }
            }
        }
        return hits
    }

    @inline(__always)
    private func collect(state: Int, end: Int, keepStartsBefore limit: Int, into hits: inout [Hit]) {
        for k in outputs[state] {
            let keyword = Int(k)
            let start = end - keywordLengths[keyword]
            if start < limit { hits.append(Hit(keyword: keyword, start: start, end: end)) }
        }
    }
}
