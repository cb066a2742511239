import XCTest

@testable import Engine
@testable import Model
@testable import Rules

/// Values a provider rule must not report although its pattern matches: keys published as
/// samples, and bodies whose structure (letter case, length) no issued credential has.
final class ProviderRejectTests: XCTestCase {
    private static let scanner = Result { try TestSupport.builtinScanner() }

    private func findings(_ path: String, _ code: String) throws -> [Finding] {
        try Self.scanner.get().scan(file: SourceFile(path: path, bytes: Array(code.utf8))).findings
    }

    /// Every listed key is an `AIza` key the rule would otherwise report (so no entry is dead),
    /// and no rule reports it; the same key with its last character changed is reported again.
    func testPublishedGoogleSampleKeysAreNoFindings() throws {
        XCTAssertGreaterThan(PublishedSamples.googleAPIKeys.count, 10)
        for key in PublishedSamples.googleAPIKeys.sorted() {
            XCTAssertEqual(key.utf8.count, 39, key)
            XCTAssertTrue(SecretValidators.named("google-api-key")?(key[...]) == true, key)
            XCTAssertTrue(Placeholder.isPlaceholder(key), key)
            for code in ["apiKey = \"\(key)\"", "token = \"\(key)\""] {
                XCTAssertEqual(try findings("config.py", code).map(\.rule), [], code)
            }
        }
        let published = "AIzaSyAzlj4APqi5S58nFtE52Da0fYBOHA2MhaY"  // firebase/quickstart-ios samples
        let altered = String(published.dropLast()) + "Z"
        XCTAssertFalse(Placeholder.isPlaceholder(altered))
        XCTAssertEqual(try findings("config.py", "apiKey = \"\(altered)\"").map(\.rule), ["google-api-key"])
        XCTAssertEqual(try findings("config.py", "apiKey = \"\(published)\"").map(\.rule), [])
    }

    /// A real key body is random base64url: both letter cases occur. Upper- or lower-cased
    /// copies, and `AIza` keys of the wrong length, are malformed (a generic warning under a
    /// credential name), not `google-api-key` findings.
    func testGoogleKeysInOneLetterCaseOrOfTheWrongLengthAreMalformed() throws {
        let body = "q71xK9w2mVd8r4Tn6bZ3hc5Jy0fPl_e7gsu"
        let check = try XCTUnwrap(SecretValidators.named("google-api-key"))
        XCTAssertTrue(check("AIza\(body)"[...]))
        XCTAssertFalse(check("AIza\(body.lowercased())"[...]))
        XCTAssertFalse(check("AIza\(body.uppercased())"[...]))
        for value in ["AIza\(body.uppercased())", "AIZA\(body.uppercased())", "AIza\(body)x7Q2m9k"] {
            XCTAssertEqual(MalformedProviderToken.provider(ofMalformed: value), "Google", value)
            let found = try findings("keys.py", "token = \"\(value)\"")
            XCTAssertEqual(found.map(\.rule), ["hardcoded-secret"], value)
            XCTAssertEqual(found.first?.severity, .warning, value)
        }
        XCTAssertNil(MalformedProviderToken.provider(ofMalformed: "AIza\(body)"))
        XCTAssertEqual(try findings("keys.py", "token = \"AIza\(body)\"").map(\.rule), ["google-api-key"])
    }

    /// The ClearTextPassword samples of NuGet's nuget.config reference are no finding in a
    /// NuGet.Config; the same value one character off is.
    func testDocumentedNuGetSamplePasswordsAreNoFindings() throws {
        XCTAssertFalse(PublishedSamples.documentationPasswords.isEmpty)
        for password in PublishedSamples.documentationPasswords.sorted() {
            let entry = "<add key=\"ClearTextPassword\" value=\"\(password)\" />"
            XCTAssertEqual(try findings("NuGet.Config", entry).map(\.rule), [], password)
            let altered = "<add key=\"ClearTextPassword\" value=\"\(password)7\" />"
            XCTAssertEqual(try findings("NuGet.Config", altered).map(\.rule), ["nuget-config-password"], password)
        }
    }

    /// The alphabet typed with a skipped letter, maybe then counted digits, stands in for a value.
    func testAlphabetSequencesArePlaceholders() throws {
        for value in ["BcDeGH4567", "acegik", "MnOpRs12", "abdeghjk"] {
            XCTAssertTrue(Placeholder.isPlaceholder(value), value)
        }
        for value in ["BcDeGH4571", "Qm7xK2pL9", "abcz1234", "bdfhk9", "acegi0x"] {
            XCTAssertFalse(Placeholder.isAlphabetSequence(value.lowercased()), value)
        }
        XCTAssertEqual(try findings("settings.yaml", "ACME_ACCESS_KEY: BcDeGH4567").map(\.rule), [])
        XCTAssertEqual(
            try findings("settings.yaml", "ACME_ACCESS_KEY: Qm7xK2pL9wR4tZ8vN3bF6hJ1").map(\.rule), ["hardcoded-secret"]
        )
    }
}
