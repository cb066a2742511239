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

/// `--output` and `--write-baseline` under SIGKILL at random moments: the destination is
/// always the old file intact or the complete new one, never partial; temp files left by a
/// killed writer are hidden (`.<name>.tmp-<pid>-…`) and removed by the next write.
final class AtomicWriteKillTests: XCTestCase {
    static let token = "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"

    /// A tree whose report is several MB (many findings), so a good share of the kills land
    /// while the report is rendered and written, not only during the scan.
    func makeTree() throws -> String {
        let dir = try TestSupport.temporaryDirectory()
        let body = String(repeating: "T=\"\(Self.token)\"\n", count: 40)
        for i in 0..<150 { try TestSupport.write(body, to: dir + "/src/d\(i % 10)/f\(i).sh") }
        return dir
    }

    func start(_ args: [String], cwd: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestSupport.binary)
        process.arguments = args
        process.currentDirectoryURL = URL(fileURLWithPath: cwd)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    func testOutputAndBaselineSurviveSIGKILLAtRandomMoments() throws {
        let dir = try makeTree()
        let outDir = dir + "/out"
        try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
        let old = Array("{\"old\": true}\n".utf8)

        for (flag, name) in [("--output", "report.json"), ("--write-baseline", "baseline.json")] {
            let dest = outDir + "/" + name
            let args = ["scan", "src", "--jobs", "2", "--format", "json", flag, "out/" + name]
            // Reference: an undisturbed run, its duration calibrates the kill moments.
            let started = Date()
            let reference = try start(args, cwd: dir)
            reference.waitUntilExit()
            let duration = Date().timeIntervalSince(started)
            // A report exits 1 on the findings; writing a baseline records them and exits 0.
            XCTAssertEqual(reference.terminationStatus, flag == "--output" ? 1 : 0, flag)
            let complete = try Data(contentsOf: URL(fileURLWithPath: dest))
            let expectedFindings = try findingCount(complete, flag: flag)
            XCTAssertGreaterThan(expectedFindings, flag == "--output" ? 150 * 40 - 1 : 0, flag)

            var outcomes = (old: 0, new: 0, exited: 0, midWrite: 0, leftTemp: 0)
            var generator = SeededGenerator(seed: 0xA70)
            for iteration in 0..<30 {
                try Data(old).write(to: URL(fileURLWithPath: dest))
                let process = try start(args, cwd: dir)
                if iteration % 2 == 0 {
                    // Random moments over the whole run, weighted to its end (render + write).
                    Thread.sleep(forTimeInterval: duration * Double.random(in: 0.3...1.05, using: &generator))
                } else {
                    // The moment the temp file appears: mid-write, the window a random delay
                    // rarely hits (the write takes milliseconds of a one-second run).
                    let deadline = Date().addingTimeInterval(duration * 3)
                    var sawTemp = false
                    while process.isRunning && Date() < deadline && !sawTemp {
                        sawTemp = try !tempFiles(outDir, name).isEmpty
                    }
                    if sawTemp && process.isRunning { outcomes.midWrite += 1 }
                }
                let finished = !process.isRunning
                if finished { outcomes.exited += 1 } else { kill(process.processIdentifier, SIGKILL) }
                process.waitUntilExit()
                // Counted per kill: the next write removes them, so only the last kill's would
                // be left at the end (and a small baseline's temp file lives for microseconds).
                let temps = try tempFiles(outDir, name)
                if finished {
                    XCTAssertEqual(
                        temps, [], "\(flag) iteration \(iteration): a finished write removes dead writers' temps")
                } else if temps.contains(where: { $0.hasPrefix(".\(name).tmp-\(process.processIdentifier)-") }) {
                    outcomes.leftTemp += 1
                }
                let now = try Data(contentsOf: URL(fileURLWithPath: dest))
                if Array(now) == old {
                    outcomes.old += 1
                } else {
                    // Anything else must be the whole new file.
                    XCTAssertEqual(
                        try findingCount(now, flag: flag), expectedFindings,
                        "\(flag) iteration \(iteration), seed \(generator.seed): partial file of \(now.count) bytes after SIGKILL"
                    )
                    outcomes.new += 1
                }
                // Nothing but the destination and hidden temp files of killed writers.
                for entry in try FileManager.default.contentsOfDirectory(atPath: outDir) where !entry.hasPrefix(".") {
                    XCTAssertTrue(entry == "report.json" || entry == "baseline.json", "unexpected \(entry)")
                }
            }
            print(
                "AtomicWriteKillTests \(flag): run \(String(format: "%.2f", duration)) s; 30 kills (\(outcomes.midWrite) with the temp file open): \(outcomes.old) old intact, \(outcomes.new) complete new, \(outcomes.exited) finished first; \(outcomes.leftTemp) kills left their temp file"
            )
            // The check has teeth only if some kills landed mid-write (a direct, non-atomic
            // write would have no temp file to catch, and would fail here).
            XCTAssertGreaterThan(outcomes.midWrite, 5, flag)
            XCTAssertGreaterThan(
                outcomes.leftTemp, 0, "\(flag): kills mid-write leave temp files for the next write to remove")
            // The next write removes the temp files of the writers that died.
            let clean = try start(args, cwd: dir)
            clean.waitUntilExit()
            XCTAssertEqual(try tempFiles(outDir, name), [], flag)
            XCTAssertEqual(
                try findingCount(try Data(contentsOf: URL(fileURLWithPath: dest)), flag: flag), expectedFindings)
        }
    }

    /// A killed writer's temp file is removed by the next write; a live writer's is not.
    func testStaleTempFilesAreRemovedOnlyForDeadWriters() throws {
        let dir = try TestSupport.temporaryDirectory()
        let dead = Process()
        dead.executableURL = URL(fileURLWithPath: "/bin/true")
        try dead.run()
        dead.waitUntilExit()  // a pid that no longer runs
        let stale = dir + "/.r.json.tmp-\(dead.processIdentifier)-1"
        let live = dir + "/.r.json.tmp-1-2"  // pid 1 always runs
        let other = dir + "/.other.json.tmp-\(dead.processIdentifier)-3"
        for path in [stale, live, other] { try TestSupport.write("partial", to: path) }
        try AtomicFile.write(Array("{}".utf8), to: dir + "/r.json")
        XCTAssertFalse(FileManager.default.fileExists(atPath: stale))
        XCTAssertTrue(FileManager.default.fileExists(atPath: live))
        XCTAssertTrue(FileManager.default.fileExists(atPath: other), "only the written file's temps")
        XCTAssertEqual(try String(contentsOfFile: dir + "/r.json", encoding: .utf8), "{}")
    }

    func tempFiles(_ dir: String, _ name: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".\(name).tmp-") }
    }

    /// Findings in a complete report or baseline; fails (throws) on anything that is not whole JSON.
    func findingCount(_ data: Data, flag: String) throws -> Int {
        let object = try JSONSerialization.jsonObject(with: data)
        if flag == "--output" {
            return ((object as? [String: Any])?["findings"] as? [Any])?.count ?? -1
        }
        if let dict = object as? [String: Any], let entries = (dict["findings"] ?? dict["entries"]) as? [Any] {
            return entries.count
        }
        return (object as? [Any])?.count ?? -1
    }
}
