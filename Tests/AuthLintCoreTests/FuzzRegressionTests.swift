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

/// Inputs the fuzzers (bench/fuzz.sh) found, kept as regression tests, plus a replay of every
/// committed seed and crash input through the same harness properties.
final class FuzzRegressionTests: XCTestCase {
    /// Messages a frame reader yields for `bytes` fed in pieces of `chunk` bytes.
    func messages(_ bytes: [UInt8], chunk: Int) -> [[UInt8]] {
        var reader = LSPFrameReader()
        var out: [[UInt8]] = []
        var i = 0
        while i < bytes.count {
            reader.feed(bytes[i..<min(i + chunk, bytes.count)])
            while let event = reader.next() { if case .message(let body) = event { out.append(body) } }
            i += chunk
        }
        return out
    }

    /// Fuzzer find (lsp): garbage, then `Content-Type: …content-length:3\n\n` — fed whole, the
    /// reader resynchronised past the Content-Type at the later content-length and read "aar";
    /// fed in 7-byte reads it resynchronised at the Content-Type and lost the frame. The result
    /// must not depend on how reads split the stream.
    func testFramingDoesNotDependOnReadSizes() throws {
        let crash = [UInt8](
            try Data(
                contentsOf: URL(
                    fileURLWithPath: TestSupport.packageRoot + "/bench/fuzz-corpus/lsp/crash-resync-content-type.bin")))
        let whole = messages(crash, chunk: crash.count)
        for chunk in 1...64 { XCTAssertEqual(messages(crash, chunk: chunk), whole, "chunk \(chunk)") }
        // And a well-formed stream after garbage still comes through, at any read size.
        let stream = Array("junk\r\nContent-Length: 2\r\n\r\n{}Content-Type: x\r\nContent-Length: 3\r\n\r\n[1]".utf8)
        for chunk in 1...40 {
            XCTAssertEqual(messages(stream, chunk: chunk), [Array("{}".utf8), Array("[1]".utf8)], "chunk \(chunk)")
        }
    }

    /// Fuzzer find (gitignore): many `**` segments against long paths backtracked
    /// exponentially (that 216-byte input took 28 s). Now a table: bounded, and still git's
    /// semantics for `**` (zero or more components; trailing `/**` needs one more).
    func testDoubleStarMatchingIsPolynomialAndCorrect() throws {
        let hostile = String(repeating: "**/a*/", count: 12) + "**/b"
        let path = Array(repeating: Substring("aa"), count: 40)
        let started = Date()
        let file = IgnoreFile(contents: hostile + "\n" + String(repeating: "**/", count: 30) + "x", directory: [])
        XCTAssertNil(file.verdict(path, isDirectory: false))
        XCTAssertEqual(file.verdict(path + ["b"], isDirectory: false), true)
        XCTAssertLessThan(Date().timeIntervalSince(started), 2, "exponential backtracking")
        let bytes = [UInt8](
            try Data(
                contentsOf: URL(
                    fileURLWithPath: TestSupport.packageRoot
                        + "/bench/fuzz-corpus/gitignore/timeout-nested-doublestar.bin")))
        let split = bytes.firstIndex(of: 0) ?? bytes.count / 2
        let fuzzed = IgnoreFile(contents: String(decoding: bytes[..<split], as: UTF8.self), directory: [])
        let replayStart = Date()
        for line in String(decoding: bytes[min(split + 1, bytes.count)...], as: UTF8.self).split(separator: "\n") {
            _ = fuzzed.verdict(line.split(separator: "/"), isDirectory: false)
        }
        XCTAssertLessThan(Date().timeIntervalSince(replayStart), 2)
        // Semantics kept.
        func ignored(_ pattern: String, _ path: String, dir: Bool = false) -> Bool? {
            IgnoreFile(contents: pattern, directory: []).verdict(path.split(separator: "/"), isDirectory: dir)
        }
        XCTAssertEqual(ignored("a/**/b", "a/b"), true)
        XCTAssertEqual(ignored("a/**/b", "a/x/y/b"), true)
        XCTAssertNil(ignored("a/**/b", "a/x/y/c"))
        XCTAssertEqual(ignored("a/**", "a/x"), true)
        XCTAssertNil(ignored("a/**", "a"))
        XCTAssertEqual(ignored("**/foo", "x/y/foo"), true)
        XCTAssertEqual(ignored("**/foo", "foo"), true)
        XCTAssertEqual(ignored("a/*/c", "a/b/c"), true)
        XCTAssertNil(ignored("a/*/c", "a/b/d/c"))
    }

    /// Every committed corpus file (seeds and former crashes) through the harness's checks.
    func testCommittedFuzzCorpusReplays() throws {
        let root = TestSupport.packageRoot + "/bench/fuzz-corpus"
        var replayed = 0
        for target in ["lexers", "json", "gitignore", "base64", "lsp"] {
            let dir = root + "/" + target
            for name in try FileManager.default.contentsOfDirectory(atPath: dir).sorted() {
                let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name)))
                switch target {
                case "lexers":
                    for path in [
                        "a.js", "a.go", "a.py", "a.rb", "a.sh", "a.yaml", "a.json", ".env", "Dockerfile", "a.xml",
                        "nginx.conf", "a.http", "a.md", "a.txt",
                    ] {
                        let tokens = LexerRegistry.tokenize(SourceFile(path: path, bytes: bytes))
                        XCTAssertTrue(
                            zip(tokens, tokens.dropFirst()).allSatisfy { $0.start <= $1.start }, "\(name) \(path)")
                        XCTAssertTrue(
                            tokens.allSatisfy {
                                $0.start <= $0.end && $0.end <= bytes.count && $0.pairIndex < tokens.count
                            }, "\(name) \(path)")
                    }
                case "json":
                    _ = try? JSONNode.parse(bytes, allowComments: true)
                    _ = try? Configuration.parse(bytes: bytes, path: ".authlint.json")
                    _ = try? RuleLoader.parse(bytes: bytes, source: name)
                case "gitignore":
                    let split = bytes.firstIndex(of: 0) ?? bytes.count / 2
                    let file = IgnoreFile(contents: String(decoding: bytes[..<split], as: UTF8.self), directory: [])
                    for line in String(decoding: bytes[min(split + 1, bytes.count)...], as: UTF8.self).split(
                        separator: "\n")
                    {
                        _ = file.verdict(line.split(separator: "/"), isDirectory: false)
                    }
                case "base64":
                    XCTAssertEqual(Base64.decode(Base64.encode(bytes)), bytes, name)
                    _ = MalformedBasicAuthRule.problem(with: String(decoding: bytes, as: UTF8.self), isTemplate: false)
                default:
                    let whole = messages(bytes, chunk: max(1, bytes.count))
                    for chunk in [1, 2, 3, 7, 16] {
                        XCTAssertEqual(messages(bytes, chunk: chunk), whole, "\(name) chunk \(chunk)")
                    }
                }
                replayed += 1
            }
        }
        XCTAssertGreaterThan(replayed, 15)
    }
}
