import Discovery
import Dispatch
import Foundation
import Model
import Support

/// What a history scan keeps while the log streams and the workers scan: the commits met (for
/// attribution), blobs seen again at a later commit, and the results of blobs with something to
/// report (most have none, so memory follows the findings, not the history).
final class HistoryState: @unchecked Sendable {
    private let lock = NSLock()
    private var commits: [GitHistory.Commit] = []
    private var summary = HistorySummary()
    /// Later appearances of blobs already queued, by blob id.
    private var appearances: [String: [HistoryBlob]] = [:]
    private var renamedAppearances: [HistoryBlob] = []
    /// Results with findings, suppressed findings or issues, by blob id and path, with the
    /// commit the blob was scanned for there.
    private var results: [String: [String: (commit: Int, result: ScanResult)]] = [:]
    private(set) var failure: String?
    private var delivered = 0
    private var lastProgress = DispatchTime.now()

    func add(_ commit: GitHistory.Commit) {
        lock.lock(); defer { lock.unlock() }
        commits.append(commit)
    }

    /// The current commit's index for a blob worth scanning; nil (and counted) for a submodule,
    /// a symbolic link, or a path the config excludes.
    func classify(_ mode: String, excluded: Bool) -> Int? {
        lock.lock(); defer { lock.unlock() }
        switch mode {
        case "160000": summary.submodules += 1; return nil
        case "120000": summary.symlinks += 1; return nil
        default:
            if excluded { summary.excluded += 1; return nil }
            return commits.count - 1
        }
    }

    /// A blob met for the first time, queued for scanning.
    func queued() {
        lock.lock(); defer { lock.unlock() }
        summary.blobs += 1
    }

    /// `renamed`: under another file name than where it was first met (scanned again there).
    func reappear(_ blob: HistoryBlob, renamed: Bool) {
        lock.lock(); defer { lock.unlock() }
        appearances[blob.blob, default: []].append(blob)
        if renamed { renamedAppearances.append(blob) }
    }

    /// What has been read and scanned so far, at most four times a second (nil in between).
    func progressLine() -> String? {
        lock.lock(); defer { lock.unlock() }
        let now = DispatchTime.now()
        guard now.uptimeNanoseconds - lastProgress.uptimeNanoseconds >= 250_000_000 else { return nil }
        lastProgress = now
        return "authlint: history: \(commits.count) commits read, \(delivered) of \(summary.blobs) blobs scanned"
    }

    func keep(_ blob: HistoryBlob, _ result: ScanResult) {
        lock.lock(); defer { lock.unlock() }
        delivered += 1
        if result.issues.contains(where: { $0.kind == .binary }) {
            if result.issues.contains(where: { $0.message.contains("LFS") }) {
                summary.lfsPointers += 1
            } else {
                summary.binaryBlobs += 1
            }
            return
        }
        if result.findings.isEmpty && result.suppressed.isEmpty && result.issues.isEmpty
            && result.unusedSuppressions.isEmpty
        {
            return
        }
        results[blob.blob, default: [:]][blob.path] = (blob.commit, result)
    }

    func fail(_ message: String) {
        lock.lock(); defer { lock.unlock() }
        failure = failure ?? message
    }

    /// Later appearances, at a path of their own, of blobs that had something to report, and
    /// of any blob under a new file name.
    func unscannedAppearances() -> [HistoryBlob] {
        lock.lock(); defer { lock.unlock() }
        var wanted: [HistoryBlob] = []
        var queued = Set<String>()
        for (blob, scanned) in results {
            for appearance in appearances[blob] ?? [] where scanned[appearance.path] == nil {
                if queued.insert(blob + "\u{0}" + appearance.path).inserted { wanted.append(appearance) }
            }
        }
        for appearance in renamedAppearances where results[appearance.blob]?[appearance.path] == nil {
            if queued.insert(appearance.blob + "\u{0}" + appearance.path).inserted { wanted.append(appearance) }
        }
        return wanted
    }

    /// The scan's result: each finding once, at the first commit whose content held it (by
    /// fingerprint, which names the rule, the path and the match but no commit), with the later
    /// commits holding it as occurrences.
    func attributed(counts: ScanResult) -> ScanResult {
        lock.lock(); defer { lock.unlock() }
        var result = counts
        var findings = FirstCommit(), suppressed = FirstCommit(), unused = FirstCommit()
        for (blob, byPath) in results {
            // The commits holding this content at each path: where it was first met, then later.
            var metAt: [String: [Int]] = [:]
            for appearance in appearances[blob] ?? [] { metAt[appearance.path, default: []].append(appearance.commit) }
            for (path, (scannedAt, scanned)) in byPath {
                let commitsHere = [scannedAt] + (metAt[path] ?? [])
                for commit in commitsHere {
                    findings.add(scanned.findings, commit: commit)
                    suppressed.add(scanned.suppressed, commit: commit)
                    unused.add(scanned.unusedSuppressions, commit: commit)
                }
                for issue in scanned.issues {
                    var issue = issue
                    let at = commitsHere.first.map { commits[$0].id.prefix(12) } ?? ""
                    issue.message += " (blob \(blob.prefix(12)) at commit \(at))"
                    result.issues.append(issue)
                }
            }
        }
        result.findings = findings.findings(commits).sorted(by: Self.reportOrder)
        result.suppressed = suppressed.findings(commits).sorted(by: Self.reportOrder)
        result.unusedSuppressions = unused.findings(commits).sorted(by: Self.reportOrder)
        result.issues.sort { $0.file < $1.file }
        summary.commits = commits.count
        result.history = summary
        return result
    }

    /// Report order, then fingerprint: two secrets met at the same place in different commits
    /// (a value replaced on its line) come out in the same order in every run (the groups are
    /// a dictionary, whose order changes from run to run).
    static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if Finding.reportOrder(a, b) { return true }
        if Finding.reportOrder(b, a) { return false }
        return a.fingerprint < b.fingerprint
    }
}

/// Findings grouped by fingerprint, the earliest commit speaking for each.
private struct FirstCommit {
    private var groups: [String: [(commit: Int, finding: Finding)]] = [:]

    mutating func add(_ findings: [Finding], commit: Int) {
        for finding in findings {
            groups[finding.fingerprint + "\u{0}" + finding.rule, default: []].append((commit, finding))
        }
    }

    func findings(_ commits: [GitHistory.Commit]) -> [Finding] {
        groups.values.map { group in
            let ordered = group.sorted { $0.commit < $1.commit }
            var finding = ordered[0].finding
            let first = commits[ordered[0].commit]
            var seen: Set<Int> = [ordered[0].commit]
            let later = ordered.dropFirst().filter { seen.insert($0.commit).inserted }
            finding.provenance = CommitProvenance(
                commit: first.id, author: first.author, date: first.date,
                occurrences: later.map {
                    CommitOccurrence(commit: commits[$0.commit].id, file: $0.finding.file, line: $0.finding.line)
                })
            return finding
        }
    }
}
