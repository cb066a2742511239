import Foundation
import XCTest

@testable import CLI
@testable import Config
@testable import Discovery
@testable import Engine
@testable import Facts
@testable import LSP
@testable import Lexing
@testable import Model
@testable import Prefilter
@testable import Reporting
@testable import Rules
@testable import Session
@testable import Support
@testable import Suppression

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
            scanner.scan(
                jobs: jobs, produce: { push in files.forEach(push) },
                open: { file in
                    FileReader.input(path: file.path, maxSize: 10 << 20, streamAbove: 2 << 20)
                })
        }
        let sorted = scan(walked.files, jobs: 1)
        let reversed = scan(walked.files.reversed(), jobs: 2)
        var shuffler = SeededGenerator(seed: 0x5CA7)
        let shuffled = scan(walked.files.shuffled(using: &shuffler), jobs: 2)
        XCTAssertGreaterThan(sorted.findings.count, 50, "the samples hold many findings")
        for other in [reversed, shuffled] {
            XCTAssertEqual(
                other.findings.map(\.fingerprint), sorted.findings.map(\.fingerprint), "seed \(shuffler.seed)")
            XCTAssertEqual(other.findings.map(\.message), sorted.findings.map(\.message), "seed \(shuffler.seed)")
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

/// Which credential rule speaks for a value (`CredentialPrecedence`): the indexed version must agree
/// with the plain pairwise definition on random overlapping findings.
final class CredentialPrecedenceTests: XCTestCase {
    func testIndexedPrecedenceEqualsPairwiseDefinition() throws {
        let rules = Dictionary(
            uniqueKeysWithValues: try RuleLoader.builtinRules(withExamples: false).map { ($0.id, $0) })
        let pool = [
            "hardcoded-secret", "hardcoded-bearer-token", "hardcoded-basic-auth", "github-personal-access-token",
            "aws-access-key-id", "insecure-http-url",
        ].map { rules[$0]! }
        func pairwise(_ findings: [RawFinding]) -> [RawFinding] {
            let credential = findings.filter { $0.rule.category == .hardcodedCredential }
            return findings.filter { finding in
                guard finding.rule.category == .hardcodedCredential else { return true }
                let range = finding.secret ?? finding.range
                return !credential.contains { other in
                    other.rule.precedence > finding.rule.precedence
                        && ((other.secret ?? other.range).overlaps(range)
                            || (other.secret ?? other.range).lowerBound == range.lowerBound)
                }
            }
        }
        var generator = SeededGenerator(seed: 0x9EC3)
        var removedSome = false
        for round in 0..<300 {
            let findings: [RawFinding] = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                let start = Int.random(in: 0...200, using: &generator)
                let range = start..<(start + Int.random(in: 0...30, using: &generator))
                let rule = pool.randomElement(using: &generator)!
                return RawFinding(
                    rule: rule, range: range, secret: Bool.random(using: &generator) ? range : nil,
                    message: "", severity: rule.severity)
            }
            let fast = CredentialPrecedence.preferSpecific(findings), slow = pairwise(findings)
            XCTAssertEqual(fast.map(\.range), slow.map(\.range), "round \(round), seed \(generator.seed)")
            XCTAssertEqual(fast.map(\.rule.id), slow.map(\.rule.id), "round \(round), seed \(generator.seed)")
            if fast.count < findings.count { removedSome = true }
        }
        XCTAssertTrue(removedSome, "the random findings exercised precedence")
    }
}
