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

final class SourceFileTests: XCTestCase {
    func testLineAndColumnWithCRLFAndLoneCR() {
        let f = SourceFile(path: "a.txt", bytes: Array("ab\r\ncd\ref\ngh".utf8))
        XCTAssertEqual(f.lineCount, 4)
        XCTAssertEqual(f.position(at: 4).line, 2)
        XCTAssertEqual(f.position(at: 5).column, 2)
        XCTAssertEqual(f.position(at: 7).line, 3)
        XCTAssertEqual(f.lineText(2), "cd")
    }

    func testColumnsCountScalarsAndSkipBOM() {
        let f = SourceFile(path: "a.txt", bytes: [0xEF, 0xBB, 0xBF] + Array("é=x".utf8))
        // é is two bytes; `=` is at byte 5, column 2.
        XCTAssertEqual(f.position(at: 5).column, 2)
        XCTAssertEqual(f.position(at: 3).column, 1)
    }

    func testLanguageDetection() {
        XCTAssertEqual(Language.detect(path: "src/a.swift"), .cLike)
        XCTAssertEqual(Language.detect(path: "config/.env.production"), .keyValue)
        XCTAssertEqual(Language.detect(path: "deploy/nginx.conf"), .serverConfig)
        XCTAssertEqual(Language.detect(path: "Dockerfile"), .dockerfile)
        XCTAssertEqual(
            Language.detect(path: "bin/tool", firstBytes: ArraySlice("#!/usr/bin/env python3\n".utf8)), .python)
    }
}
