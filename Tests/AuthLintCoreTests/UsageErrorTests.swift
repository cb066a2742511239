import Foundation
import XCTest

@testable import CLI
@testable import Model
@testable import Support

/// Usage errors are one line plus where help is, with a suggestion for a near-miss; `version`
/// and `help` are commands.
final class UsageErrorTests: XCTestCase {
    /// Exit 2, nothing on stdout, and stderr exactly `authlint: MESSAGE` + the help pointer.
    func assertUsageError(
        _ args: [String], cwd: String? = nil, _ message: String, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let run = try TestSupport.authlint(args, cwd: cwd)
        XCTAssertEqual(run.status, 2, "\(args): \(run.stderr)", file: file, line: line)
        XCTAssertEqual(run.stdout, "", "\(args)", file: file, line: line)
        XCTAssertEqual(run.stderr, "authlint: \(message)\nsee 'authlint --help'\n", "\(args)", file: file, line: line)
    }

    func testUnknownOptionsAndCommandsSuggestTheNearest() throws {
        let dir = try TestSupport.temporaryDirectory()
        try assertUsageError(["scan", "--formt", "json"], "unknown option '--formt' (did you mean '--format'?)")
        try assertUsageError(["--verbos", "."], "unknown option '--verbos' (did you mean '--verbose'?)")
        try assertUsageError(["scan", "--zzzzzzzz"], "unknown option '--zzzzzzzz'")
        try assertUsageError(["scna"], cwd: dir, "unknown command 'scna' (did you mean 'scan'?)")
        try assertUsageError(["expalin", "x"], cwd: dir, "unknown command 'expalin' (did you mean 'explain'?)")
        try assertUsageError(["rules", "--formt", "json"], "unknown option '--formt' (did you mean '--format'?)")
        // A path named like a command typo is still scanned as a path.
        try TestSupport.write("x = 1\n", to: dir + "/scna")
        XCTAssertEqual(try TestSupport.authlint(["scna"], cwd: dir).status, 0)
        // No suggestion when nothing is near: the missing path is named.
        try assertUsageError(["qqqqqqqq"], cwd: dir, "no such file or directory: qqqqqqqq")
    }

    func testUnknownRuleIdsSuggestTheNearest() throws {
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write("x = 1\n", to: dir + "/a.py")
        let hint = "(did you mean 'hardcoded-appkey'? see `authlint rules`)"
        try assertUsageError(["explain", "hardcoded-apkey"], "unknown rule id 'hardcoded-apkey' \(hint)")
        try assertUsageError(["scan", "--enable", "hardcoded-apkey", dir], "unknown rule id 'hardcoded-apkey' \(hint)")
        try assertUsageError(
            ["scan", "--disable", "insecure-http-url,hardcoded-appky", dir],
            "unknown rule id 'hardcoded-appky' \(hint)")
        try assertUsageError(
            ["explain", "zzzz-qqqq-wwww"], "unknown rule id 'zzzz-qqqq-wwww' (see `authlint rules`)")
    }

    /// A config's unknown rule id: file:line:col of the entry, and the suggestion.
    func testConfigRuleIdTypoNamesPositionAndSuggestion() throws {
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write("x = 1\n", to: dir + "/a.py")
        try TestSupport.write(
            "{\n  \"rules\": {\n    \"insecure-http-url\": \"note\",\n    \"hardcoded-apkey\": \"off\"\n  }\n}\n",
            to: dir + "/.authlint.json")
        let run = try TestSupport.authlint(["scan", "."], cwd: dir)
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(
            run.stderr.contains(
                ".authlint.json:4:24: unknown rule id 'hardcoded-apkey' in 'rules' (did you mean 'hardcoded-appkey'? see `authlint rules`)"
            ), run.stderr)
        XCTAssertFalse(run.stderr.contains("usage:"), run.stderr)
    }

    func testVersionAndHelpAreCommands() throws {
        let version = try TestSupport.authlint(["version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertEqual(version.stdout, "authlint \(AuthLint.version)\n")
        XCTAssertEqual(try TestSupport.authlint(["--version"]).stdout, version.stdout)
        let help = try TestSupport.authlint(["help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertEqual(help.stdout, CommandLineInterface.usage + "\n")
        XCTAssertEqual(try TestSupport.authlint(["--help"]).stdout, help.stdout)
        XCTAssertTrue(help.stdout.contains("\nauthlint version | --version"), help.stdout)
        try assertUsageError(["version", "x"], "`version` takes no arguments")
    }

    func testSuggestionDistanceAndLimits() {
        XCTAssertEqual(Suggestion.editDistance("scan", "scan"), 0)
        XCTAssertEqual(Suggestion.editDistance("sacn", "scan"), 1, "a transposition is one edit")
        XCTAssertEqual(Suggestion.editDistance("kitten", "sitting"), 3)
        XCTAssertEqual(Suggestion.editDistance("", "abc"), 3)
        XCTAssertEqual(Suggestion.closest(to: "scna", among: ["rules", "scan"]), "scan")
        XCTAssertNil(Suggestion.closest(to: "x", among: ["lsp", "scan"]), "one letter suggests nothing")
        XCTAssertNil(Suggestion.closest(to: "frobnicate", among: ["--format"]))
    }
}
