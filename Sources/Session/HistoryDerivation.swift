import Engine
import Foundation
import Model

/// The history scan's shortcut for a modified blob (`scan --history`, unless
/// `--history-full-blobs`): when no line the commit added or deleted, nor any line within
/// `contextLines` of one, holds a keyword that makes a rule run on the file (or an inline
/// directive or `__main__`), the blob's findings are its parent's, moved to their new lines,
/// instead of a scan of the whole blob. Fingerprints do not depend on line numbers, so
/// attribution and occurrences come out as a whole scan's would. Anything else is scanned whole:
/// an added file, a merge, a parent not kept here or scanned at another path, a parent with a
/// directive or an issue, a changed first 512 bytes that change language or role, more than
/// `maxEdits` changed lines, a finding whose lines were touched.
///
/// What it cannot see: a finding on unchanged lines whose existence depends on a change farther
/// away that holds no keyword (a flow-based rule, a lexical context such as a comment opened far
/// above). Compared on semgrep-rules' full history: the same findings either way (bench/README).
final class HistoryDerivation: @unchecked Sendable {
    static let contextLines = 3
    static let maxEdits = 400
    /// Bytes of parent content kept: older parents are dropped first (their children then scan whole).
    static let keptBytes = 24 << 20
    static let markers: [[UInt8]] = ["authlint", "__main__"].map { Array($0.utf8) }

    private struct Parent {
        var path: String
        var bytes: [UInt8]
        var result: ScanResult
    }

    private let engine: ScanEngine
    private let condition = NSCondition()
    private var pending = Set<String>()
    private var parents: [String: Parent] = [:]
    private var order: [String] = []
    private var orderHead = 0
    private var bytesKept = 0
    private var derivedCount = 0

    /// How many blobs were derived instead of scanned.
    var derived: Int {
        condition.lock()
        defer { condition.unlock() }
        return derivedCount
    }

    init(engine: ScanEngine) { self.engine = engine }

    /// Called by the producer in queue order, so a blob's parent is pending before the blob is.
    func pushed(_ blob: String) {
        condition.lock()
        pending.insert(blob)
        condition.unlock()
    }

    /// After each blob's result (scanned or derived): kept as a parent if whole and clean.
    func delivered(_ read: HistoryRead, _ result: ScanResult) {
        condition.lock()
        defer {
            pending.remove(read.blob.blob)
            condition.broadcast()
            condition.unlock()
        }
        guard case .success(.bytes(let bytes)) = read.input, result.issues.isEmpty,
            parents[read.blob.blob] == nil
        else { return }
        parents[read.blob.blob] = Parent(path: read.blob.path, bytes: bytes, result: result)
        order.append(read.blob.blob)
        bytesKept += bytes.count
        while bytesKept > Self.keptBytes, orderHead < order.count {
            if let dropped = parents.removeValue(forKey: order[orderHead]) { bytesKept -= dropped.bytes.count }
            orderHead += 1
        }
        if orderHead > 4096 {
            order.removeFirst(orderHead)
            orderHead = 0
        }
    }

    /// The blob's result from its parent's, or nil: scan it whole.
    func derive(_ read: HistoryRead) -> ScanResult? {
        guard let parentID = read.blob.parent, case .success(.bytes(let bytes)) = read.input,
            let parent = waitForParent(parentID), parent.path == read.blob.path
        else { return nil }
        let path = read.blob.path
        let old = HistoryLines(parent.bytes), new = HistoryLines(bytes)
        // Lines only one version has changed whatever the diff: most blobs that must be scanned
        // whole are told by these alone, before the diff (cheapest checks first). A rewrite of
        // more than half the blob is scanned whole without looking for keywords in it.
        let missing = Self.linesMissing(from: old, in: new) + Self.linesMissing(from: new, in: old)
        guard missing.count <= bytes.count / 2, !changesRunRules(missing, path),
            let image = HistoryLineDiff.match(old, new, maxEdits: Self.maxEdits)
        else { return nil }
        var changed: [UInt8] = []
        Self.appendChangedLines(of: old, kept: image.map { $0 != nil }, to: &changed)
        var keptNew = [Bool](repeating: false, count: new.count)
        for line in image.compactMap({ $0 }) { keptNew[line] = true }
        Self.appendChangedLines(of: new, kept: keptNew, to: &changed)
        guard !changesRunRules(changed, path),
            ScanEngine.sameHeadTraits(path: path, parent.bytes[...], bytes[...]),
            !Self.markers.contains(where: { parent.bytes.contains(subsequence: $0) })
        else { return nil }
        return moved(parent.result, image)
    }

    private func changesRunRules(_ text: [UInt8], _ path: String) -> Bool {
        !text.isEmpty
            && (Self.markers.contains(where: { text.contains(subsequence: $0) })
                || engine.wouldRunRules(on: text, path: path))
    }

    /// The lines of `lines` that `other` has nowhere, each followed by a line break.
    private static func linesMissing(from other: HistoryLines, in lines: HistoryLines) -> [UInt8] {
        let present = Set(other.hashes)
        var text: [UInt8] = []
        for index in 0..<lines.count where !present.contains(lines.hashes[index]) {
            text += lines.line(index)
            text.append(UInt8(ascii: "\n"))
        }
        return text
    }

    private func waitForParent(_ blob: String) -> Parent? {
        condition.lock()
        defer { condition.unlock() }
        while pending.contains(blob) && parents[blob] == nil { condition.wait() }
        return parents[blob]
    }

    /// The lines not kept, and those within `contextLines` of one, each followed by a line break.
    private static func appendChangedLines(of lines: HistoryLines, kept: [Bool], to text: inout [UInt8]) {
        var wanted = [Bool](repeating: false, count: lines.count)
        for index in kept.indices where !kept[index] {
            for near in max(0, index - contextLines)...min(lines.count - 1, index + contextLines) {
                wanted[near] = true
            }
        }
        for index in wanted.indices where wanted[index] {
            text += lines.line(index)
            text.append(UInt8(ascii: "\n"))
        }
    }

    /// The parent's result with every finding moved to its lines in the new version; nil when a
    /// finding's lines were changed or split apart.
    private func moved(_ result: ScanResult, _ image: [Int?]) -> ScanResult? {
        func move(_ line: Int, _ endLine: Int) -> (Int, Int)? {
            guard line >= 1, endLine >= line, endLine <= image.count, let start = image[line - 1] else { return nil }
            for offset in 0...(endLine - line) where image[line - 1 + offset] != start + offset { return nil }
            return (start + 1, start + 1 + endLine - line)
        }
        func moveAll(_ findings: [Finding]) -> [Finding]? {
            var moved: [Finding] = []
            for var finding in findings {
                guard let (line, endLine) = move(finding.line, finding.endLine) else { return nil }
                (finding.line, finding.endLine) = (line, endLine)
                for index in finding.related.indices {
                    let related = finding.related[index]
                    guard let (line, endLine) = move(related.line, related.endLine) else { return nil }
                    (finding.related[index].line, finding.related[index].endLine) = (line, endLine)
                }
                moved.append(finding)
            }
            return moved.sorted(by: Finding.reportOrder)
        }
        var carried = result
        guard let findings = moveAll(result.findings), let suppressed = moveAll(result.suppressed),
            let unused = moveAll(result.unusedSuppressions)
        else { return nil }
        carried.findings = findings
        carried.suppressed = suppressed
        carried.unusedSuppressions = unused
        condition.lock()
        derivedCount += 1
        condition.unlock()
        return carried
    }
}

extension Array where Element == UInt8 {
    /// ASCII case-insensitive (`needle` lower-case), as the prefilter matches directives.
    fileprivate func contains(subsequence needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= count else { return needle.isEmpty }
        return withUnsafeBufferPointer { haystack in
            var index = 0
            while index + needle.count <= haystack.count {
                if Self.lower(haystack[index]) == first {
                    var matched = 1
                    while matched < needle.count, Self.lower(haystack[index + matched]) == needle[matched] {
                        matched += 1
                    }
                    if matched == needle.count { return true }
                }
                index += 1
            }
            return false
        }
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
