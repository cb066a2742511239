import Discovery
import Dispatch
import Facts
import Foundation
import Lexing
import Model
import Prefilter
import Support
import Suppression

/// What the workers hand back: counts for every file, and the outcomes that hold anything
/// (most files have no finding; keeping only these keeps memory flat as trees grow).
final class OutcomeCollector: @unchecked Sendable {
    private(set) var counts = ScanResult()
    private(set) var kept: [(path: String, outcome: ScanEngine.FileOutcome)] = []
    private let lock = NSLock()
    private let progress: ScanProgress?

    init(progress: ScanProgress? = nil) { self.progress = progress }

    func add(_ path: String, _ outcome: ScanEngine.FileOutcome) {
        progress?.fileDone(bytes: outcome.bytes, findings: outcome.findings.count)
        lock.lock(); defer { lock.unlock() }
        if outcome.scanned {
            counts.filesScanned += 1
            counts.bytesScanned += outcome.bytes
            if outcome.lexed { counts.filesLexed += 1; counts.bytesLexed += outcome.bytes }
            if outcome.windows > 0 { counts.filesWindowed += 1 }
        }
        if !outcome.findings.isEmpty || !outcome.suppressed.isEmpty || !outcome.issues.isEmpty
            || !outcome.unusedSuppressions.isEmpty || !outcome.observations.isEmpty
        {
            kept.append((path, outcome))
        }
    }
}
