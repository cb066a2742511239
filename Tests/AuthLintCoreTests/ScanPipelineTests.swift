import Foundation
import XCTest
@testable import AuthLintCore

/// The walk feeds the scan workers through a bounded queue (`ScanEngine.scan(jobs:produce:open:)`),
/// so files arrive in directory order, interleaved with scanning. The report must not depend on
/// that order or on the number of workers, and the queue must hand out every file exactly once.
final class ScanPipelineTests: XCTestCase {
    func testQueueDeliversEveryItemOnceWithManyMoreItemsThanCapacity() {
        let queue = BoundedQueue<Int>(capacity: 3)
        let count = 20_000
        let producer = Thread {
            for i in 0..<count { queue.push(i) }
            queue.close()
        }
        producer.start()
        let seen = LockedInts()
        DispatchQueue.concurrentPerform(iterations: 3) { _ in
            while let item = queue.pop() { seen.append(item) }
        }
        XCTAssertEqual(seen.values.count, count)
        XCTAssertEqual(seen.values.sorted(), Array(0..<count))
        XCTAssertNil(queue.pop(), "a closed, drained queue returns nil at once")
    }

    func testReportIsTheSameWhateverOrderFilesArriveIn() throws {
        let scanner = try TestSupport.builtinScanner()
        let samples = TestSupport.packageRoot + "/samples"
        let walked = FileWalker(options: WalkOptions()).walk([samples])
        XCTAssertGreaterThan(walked.files.count, 20)
        func scan(_ files: [WalkedFile], jobs: Int) -> ScanResult {
            scanner.scan(jobs: jobs, produce: { push in files.forEach(push) }, open: { file in
                FileReader.input(path: file.path, maxSize: 10 << 20, streamAbove: 2 << 20)
            })
        }
        let sorted = scan(walked.files, jobs: 1)
        let reversed = scan(walked.files.reversed(), jobs: 2)
        var shuffler = SystemRandomNumberGenerator()
        let shuffled = scan(walked.files.shuffled(using: &shuffler), jobs: 2)
        XCTAssertGreaterThan(sorted.findings.count, 50, "the samples hold many findings")
        for other in [reversed, shuffled] {
            XCTAssertEqual(other.findings.map(\.fingerprint), sorted.findings.map(\.fingerprint))
            XCTAssertEqual(other.findings.map(\.message), sorted.findings.map(\.message))
            XCTAssertEqual(other.filesScanned, sorted.filesScanned)
            XCTAssertEqual(other.bytesScanned, sorted.bytesScanned)
            XCTAssertEqual(other.filesLexed, sorted.filesLexed)
        }
        // The streamed walk reaches the same files as the listed one.
        var streamed: [String] = []
        _ = FileWalker(options: WalkOptions()).walk([samples]) { streamed.append($0.path) }
        XCTAssertEqual(streamed.sorted(), walked.files.map(\.path).sorted())
    }

    func testOverlappingRootsAreScannedOnce() throws {
        let samples = TestSupport.packageRoot + "/samples"
        let one = FileWalker(options: WalkOptions()).walk([samples]).files.count
        var paths: [String] = []
        _ = FileWalker(options: WalkOptions()).walk([samples, samples]) { paths.append($0.path) }
        XCTAssertEqual(paths.count, one)
        XCTAssertEqual(Set(paths).count, paths.count)
    }
}

private final class LockedInts: @unchecked Sendable {
    private var storage: [Int] = []
    private let lock = NSLock()
    func append(_ value: Int) { lock.lock(); storage.append(value); lock.unlock() }
    var values: [Int] { lock.lock(); defer { lock.unlock() }; return storage }
}
