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

/// Very large inputs through the real binary: a 200 MB one-line file and a 1 GB file of many
/// lines are scanned to the end in bounded time and memory.
final class LargeInputTests: XCTestCase, HostileInputChecks {
    /// Runs authlint and measures its peak RSS in KiB: GNU time's %M for this child alone;
    /// without it, getrusage's RUSAGE_CHILDREN maximum over every child so far (an upper bound).
    func runMeasuringRSS(_ args: [String], cwd: String, timeout: Double) throws -> (Timed, peakKiB: Int) {
        let timeTool = "/usr/bin/time", rssFile = cwd + "/rss.txt"
        let useTime = FileManager.default.isExecutableFile(atPath: timeTool)
        let scan = try run(args, cwd: cwd, timeout: timeout, via: useTime ? [timeTool, "-f", "%M", "-o", rssFile] : [])
        if useTime {
            // Last line: time writes "Command exited with non-zero status 1" first (exit 1 = findings).
            let lines = try String(contentsOfFile: rssFile, encoding: .utf8).split(separator: "\n")
            return (
                scan, try XCTUnwrap(lines.last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }, "\(lines)")
            )
        }
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
        return (scan, usage.ru_maxrss)
    }

    /// 200 MB of minified JavaScript on one line, a token and an appkey near the end: scanned in
    /// windows cut inside the line, so both are found (the appkey rule needs tokens: each window
    /// is small enough to lex), in bounded time and memory (the whole file is never held).
    func testTwoHundredMegabyteSingleLineFile() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/bundle.min.js"
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        // 32 bytes x 32 Ki = 1 MiB
        let chunk = Data(String(repeating: "var a=function(b,c){return b+c};", count: 32 * 1024).utf8)
        for _ in 0..<200 { handle.write(chunk) }
        let tail = "const t=\"\(Self.token)\";const APP_KEY=\"\(Self.appKey)\";"
        handle.write(Data(tail.utf8))
        handle.write(chunk.prefix(4096))
        try handle.close()
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        XCTAssertGreaterThan(size, 200 * 1024 * 1024)

        let (scan, peakKiB) = try runMeasuringRSS(
            ["scan", "bundle.min.js", "--max-file-size", "300000000", "--format", "json"], cwd: dir, timeout: 120)
        let report = try json(scan)
        XCTAssertEqual(scan.status, 1)
        let appKeyColumn = 200 * 1024 * 1024 + tail.utf8.count - Self.appKey.utf8.count - 1
        XCTAssertEqual(
            places(report),
            [
                "bundle.min.js:github-personal-access-token:1:\(200 * 1024 * 1024 + 10)",
                "bundle.min.js:hardcoded-appkey:1:\(appKeyColumn)",
            ])
        XCTAssertLessThan(scan.seconds, 60, "a 200 MB line must scan in bounded time")
        // Windows of 1 MiB: far below the file (and its tokens: 9 GB before lexing was capped).
        XCTAssertLessThan(peakKiB, 150 * 1024, "peak RSS \(peakKiB) KiB")
        print(
            "HostileInputTests: 200 MB line scanned in \(String(format: "%.1f", scan.seconds)) s, peak RSS \(peakKiB / 1024) MiB"
        )
        XCTAssertEqual(errors(report).count, 0, "\(errors(report))")
        XCTAssertEqual(summary(report)["filesWindowed"] as? Int, 1)

        // Over the default --max-file-size it is skipped outright, and said so: exit 0, no findings.
        let skippedRun = try run(["scan", ".", "--format", "json"], cwd: dir)
        XCTAssertEqual(skippedRun.status, 0)
        XCTAssertEqual(errors(try json(skippedRun)).count, 0, "skipped by policy, not an error")
        XCTAssertEqual((summary(try json(skippedRun))["skipped"] as? [String: Int])?["tooLarge"], 1)
    }

    /// A 1 GiB file of many short lines (written fast: one 1 MiB block repeated), secrets planted
    /// near the start, in the middle, at the end, on a line across the 256 MiB window cut, and
    /// inside a 5 MiB line across a cut made mid-line: all found at the right line and column,
    /// with peak memory bounded by the window, not the file, in bounded time.
    func testOneGigabyteManyLineFileIsScannedInBoundedMemory() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/huge.js"
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        let mib = 1024 * 1024
        // 64-byte lines, so window cuts (every 1 MiB) fall on line starts.
        let plainLine = Array("  total = compute(total, index + 1, \"some text values\"); // ok.\n".utf8)
        XCTAssertEqual(plainLine.count, 64)
        let block = [UInt8]((0..<(mib / 64)).flatMap { _ in plainLine })
        let gh = Array(Self.token.utf8)
        var expected: [String] = []
        var line = 1  // line number at the start of the next block
        func newlines(_ bytes: ArraySlice<UInt8>) -> Int {
            bytes.withUnsafeBufferPointer { $0.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
        }
        let blockData = Data(block), blockLines = newlines(block[...])
        /// Writes `bytes` and records a finding for each (rule, offset of the secret's line start, column).
        func write(_ bytes: [UInt8], findings: [(rule: String, at: Int)]) {
            for finding in findings {
                let lineStart = bytes[..<finding.at].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
                expected.append(
                    "huge.js:\(finding.rule):\(line + newlines(bytes[..<finding.at])):\(finding.at - lineStart + 1)")
            }
            handle.write(Data(bytes))
            line += newlines(bytes[...])
        }
        /// A block with `text` written over the line at `offset` (64-aligned), ending with a newline.
        func planted(_ text: String, at offset: Int, in base: [UInt8] = block) -> [UInt8] {
            var bytes = base
            let planted = Array(text.utf8)
            bytes.replaceSubrange(offset..<(offset + planted.count), with: planted)
            return bytes
        }
        let secretLine = "const t = \"\(Self.token)\";"  // token at column 12
        let appKeyLine = "const APP_KEY = \"\(Self.appKey)\";"
        let total = 1024
        var k = 0
        while k < total {
            switch k {
            case 0:  // near the start: line 3
                write(
                    planted(secretLine.padding(toLength: 63, withPad: " ", startingAt: 0) + "\n", at: 128),
                    findings: [("github-personal-access-token", 128 + 11)])
            case 255:  // a 192-byte line from 256 MiB - 128 to 256 MiB + 64, the token across the 256 MiB cut
                var pair = block + block
                let text = String(repeating: " ", count: 108) + secretLine
                pair.replaceSubrange(
                    (mib - 128)..<(mib + 64),
                    with: Array(text.padding(toLength: 191, withPad: " ", startingAt: 0).utf8) + [0x0A])
                let tokenStart = mib - 128 + 108 + 11
                XCTAssertTrue(tokenStart < mib && tokenStart + gh.count > mib, "the token straddles the cut")
                write(pair, findings: [("github-personal-access-token", mib - 128 + 108 + 11)])
                k += 1
            case 512:  // a 5 MiB line from 512 MiB: the windows inside it are cut every 1 MiB, one across the token
                var long = [UInt8](String(repeating: "var a=function(b,c){return b+c};", count: 5 * mib / 32).utf8)
                long[long.count - 1] = 0x0A
                let at = 3 * mib - 20 - 9
                long.replaceSubrange(at..<(at + 9 + gh.count + 2), with: Array("const t=\"\(Self.token)\";".utf8))
                write(long, findings: [("github-personal-access-token", at + 9)])
                k += 4
            case 600:  // the middle, with a rule that needs tokens (lexed inside its window)
                write(
                    planted(appKeyLine.padding(toLength: 63, withPad: " ", startingAt: 0) + "\n", at: 4096),
                    findings: [("hardcoded-appkey", 4096 + 17)])
            case total - 1:  // the last line of the file
                write(
                    planted(secretLine.padding(toLength: 63, withPad: " ", startingAt: 0) + "\n", at: mib - 64),
                    findings: [("github-personal-access-token", mib - 64 + 11)])
            default:
                handle.write(blockData)
                line += blockLines
            }
            k += 1
        }
        try handle.close()
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        XCTAssertEqual(size, 1024 * mib)

        let (scan, peakKiB) = try runMeasuringRSS(
            ["scan", "huge.js", "--max-file-size", "2000000000", "--format", "json"], cwd: dir, timeout: 180)
        let report = try json(scan)
        XCTAssertEqual(scan.status, 1)
        XCTAssertEqual(places(report), expected.sorted())
        XCTAssertEqual(errors(report).count, 0, "\(errors(report))")
        XCTAssertEqual(summary(report)["filesWindowed"] as? Int, 1)
        XCTAssertEqual(summary(report)["bytesScanned"] as? Int, size)
        XCTAssertLessThan(scan.seconds, 120, "1 GiB must scan in bounded time")
        XCTAssertLessThan(peakKiB, 150 * 1024, "peak RSS \(peakKiB) KiB")
        print(
            "HostileInputTests: 1 GiB of lines scanned in \(String(format: "%.1f", scan.seconds)) s, peak RSS \(peakKiB / 1024) MiB"
        )
    }
}
