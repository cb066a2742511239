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

/// Hostile input through the real binary, continued (`HostileInputTests` has encodings and special
/// files): file names that are not UTF-8, unterminated and deeply nested syntax, user rules whose
/// regex would run away.
final class HostileSyntaxInputTests: XCTestCase, HostileInputChecks {
    // MARK: - names and syntax

    func testNonUTF8FileNamesAreScannedAndEscaped() throws {
        let dir = try TestSupport.temporaryDirectory()
        let text = Array("T=\"\(Self.token)\"\n".utf8)
        // name\xFF.sh and dir\xFE\xFD/in.sh, created from raw bytes (Foundation cannot name them).
        let file = Array("\(dir)/name".utf8) + [0xFF] + Array(".sh".utf8)
        let folder = Array("\(dir)/dir".utf8) + [0xFE, 0xFD]
        XCTAssertEqual(RawPath.withCString(folder) { mkdir($0, 0o755) }, 0)
        for path in [file, folder + Array("/in.sh".utf8)] {
            let fd = RawPath.withCString(path) { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
            XCTAssertGreaterThanOrEqual(fd, 0)
            _ = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        let scan = try run(["scan", ".", "--format", "json"], cwd: dir)
        let report = try json(scan)  // valid JSON despite the names
        XCTAssertEqual(scan.status, 1)
        XCTAssertEqual(
            places(report),
            [
                "dir\\xFE\\xFD/in.sh:github-personal-access-token:1:4",
                "name\\xFF.sh:github-personal-access-token:1:4",
            ])
        XCTAssertEqual(errors(report).count, 0)
        for format in ["text", "sarif"] {
            XCTAssertEqual(try run(["scan", ".", "--format", format], cwd: dir).status, 1, format)
        }
    }

    /// Unterminated strings, comments, heredocs, template literals and code fences in every
    /// lexer family: the file still lexes, the secrets before the construct are found.
    func testUnterminatedConstructsInEveryLexerFamily() throws {
        let dir = try TestSupport.temporaryDirectory()
        let gh = Self.token, ak = Self.appKey
        let cases: [(String, String)] = [
            ("a.js", "const APP_KEY = \"\(ak)\";\nconst t = \"\(gh)\";\nconst s = `abc ${x\n"),
            ("b.swift", "let APP_KEY = \"\(ak)\"\nlet t = \"\(gh)\"\nlet s = \"\"\"\nno end\n"),
            ("c.py", "APP_KEY = \"\(ak)\"\nt = \"\(gh)\"\ns = f'{x\nu = \"\"\"never\n"),
            ("d.rb", "APP_KEY = \"\(ak)\"\nt = \"\(gh)\"\nx = <<~EOF\nno end\n"),
            ("e.sh", "APP_KEY=\"\(ak)\"\nT=\"\(gh)\"\ncat <<EOF\nno end\n"),
            ("f.yaml", "app_key: \(ak)\nt: \(gh)\nx: \"never\ny: |\n"),
            ("g.json", "{\"app_key\": \"\(ak)\", \"t\": \"\(gh)\", \"x\": \"never\n"),
            (".env", "APP_KEY=\(ak)\nT=\(gh)\nX=\"never\n"),
            ("Dockerfile", "ENV APP_KEY=\(ak)\nENV T=\(gh)\nRUN echo \"never\n"),
            ("h.xml", "<k appKey=\"\(ak)\" t=\"\(gh)\"/>\n<!-- never <![CDATA[ x\n"),
            ("nginx.conf", "set $app_key \"\(ak)\";\nset $t \"\(gh)\";\nset $x \"never\n"),
            ("i.http", "GET https://api.reeflow.com/x\nAppKey: \(ak)\nX-T: \(gh)\n\n{\"x\": \"never\n"),
            ("j.md", "APP_KEY=\(ak)\nt \(gh)\n```js\nconst s = `never\n"),
            ("k.txt", "app_key = \(ak)\ntoken \(gh)\n\"never\n"),
            ("l.go", "const appKey = \"\(ak)\"\nvar t = \"\(gh)\"\nvar s = `never\n"),
            ("m.php", "<?php $appKey = \"\(ak)\"; $t = \"\(gh)\"; $s = <<<EOT\nnever\n"),
            ("n.c", "const char *APP_KEY = \"\(ak)\";\nconst char *t = \"\(gh)\";\n/* never\n"),
        ]
        for (name, text) in cases { try TestSupport.write(text, to: dir + "/" + name) }
        // Every language family is covered.
        let families = Set(cases.map { Language.detect(path: $0.0, firstBytes: Array($0.1.utf8)[...]) })
        XCTAssertEqual(families.count, 13, "\(families)")
        let scan = try run(["scan", ".", "--format", "json"], cwd: dir, timeout: 30)
        let report = try json(scan)
        XCTAssertEqual(scan.status, 1)
        XCTAssertEqual(errors(report).count, 0)
        let found = Set(findings(report).map { "\($0["file"]!) \($0["rule"]!)" })
        for (name, _) in cases {
            XCTAssertTrue(found.contains("\(name) github-personal-access-token"), name)
            // The structural rule reads tokens: it proves the lexer got past the file's start.
            if !["j.md", "k.txt", "nginx.conf"].contains(name) {
                XCTAssertTrue(found.contains("\(name) hardcoded-appkey"), name)
            }
        }
        XCTAssertEqual(try run(["scan", ".", "--fail-on", "never"], cwd: dir).status, 0)
    }

    /// 10,000 nested brackets of each kind in several lexer families: no stack overflow, and
    /// linear time (one fact once rescanned every array's contents: 50,000 `[` took minutes).
    func testTenThousandNestedBrackets() throws {
        let dir = try TestSupport.temporaryDirectory()
        var names: [String] = []
        for ext in ["js", "py", "php", "swift", "json", "yaml", "rb", "sh", "xml", "md"] {
            for (open, close) in [("[", "]"), ("{", "}"), ("(", ")")] {
                let name = "n\(open.unicodeScalars.first!.value).\(ext)"
                try TestSupport.write(
                    "T = \"\(Self.token)\"\nx = " + String(repeating: open, count: 10_000) + "\n"
                        + String(repeating: close, count: 10_000) + "\n", to: dir + "/" + name)
                names.append(name)
            }
        }
        try TestSupport.write(
            "APP_KEY = \"\(Self.appKey)\"\nx = " + String(repeating: "['A: b', ", count: 50_000)
                + String(repeating: "]", count: 50_000) + "\n", to: dir + "/deep.js")
        let scan = try run(["scan", ".", "--format", "json", "--jobs", "2"], cwd: dir, timeout: 60)
        let report = try json(scan)
        XCTAssertEqual(scan.status, 1)
        XCTAssertLessThan(scan.seconds, 30)
        let files = Set(findings(report).map { $0["file"] as? String ?? "" })
        XCTAssertEqual(files, Set(names + ["deep.js"]))
        XCTAssertEqual(errors(report).count, 0)
    }
    // MARK: - user rules

    /// A user rule whose regex backtracks catastrophically (`(a+)+$` on "aaa…ab": 2^3000 ways
    /// to fail) is cut short at its time budget; the other rules and files still run, and the
    /// report names the rule and the file.
    func testCatastrophicUserRegexIsCutShortAndNamed() throws {
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write(
            """
            {"id": "evil-backtrack", "category": "hardcoded-credential", "severity": "error", "engine": "pattern",
             "summary": "backtracks", "description": "a user rule with a catastrophic regex", "fix": "none",
             "keywords": ["aaaa"], "pattern": "(a+)+$", "placeholderCheck": false}
            """, to: dir + "/rules/evil-backtrack.json")
        try TestSupport.write(String(repeating: "a", count: 3000) + "b\n", to: dir + "/src/evil.txt")
        try TestSupport.write("T=\"\(Self.token)\"\n", to: dir + "/src/ok.sh")
        let scan = try run(["scan", "src", "--rules", "rules", "--format", "json"], cwd: dir, timeout: 60)
        let report = try json(scan)
        XCTAssertLessThan(scan.seconds, 20, "the rule's 2 s budget bounds the scan")
        XCTAssertEqual(scan.status, 2, "a file not fully checked fails closed")
        XCTAssertEqual(places(report), ["src/ok.sh:github-personal-access-token:1:4"])
        XCTAssertEqual(errors(report).map { "\($0["file"]!):\($0["kind"]!)" }, ["src/evil.txt:ruleTimeout"])
        XCTAssertTrue(errors(report).first?["message"]?.contains("evil-backtrack") == true)
        // The text report says it too.
        let text = try run(["scan", "src", "--rules", "rules"], cwd: dir, timeout: 60)
        XCTAssertTrue(
            text.stdout.contains("src/evil.txt: not fully checked: rule evil-backtrack was cut short"), text.stdout)
        // The same rule does match where it can: it is cut short, not broken.
        try TestSupport.write("aaaa\n", to: dir + "/fine/a.txt")
        XCTAssertEqual(
            places(try json(try run(["scan", "fine", "--rules", "rules", "--format", "json"], cwd: dir, timeout: 30))),
            ["fine/a.txt:evil-backtrack:1:1"])
    }
}
