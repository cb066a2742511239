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

/// Paths and helpers shared by the test files.
enum TestSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The built `authlint` executable next to the test bundle.
    static var binary: String {
        let candidates = [
            Bundle(for: Marker.self).bundleURL.deletingLastPathComponent().appendingPathComponent("authlint").path,
            packageRoot + "/.build/debug/authlint",
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

    final class Marker {}

    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Fails under CI=true (CI installs every tool), skips elsewhere.
    static func requireTool(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        if isCI { XCTFail("\(name) is required when CI=true", file: file, line: line) }
        throw XCTSkip("\(name) not installed")
    }

    struct RunResult {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs a program to completion (stdin closed unless given).
    @discardableResult
    static func run(
        _ executable: String, _ args: [String], cwd: String? = nil, stdin: String? = nil,
        environment: [String: String]? = nil
    ) throws -> RunResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = args
        if let cwd { process.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently so a full pipe never blocks the child.
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let errData = errBox.data
        process.waitUntilExit()
        return RunResult(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    static func authlint(_ args: [String], cwd: String? = nil, stdin: String? = nil) throws -> RunResult {
        try run(binary, args, cwd: cwd, stdin: stdin)
    }

    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "authlint-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    struct WatchedRun {
        var status: Int32
        var stdout: String
        var stderr: String
        var seconds: Double
        var timedOut: Bool
    }

    /// Runs a program with a watchdog: a hang becomes a failure (SIGKILL after `timeout`), not a
    /// stuck test run. Both pipes are drained concurrently so a full pipe never blocks the child.
    static func runWatched(
        _ executable: String, _ args: [String], cwd: String, stdin: FileHandle = .nullDevice,
        timeout: Double
    ) throws -> WatchedRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = args
        process.currentDirectoryURL = URL(fileURLWithPath: cwd)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        final class Box: @unchecked Sendable { var out = Data(), err = Data() }
        let box = Box()
        let group = DispatchGroup()
        let started = Date()
        try process.run()
        group.enter()
        DispatchQueue.global().async {
            box.out = out.fileHandleForReading.readDataToEndOfFile(); group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            box.err = err.fileHandleForReading.readDataToEndOfFile(); group.leave()
        }
        var timedOut = false
        if group.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            group.wait()
        }
        process.waitUntilExit()
        return WatchedRun(
            status: process.terminationStatus, stdout: String(decoding: box.out, as: UTF8.self),
            stderr: String(decoding: box.err, as: UTF8.self), seconds: Date().timeIntervalSince(started),
            timedOut: timedOut)
    }

    /// A fresh repository with a committer identity (CI machines have none), and git's path.
    static func makeGitRepository() throws -> (git: String, dir: String) {
        let git = try requireTool("git")
        let dir = try temporaryDirectory()
        try run(git, ["init", "-q", dir])
        try run(git, ["config", "user.email", "t@example.invalid"], cwd: dir)
        try run(git, ["config", "user.name", "t"], cwd: dir)
        return (git, dir)
    }

    /// `result` with every finding's own text blanked (snippet, message, related messages): what
    /// a format prints about the findings' rules and places only. Leak checks compare a report
    /// against this: rule documentation (SARIF's catalog, the HTML report's explanations of the
    /// rules it reports) may quote a token's prefix, and is not a leak.
    static func withoutFindingTexts(_ result: ScanResult) -> ScanResult {
        func blank(_ findings: [Finding]) -> [Finding] {
            findings.map { finding in
                var finding = finding
                finding.snippet = ""
                finding.message = ""
                finding.related = finding.related.map { related in
                    var related = related
                    related.message = ""
                    return related
                }
                return finding
            }
        }
        var blanked = result
        blanked.findings = blank(result.findings)
        blanked.suppressed = blank(result.suppressed)
        blanked.unusedSuppressions = blank(result.unusedSuppressions)
        return blanked
    }

    static func builtinScanner(settings: ScanSettings = ScanSettings()) throws -> ScanEngine {
        try ScanEngine(rules: RuleLoader.builtinRules(), settings: settings)
    }

    /// A JSON report's findings as `file → "role/severity"` (the first finding of each file).
    static func roleAndSeverityByFile(_ jsonReport: String) throws -> [String: String] {
        let report = try JSONSerialization.jsonObject(with: Data(jsonReport.utf8)) as? [String: Any]
        let findings = report?["findings"] as? [[String: Any]] ?? []
        return Dictionary(
            findings.map {
                ($0["file"] as? String ?? "", "\($0["role"] as? String ?? "")/\($0["severity"] as? String ?? "")")
            }, uniquingKeysWith: { first, _ in first })
    }
}
