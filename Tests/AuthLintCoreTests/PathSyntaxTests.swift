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

/// `PathSyntax` against coreutils' `dirname`, `basename` and `realpath -m` as oracles, on the
/// inputs that made Foundation's path methods trap (one character) and their neighbours.
final class PathSyntaxTests: XCTestCase {
    static let inputs = [
        "x", "é", "-", ".", "..", "/", "//", "a/", "/a", "/a/", "a/b", "a//b", "a/b/", "/a/b/c",
        "./x", "../x", "a/./b", "a/../b", "sub//a.py", "ab", "/x/y//", "a b/c d", "日本/語",
    ]

    func testParentAndLastComponentMatchCoreutils() throws {
        for input in Self.inputs {
            let dirname = try TestSupport.run("/usr/bin/env", ["dirname", "--", input]).stdout.trimmingCharacters(
                in: .newlines)
            let basename = try TestSupport.run("/usr/bin/env", ["basename", "--", input]).stdout.trimmingCharacters(
                in: .newlines)
            let parent = PathSyntax.parent(input)
            XCTAssertEqual(parent.isEmpty ? "." : parent, dirname, "parent of '\(input)'")
            XCTAssertEqual(PathSyntax.lastComponent(input), basename, "last component of '\(input)'")
        }
    }

    func testAbsoluteMatchesRealpathWithoutSymlinks() throws {
        let dir = try TestSupport.temporaryDirectory()
        for input in Self.inputs {
            let expected = try TestSupport.run("/usr/bin/env", ["realpath", "-m", "-s", "--", input], cwd: dir).stdout
                .trimmingCharacters(in: .newlines)
            let saved = PathSyntax.currentDirectory()
            XCTAssertEqual(chdir(dir), 0)
            let got = PathSyntax.absolute(input)
            XCTAssertEqual(chdir(saved), 0)
            XCTAssertEqual(got, expected, "absolute '\(input)'")
        }
    }

    func testJoinAndRelative() {
        XCTAssertEqual(PathSyntax.join("", "a"), "a")
        XCTAssertEqual(PathSyntax.join("/", "a"), "/a")
        XCTAssertEqual(PathSyntax.join("d", "a"), "d/a")
        XCTAssertEqual(PathSyntax.join("d/", "a"), "d/a")
        XCTAssertEqual(PathSyntax.relative("/r/a/b.py", from: "/r"), "a/b.py")
        XCTAssertEqual(PathSyntax.relative("/r/a/b.py", from: "/r/c"), "../a/b.py")
        XCTAssertEqual(PathSyntax.relative("/r", from: "/r"), ".")
    }
}
