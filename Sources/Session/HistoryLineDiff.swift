/// A file's lines as a history scan compares two versions of it: where each line starts and a
/// 64-bit hash of its bytes (FNV-1a; equal hashes are confirmed byte for byte before two lines
/// count as the same).
struct HistoryLines {
    let bytes: [UInt8]
    /// Start offset of each line; a line ends before the next start's `\n` (the last at the end).
    let starts: [Int]
    let hashes: [UInt64]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0], hashes: [UInt64] = []
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        bytes.withUnsafeBufferPointer { buffer in
            for index in 0..<buffer.count {
                let byte = buffer[index]
                if byte == UInt8(ascii: "\n") {
                    hashes.append(hash)
                    hash = 0xcbf2_9ce4_8422_2325
                    starts.append(index + 1)
                } else {
                    hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
                }
            }
        }
        hashes.append(hash)
        self.starts = starts
        self.hashes = hashes
    }

    var count: Int { starts.count }

    /// Line `index` (0-based) without its `\n`.
    func line(_ index: Int) -> ArraySlice<UInt8> {
        let end = index + 1 < starts.count ? starts[index + 1] - 1 : bytes.count
        return bytes[starts[index]..<end]
    }

    func same(_ index: Int, as other: HistoryLines, _ otherIndex: Int) -> Bool {
        hashes[index] == other.hashes[otherIndex] && line(index).elementsEqual(other.line(otherIndex))
    }
}

/// Which lines two versions of a file share: Myers' O(ND) shortest edit script, so a line that
/// moves because lines were inserted above it keeps its identity.
enum HistoryLineDiff {
    /// For each line of `old`, its line in `new` (nil: deleted); nil when more than `maxEdits`
    /// lines were inserted or deleted (the blob is scanned whole then).
    static func match(_ old: HistoryLines, _ new: HistoryLines, maxEdits: Int) -> [Int?]? {
        var image = [Int?](repeating: nil, count: old.count)
        var prefix = 0
        while prefix < old.count, prefix < new.count, old.same(prefix, as: new, prefix) {
            image[prefix] = prefix
            prefix += 1
        }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
            old.same(old.count - 1 - suffix, as: new, new.count - 1 - suffix)
        {
            image[old.count - 1 - suffix] = new.count - 1 - suffix
            suffix += 1
        }
        let n = old.count - prefix - suffix, m = new.count - prefix - suffix
        if n == 0 || m == 0 { return n + m <= maxEdits ? image : nil }
        guard let pairs = middleSnakes(old, new, from: prefix, n: n, m: m, maxEdits: maxEdits) else { return nil }
        for (x, y) in pairs { image[prefix + x] = prefix + y }
        return image
    }

    /// The matched pairs (offsets from `from`) of the middle parts, old `n` lines, new `m` lines.
    /// The trace keeps, for each number of edits d, only the 2d + 3 frontier entries it reads.
    private static func middleSnakes(
        _ old: HistoryLines, _ new: HistoryLines, from base: Int, n: Int, m: Int, maxEdits: Int
    ) -> [(Int, Int)]? {
        let limit = min(n + m, maxEdits)
        let offset = limit + 1
        var frontier = [Int](repeating: 0, count: 2 * limit + 3)
        var trace: [Int] = []
        for edits in 0...limit {
            trace += frontier[(offset - edits - 1)...(offset + edits + 1)]
            for diagonal in stride(from: -edits, through: edits, by: 2) {
                var x: Int
                if diagonal == -edits
                    || (diagonal != edits && frontier[offset + diagonal - 1] < frontier[offset + diagonal + 1])
                {
                    x = frontier[offset + diagonal + 1]
                } else {
                    x = frontier[offset + diagonal - 1] + 1
                }
                var y = x - diagonal
                while x < n, y < m, old.same(base + x, as: new, base + y) {
                    x += 1
                    y += 1
                }
                frontier[offset + diagonal] = x
                if x >= n && y >= m { return backtrack(trace, edits: edits, n: n, m: m) }
            }
        }
        return nil
    }

    /// Walks the trace back from the end: each step's snake (matched lines) after its edit.
    /// Step d's frontier starts at d² + 2d in `trace` (steps before it took 2k + 3 each), its
    /// diagonal k at index k + d + 1 within.
    private static func backtrack(_ trace: [Int], edits last: Int, n: Int, m: Int) -> [(Int, Int)] {
        var pairs: [(Int, Int)] = []
        var x = n, y = m
        for edits in stride(from: last, through: 0, by: -1) {
            let start = edits * edits + 2 * edits
            func frontier(_ diagonal: Int) -> Int { trace[start + diagonal + edits + 1] }
            let diagonal = x - y
            let previous =
                diagonal == -edits || (diagonal != edits && frontier(diagonal - 1) < frontier(diagonal + 1))
                ? diagonal + 1 : diagonal - 1
            let previousX = frontier(previous), previousY = previousX - previous
            while x > previousX, y > previousY {
                x -= 1
                y -= 1
                pairs.append((x, y))
            }
            x = previousX
            y = previousY
        }
        return pairs
    }
}
