import Foundation

/// Running totals of a scan for a progress display: the workers add to it as each file is
/// done, another thread reads it. Counts findings before baselines and `--since` filter them.
public final class ScanProgress: @unchecked Sendable {
    public struct Snapshot: Sendable, Equatable {
        public var files = 0
        public var bytes = 0
        public var findings = 0
        public init(files: Int = 0, bytes: Int = 0, findings: Int = 0) {
            self.files = files
            self.bytes = bytes
            self.findings = findings
        }
    }

    private var totals = Snapshot()
    private let lock = NSLock()

    public init() {}

    public func fileDone(bytes: Int, findings: Int) {
        lock.lock(); defer { lock.unlock() }
        totals.files += 1
        totals.bytes += bytes
        totals.findings += findings
    }

    public var snapshot: Snapshot {
        lock.lock(); defer { lock.unlock() }
        return totals
    }
}
