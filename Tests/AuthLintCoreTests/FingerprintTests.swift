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

/// Fingerprints and baselines must not be an offline oracle for the secrets they stand for.
final class FingerprintTests: XCTestCase {
    static let weakPassword = "Summer2024!"
    static let code = "DB_PASSWORD = \"\(weakPassword)\"\n"
    static let path = "settings.py"

    /// Every hash a reader could compute "the old way" (unsalted SHA-256 of rule, path, matched
    /// text and occurrence) for a list of guesses that includes the real password.
    static func oldStyleGuesses(rules: [String]) -> Set<String> {
        var hashes = Set<String>()
        for guess in ["password", "Winter2023!", weakPassword, "hunter2"] {
            for rule in rules {
                for matched in [guess, "\"\(guess)\"", "DB_PASSWORD = \"\(guess)\""] {
                    for occurrence in 0..<3 {
                        hashes.insert(SHA256.hex([rule, path, matched, String(occurrence)].joined(separator: "\u{0}")))
                    }
                }
            }
        }
        return hashes
    }

    func testWeakPasswordCannotBeConfirmedFromBaselineOrReports() throws {
        let scanner = try TestSupport.builtinScanner()
        let result = scanner.scan(file: SourceFile(path: Self.path, bytes: Array(Self.code.utf8)))
        XCTAssertFalse(result.findings.isEmpty)
        let guesses = Self.oldStyleGuesses(rules: result.findings.map(\.rule))
        let rules = try RuleLoader.builtinRules()
        let outputs = [
            Baseline(findings: result.findings).render(),
            ReportFormat.json.reporter.render(ReportInput(result: result, rules: rules)),
            ReportFormat.sarif.reporter.render(ReportInput(result: result, rules: rules)),
        ]
        for output in outputs {
            for hash in guesses {
                XCTAssertFalse(output.contains(hash), "a guessed password's hash is in:\n\(output.prefix(400))")
            }
        }
    }

    /// Without a secret key the fingerprint carries 12 bits of the secret (so a rotated literal
    /// is still a new finding) and nothing more: two passwords with the same 12-bit tag give the
    /// same fingerprint, so no guess can be confirmed from it, only narrowed 4096-fold.
    func testUnkeyedAndSaltedFingerprintsCarryOnlyATwelveBitTag() throws {
        for key in [FingerprintKey.none, .salt(Array("a-fixed-test-salt".utf8))] {
            var settings = ScanSettings()
            settings.fingerprintKey = key
            let scanner = try TestSupport.builtinScanner(settings: settings)
            func scan(_ password: String) -> [Finding] {
                scanner.scan(file: SourceFile(path: Self.path, bytes: Array("DB_PASSWORD = \"\(password)\"\n".utf8)))
                    .findings
            }
            let real = scan(Self.weakPassword)
            let finding = try XCTUnwrap(real.first)
            XCTAssertEqual(real.count, 1, "\(real.map(\.rule))")
            // The matched text the tag is taken over: find another password with the same tag.
            let target = key.secretTag(finding.rule, Self.weakPassword)
            let twin = try XCTUnwrap(
                (0..<200_000).lazy.map { "Guess\($0)!" }.first { key.secretTag(finding.rule, $0) == target },
                "no twin found")
            XCTAssertEqual(
                scan(twin).map(\.fingerprint), real.map(\.fingerprint),
                "a fingerprint must not tell \(twin) from the real password")
            XCTAssertNotEqual(
                scan("Winter2023!").map(\.fingerprint), real.map(\.fingerprint), "a rotated literal is a new finding")
        }
        // With the CI secret the whole secret may take part.
        var keyed = ScanSettings()
        keyed.fingerprintKey = .secret(Array("ci-secret".utf8))
        let scanner = try TestSupport.builtinScanner(settings: keyed)
        let a = scanner.scan(file: SourceFile(path: Self.path, bytes: Array("DB_PASSWORD = \"Summer2024!\"\n".utf8)))
            .findings.map(\.fingerprint)
        let b = scanner.scan(file: SourceFile(path: Self.path, bytes: Array("DB_PASSWORD = \"Winter2023!\"\n".utf8)))
            .findings.map(\.fingerprint)
        XCTAssertNotEqual(a, b)
    }

    func testFingerprintsStayStableWhenLinesMove() throws {
        for key in [FingerprintKey.none, .salt([1, 2, 3]), .secret([4, 5, 6])] {
            var settings = ScanSettings()
            settings.fingerprintKey = key
            let scanner = try TestSupport.builtinScanner(settings: settings)
            let before = scanner.scan(file: SourceFile(path: Self.path, bytes: Array(Self.code.utf8))).findings.map(
                \.fingerprint)
            let after = scanner.scan(
                file: SourceFile(path: Self.path, bytes: Array(("import os\n\n# settings\n" + Self.code).utf8))
            ).findings.map(\.fingerprint)
            XCTAssertFalse(before.isEmpty)
            XCTAssertEqual(before, after, "\(key)")
        }
    }

    func testHMACMatchesRFC4231AndOpenSSL() throws {
        // RFC 4231 test case 2.
        XCTAssertEqual(
            HMACSHA256.hex(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8)),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        // RFC 4231 test case 6: a key longer than the block is hashed first.
        XCTAssertEqual(
            HMACSHA256.hex(
                key: [UInt8](repeating: 0xAA, count: 131),
                message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
        let openssl = try TestSupport.requireTool("openssl")
        for (key, message) in [
            ("k", ""), ("salt-1234", "hardcoded-secret\u{1}a.py\u{1}x = 1"), (String(repeating: "z", count: 100), "m"),
        ] {
            let run = try TestSupport.run(openssl, ["dgst", "-sha256", "-hmac", key], stdin: message)
            let expected =
                run.stdout.split(separator: " ").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
            XCTAssertEqual(HMACSHA256.hex(key: Array(key.utf8), message: Array(message.utf8)), expected, key)
        }
    }

    func testBaselineKeepsItsSaltAndRefusesUnkeyedBaselines() throws {
        let dir = try TestSupport.temporaryDirectory()
        let path = dir + "/baseline.json"
        let first = Baseline.keyForWriting(to: path, environmentKey: nil)
        guard case .salt(let salt) = first.0 else { return XCTFail("expected a salt") }
        try TestSupport.write(Baseline(findings: [], salt: salt, keying: .salt).render(), to: path)
        let again = Baseline.keyForWriting(to: path, environmentKey: nil)
        XCTAssertEqual(again.0, .salt(salt), "rewriting a baseline must reuse its salt")
        XCTAssertEqual(try Baseline.load(path: path).fingerprintKey(environmentKey: nil, path: path), .salt(salt))
        // Written with the CI secret: reading it without the secret is an error, not silent misses.
        let env = FingerprintKey.secret(Array("ci".utf8))
        try TestSupport.write(Baseline(findings: [], salt: [], keying: .environment).render(), to: path)
        XCTAssertEqual(try Baseline.load(path: path).fingerprintKey(environmentKey: env, path: path), env)
        XCTAssertThrowsError(try Baseline.load(path: path).fingerprintKey(environmentKey: nil, path: path))
        try TestSupport.write(#"{"version": 1, "tool": "authlint", "findings": []}"#, to: path)
        XCTAssertThrowsError(try Baseline.load(path: path)) { error in
            XCTAssertTrue("\(error)".contains("--write-baseline"), "\(error)")
        }
    }

    /// End to end: the CLI writes a salted baseline, a second run matches it, the salt survives a rewrite.
    func testCLIBaselineRoundTrip() throws {
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write(Self.code, to: dir + "/" + Self.path)
        let write = try TestSupport.authlint(["scan", Self.path, "--write-baseline", "b.json"], cwd: dir)
        XCTAssertEqual(write.status, 0, write.stderr)
        let text = try String(contentsOfFile: dir + "/b.json", encoding: .utf8)
        XCTAssertFalse(text.contains(Self.weakPassword))
        let salt = try XCTUnwrap(text.split(separator: "\n").first { $0.contains("\"salt\"") })
        let read = try TestSupport.authlint(["scan", Self.path, "--baseline", "b.json"], cwd: dir)
        XCTAssertEqual(read.status, 0, read.stdout + read.stderr)
        _ = try TestSupport.authlint(["scan", Self.path, "--write-baseline", "b.json"], cwd: dir)
        XCTAssertTrue(try String(contentsOfFile: dir + "/b.json", encoding: .utf8).contains(String(salt)))
    }
}
