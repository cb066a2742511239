import Dispatch
import Foundation
import Model

extension ScanEngine {
    /// Like `scan(jobs:produce:open:)`, but each file's own result goes to `deliver` (on the
    /// worker that scanned it) with the item it came from, instead of into one sorted result: a
    /// caller that scans one path many times (git history: a path, blob after blob) tells the
    /// outcomes apart by item. Project rules see one file at a time. Returns the counts.
    package func scanEach<Item: Sendable>(
        jobs: Int, produce: @Sendable @escaping (_ push: (Item) -> Void) -> Void,
        open: @Sendable @escaping (Item) -> (path: String, input: Result<FileInput, ScanIssue>, traits: PathTraits?),
        deliver: @Sendable @escaping (Item, ScanResult) -> Void
    ) -> ScanResult {
        let started = DispatchTime.now()
        let queue = BoundedQueue<Item>(capacity: 64)
        Self.startProducer(produce, into: queue)
        let counts = OutcomeCollector()
        DispatchQueue.concurrentPerform(iterations: max(1, jobs)) { _ in
            while let item = queue.pop() {
                let (path, input, traits) = open(item)
                let outcome = scanOpened(path, input, traits: traits)
                var countOnly = outcome
                countOnly.findings = []; countOnly.suppressed = []; countOnly.issues = []
                countOnly.observations = [:]; countOnly.unusedSuppressions = []
                counts.add(path, countOnly)
                deliver(item, ownResult(of: outcome))
            }
        }
        var result = counts.counts
        result.durationMs = Int((DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000)
        return result
    }

    /// Runs `produce` on a thread of its own (8 MiB of stack for deep walks), closing `queue`
    /// after its last item so the workers stop.
    static func startProducer<Item: Sendable>(
        _ produce: @Sendable @escaping (_ push: (Item) -> Void) -> Void, into queue: BoundedQueue<Item>
    ) {
        let producer = Thread {
            produce { queue.push($0) }
            queue.close()
        }
        producer.stackSize = 8 << 20
        producer.start()
    }

    /// One opened file's outcome: whole bytes scanned at once, a stream in windows, or the
    /// issue that kept it from being read. `traits` (computed for `path`): what the path decides.
    func scanOpened(_ path: String, _ input: Result<FileInput, ScanIssue>, traits: PathTraits? = nil) -> FileOutcome {
        switch input {
        case .success(.bytes(let bytes)):
            guard let traits else { return scanOne(SourceFile(path: path, bytes: bytes)) }
            return scanOne(traits.file(bytes), traits: traits)
        case .success(.stream(let stream)): return WindowedScan(engine: self, stream: stream).run()
        case .failure(let issue): return FileOutcome(issues: [issue], scanned: false)
        }
    }

    /// One file's outcome as a result of its own, project rules concluded on it alone.
    private func ownResult(of outcome: FileOutcome) -> ScanResult {
        var result = ScanResult()
        let (concluded, hidden) = outcome.observations.isEmpty ? ([], []) : concludeProjectRules(outcome.observations)
        result.findings = (outcome.findings + concluded).sorted(by: Finding.reportOrder)
        result.suppressed = (outcome.suppressed + hidden).sorted(by: Finding.reportOrder)
        result.unusedSuppressions = outcome.unusedSuppressions
        result.issues = outcome.issues
        return result
    }
}
