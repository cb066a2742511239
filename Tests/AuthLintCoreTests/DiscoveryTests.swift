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

final class DiscoveryTests: XCTestCase {
    /// The walker's file set must equal what git itself considers part of the work tree.
    func testWalkerAgreesWithGitOnTrickyIgnoreRules() throws {
        let git = try TestSupport.requireTool("git")
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.run(git, ["init", "-q", dir])
        let files = [
            "keep.txt", "debug.log", "keep.log", "logs/app.log", "build/out.js", "src/build/gen.js", "tmp/x.txt",
            "src/tmp",
            "a/generated/b/c.ts", "a/x/y/b/z.txt", "a/b/direct.txt", "num1.txt", "numx.txt", "#hash.txt", "!bang.txt",
            "spaced file.txt", "naïve/é.txt", ".env", ".hidden/inside.txt", "sub/.gitignore", "sub/secret.key",
            "sub/public.key",
            "sub/deep/secret.key", "doc/a.md", "doc/keep/b.md", "excluded-by-info.txt", "vendor/lib.js",
            "vendor/keep/me.js",
            "trailing.txt ", "nested/ignoreall/.gitignore", "nested/ignoreall/file.txt", "authlint-only.txt",
        ]
        for file in files { try TestSupport.write("x\n", to: "\(dir)/\(file)") }
        try TestSupport.write(
            """
            *.log
            !keep.log
            /build
            tmp/
            **/generated/**
            a/**/b/*.txt
            num[0-9].txt
            \\#hash.txt
            \\!bang.txt
            doc/*
            !doc/keep/
            vendor/
            !vendor/keep/me.js
            trailing.txt\\ 
            # a comment
            """, to: dir + "/.gitignore")
        try TestSupport.write("*.key\n!public.key\n", to: dir + "/sub/.gitignore")
        try TestSupport.write("*\n!.gitignore\n", to: dir + "/nested/ignoreall/.gitignore")
        try TestSupport.write("excluded-by-info.txt\n", to: dir + "/.git/info/exclude")

        let listed = try TestSupport.run(
            git, ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd: dir
        ).stdout
        let expected = Set(listed.split(separator: "\0").map(String.init))
        var options = WalkOptions()
        options.maxFileSize = 1 << 20
        let walked = FileWalker(options: options).walk([dir])
        let actual = Set(walked.files.map { String($0.path.dropFirst(dir.count + 1)) })
        XCTAssertEqual(actual.subtracting(expected).sorted(), [], "walked but git ignores")
        XCTAssertEqual(expected.subtracting(actual).sorted(), [], "git lists but walker skipped")
        XCTAssertTrue(expected.contains(".env"), "hidden files are scanned")

        // From a subdirectory, the repository's root .gitignore still applies.
        let sub = FileWalker(options: options).walk([dir + "/sub"]).files.map {
            String($0.path.dropFirst(dir.count + 1))
        }
        XCTAssertEqual(Set(sub), expected.filter { $0.hasPrefix("sub/") })
    }

    func testAuthlintIgnoreExcludesAndExplicitFiles() throws {
        let dir = try TestSupport.temporaryDirectory()
        for file in ["a.js", "fixtures/b.js", "vendor/c.js", "d.js"] {
            try TestSupport.write("x\n", to: "\(dir)/\(file)")
        }
        try TestSupport.write("fixtures/\n", to: dir + "/.authlintignore")
        var options = WalkOptions()
        options.excludeGlobs = ["vendor/"]
        let names = FileWalker(options: options).walk([dir]).files.map { ($0.path as NSString).lastPathComponent }
        XCTAssertEqual(names.sorted(), [".authlintignore", "a.js", "d.js"])
        let explicit = FileWalker(options: options).walk([dir + "/fixtures/b.js"]).files.map(\.path)
        XCTAssertEqual(explicit, [dir + "/fixtures/b.js"], "a file named explicitly is always scanned")
    }

    func testSymlinkLoopsSpecialFilesAndOrder() throws {
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write("x\n", to: dir + "/z.txt")
        try TestSupport.write("x\n", to: dir + "/a/b.txt")
        try FileManager.default.createSymbolicLink(atPath: dir + "/a/loop", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: dir + "/outside", withDestinationPath: "/etc")
        XCTAssertEqual(mkfifo(dir + "/pipe", 0o644), 0)
        for follow in [false, true] {
            var options = WalkOptions()
            options.followSymlinks = follow
            options.excludeGlobs = follow ? ["outside"] : []
            let result = FileWalker(options: options).walk([dir])
            let paths = result.files.map(\.path)
            XCTAssertEqual(paths, paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
            XCTAssertEqual(Set(paths).count, paths.count)
            if !follow { XCTAssertEqual(paths.map { String($0.dropFirst(dir.count + 1)) }, ["a/b.txt", "z.txt"]) }
            XCTAssertTrue(result.issues.contains { $0.file.hasSuffix("/pipe") && $0.kind == .notRegular })
        }
        // Reading a FIFO directly never blocks.
        if case .failure(let issue) = FileReader.read(path: dir + "/pipe", maxSize: 100) {
            XCTAssertEqual(issue.kind, .notRegular)
        } else {
            XCTFail("a FIFO must not be read")
        }
    }

    func testReaderBinarySizeAndUTF16() throws {
        let dir = try TestSupport.temporaryDirectory()
        try Data([0x61, 0x00, 0x62]).write(to: URL(fileURLWithPath: dir + "/bin"))
        try Data(repeating: 0x61, count: 100).write(to: URL(fileURLWithPath: dir + "/big"))
        let text = "key = 'é'\nline2\n"
        try Data([0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(
            to: URL(fileURLWithPath: dir + "/le"))
        try Data([0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }).write(
            to: URL(fileURLWithPath: dir + "/be"))
        if case .failure(let issue) = FileReader.read(path: dir + "/bin", maxSize: 1000) {
            XCTAssertEqual(issue.kind, .binary)
        } else {
            XCTFail()
        }
        if case .failure(let issue) = FileReader.read(path: dir + "/big", maxSize: 10) {
            XCTAssertEqual(issue.kind, .tooLarge)
        } else {
            XCTFail()
        }
        for name in ["le", "be"] {
            guard case .success(let bytes) = FileReader.read(path: dir + "/" + name, maxSize: 1000) else {
                return XCTFail(name)
            }
            XCTAssertEqual(String(decoding: bytes, as: UTF8.self), text)
        }
        if case .failure(let issue) = FileReader.read(path: dir + "/missing", maxSize: 10) {
            XCTAssertEqual(issue.kind, .unreadable)
        } else {
            XCTFail()
        }
    }

    func testDeepNestingDoesNotOverflow() throws {
        let dir = try TestSupport.temporaryDirectory()
        // 1,500 levels built with relative mkdir/cd: the walker's explicit stack must reach the leaf.
        try TestSupport.run(
            "/bin/sh",
            [
                "-c",
                "cd \"$0\" && i=0; while [ $i -lt 1500 ]; do mkdir d && cd d || exit 1; i=$((i+1)); done; echo x > leaf.txt",
                dir,
            ])
        let result = FileWalker(options: WalkOptions()).walk([dir])
        XCTAssertEqual(result.files.count, 1)
        XCTAssertTrue(result.files.first?.path.hasSuffix("/d/leaf.txt") == true)
    }
}
