/// The keyword automaton compiled to a dense DFA over byte classes: one table load per byte,
/// for the bulk of a scan. Building it costs about 12 M instructions for the built-in catalog
/// (4,400 states, 235 k entries), so `KeywordPrefilter` builds it only once a scan has read
/// enough bytes to pay for it.
final class DenseAutomaton: Sendable {
    typealias Hit = KeywordPrefilter.Hit
    /// Byte → class (see `KeywordPrefilter.byteClasses`).
    private let byteClass: [UInt8]
    private let classCount: Int
    /// transitions[row + class] -> the next state's row (state * classCount), negated when
    /// that state ends a keyword: the scan loop tests the sign instead of loading a flag.
    private let transitions: [Int32]
    /// For each state, the keywords that end there (own output plus dictionary-suffix outputs).
    private let outputs: [[Int32]]
    private let keywordLengths: [Int]
    private let longest: Int

    init(lowered: [[UInt8]], classes: [UInt8], classCount: Int) {
        let lengths = lowered.map { $0.count }
        self.keywordLengths = lengths
        self.longest = max(1, lengths.max() ?? 1)
        self.byteClass = classes
        self.classCount = classCount
        let width = classCount

        // 1. Trie, in one flat table (state * width + class; -1 = no edge yet). There is at most
        //    one state per keyword byte, plus the root, so the table is allocated once.
        let stateBound = 1 + lowered.reduce(0) { $0 + $1.count }
        var table = [Int32](repeating: -1, count: stateBound * width)
        var out: [[Int32]] = [[]]
        out.reserveCapacity(stateBound)
        table.withUnsafeMutableBufferPointer { table in
            for (index, word) in lowered.enumerated() where !word.isEmpty {
                var state = 0
                for byte in word {
                    let slot = state * width + Int(classes[Int(byte)])
                    if table[slot] == -1 {
                        table[slot] = Int32(out.count)
                        out.append([])
                    }
                    state = Int(table[slot])
                }
                out[state].append(Int32(index))
            }
        }
        let stateCount = out.count
        table.removeLast((stateBound - stateCount) * width)

        // 2. Failure links by BFS, completing the DFA as we go: a state's failure target is
        //    shallower, so its row is already complete when we copy from it. Each entry becomes
        //    the next state's row offset, negative when that state ends a keyword (the scan loop
        //    tests the sign instead of loading a flag); a state's outputs are complete when it is
        //    found (its own plus its failure target's), so its entries are written once.
        var fail = [Int](repeating: 0, count: stateCount)
        var queue: [Int] = []
        queue.reserveCapacity(stateCount)
        func entry(_ state: Int) -> Int32 { Int32(out[state].isEmpty ? state * width : -(state * width)) }
        table.withUnsafeMutableBufferPointer { table in
            // The root's missing edges lead back to it (the root never ends a keyword: none is empty).
            for cls in 0..<width {
                let child = Int(table[cls])
                if child == -1 {
                    table[cls] = 0
                } else {
                    table[cls] = entry(child)
                    queue.append(child)
                }
            }
            var head = 0
            while head < queue.count {
                let state = queue[head]
                head += 1
                let row = state * width, failRow = fail[state] * width
                for cls in 0..<width {
                    let child = Int(table[row + cls])
                    if child == -1 {
                        table[row + cls] = table[failRow + cls]
                    } else {
                        let target = Int(table[failRow + cls].magnitude) / width
                        fail[child] = target
                        if !out[target].isEmpty { out[child] += out[target] }
                        table[row + cls] = entry(child)
                        queue.append(child)
                    }
                }
            }
        }
        self.transitions = table
        self.outputs = out
    }

    /// Every keyword occurrence in `bytes`, in order of end offset.
    func scan(_ bytes: [UInt8]) -> [Hit] {
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
            byteClass.withUnsafeBufferPointer { classes in
                bytes.withUnsafeBufferPointer { input in
                    let firstEnd = min(n, middle + longest - 1)
                    var a = 0, b = 0
                    var i = 0, j = middle
                    while j < n {
                        if i < firstEnd {
                            a = Int(table[a &+ Int(classes[Int(input[i])])])
                            if a < 0 { a = -a; collect(row: a, end: i + 1, keepStartsBefore: middle, into: &first) }
                            i += 1
                        }
                        b = Int(table[b &+ Int(classes[Int(input[j])])])
                        if b < 0 { b = -b; collect(row: b, end: j + 1, keepStartsBefore: n, into: &second) }
                        j += 1
                    }
                    while i < firstEnd {
                        a = Int(table[a &+ Int(classes[Int(input[i])])])
                        if a < 0 { a = -a; collect(row: a, end: i + 1, keepStartsBefore: middle, into: &first) }
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
            byteClass.withUnsafeBufferPointer { classes in
                bytes.withUnsafeBufferPointer { input in
                    var row = 0
                    for i in 0..<input.count {
                        row = Int(table[row &+ Int(classes[Int(input[i])])])
                        if row < 0 {
                            row = -row
                            collect(row: row, end: i + 1, keepStartsBefore: input.count, into: &hits)
                        }
                    }
                }
            }
        }
        return hits
    }

    @inline(__always)
    private func collect(row: Int, end: Int, keepStartsBefore limit: Int, into hits: inout [Hit]) {
        for k in outputs[row / classCount] {
            let keyword = Int(k)
            let start = end - keywordLengths[keyword]
            if start < limit { hits.append(Hit(keyword: keyword, start: start, end: end)) }
        }
    }
}
