import Discovery
import Dispatch
import Facts
import Foundation
import Lexing
import Model
import Prefilter
import Support
import Suppression

/// What the workers hand back: counts for every file, and only what a report prints. Outcomes
/// are kept when they hold findings, suppressions, errors or project observations (a few
/// hundred files in 50,000); a file skipped by policy (binary, too large) keeps only its issue,
/// and only when the report lists skipped files (`ScanSettings.listSkippedFiles`), else it is
/// counted. Holding every skipped file's outcome and path grew a 4x corpus scan by 50 MB.
final class OutcomeCollector: @unchecked Sendable {
    private(set) var counts = ScanResult()
    private(set) var kept: [(path: String, outcome: ScanEngine.FileOutcome)] = []
    private let lock = NSLock()
    private let progress: ScanProgress?
    private let listSkippedFiles: Bool

    init(progress: ScanProgress? = nil, listSkippedFiles: Bool = true) {
        self.progress = progress
        self.listSkippedFiles = listSkippedFiles
    }

    func add(_ path: String, _ outcome: ScanEngine.FileOutcome) {
        progress?.fileDone(bytes: outcome.bytes, findings: outcome.findings.count)
        lock.lock(); defer { lock.unlock() }
        if outcome.scanned {
            counts.filesScanned += 1
            counts.bytesScanned += outcome.bytes
            if outcome.lexed { counts.filesLexed += 1; counts.bytesLexed += outcome.bytes }
            if outcome.windows > 0 { counts.filesWindowed += 1 }
        }
        let holdsFindings =
            !outcome.findings.isEmpty || !outcome.suppressed.isEmpty || !outcome.unusedSuppressions.isEmpty
            || !outcome.observations.isEmpty
        if !holdsFindings && !outcome.issues.isEmpty && outcome.issues.allSatisfy(\.isPolicySkip) {
            for issue in outcome.issues { counts.record(issue, listing: listSkippedFiles) }
        } else if holdsFindings || !outcome.issues.isEmpty {
            kept.append((path, outcome))
        }
    }
}
