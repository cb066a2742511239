import XCTest

@testable import Facts
@testable import Lexing
@testable import Model

/// Facts that now compare bytes instead of making Strings must answer as the String versions did.
final class ByteLevelFactsTests: XCTestCase {
    func testHeaderNameTestMatchesTheLowercasedSetLookup() {
        let kelvin = "api\u{212A}ey"  // KELVIN SIGN lower-cases to ASCII `k`
        let names = [
            "Authorization", "X-API-KEY", "apiKey", "appkey", "Ocp-Apim-Subscription-Key", "authorizationx", "auth",
            "", "x-api-key ", "PROXY-authorization", kelvin, "Authorizätion", "token",
        ]
        for name in names {
            XCTAssertEqual(
                CredentialNames.isHeaderName(name), CredentialNames.headers.contains(name.lowercased()), name)
        }
        XCTAssertTrue(CredentialNames.isHeaderName(kelvin))
        XCTAssertTrue(CredentialNames.isHeaderName("X-Api-Key"))
        XCTAssertFalse(CredentialNames.isHeaderName("X-Api-Keys"))
    }

    /// The operator test runs on the first byte before the operator's text is made: every
    /// operator form still binds as before (quirks included: a declared type binds too), and
    /// other punctuation after a name does not.
    func testBindingOperatorsAfterTheFirstByteTest() {
        func bindings(_ path: String, _ code: String) -> [String] {
            let file = SourceFile(path: path, bytes: Array(code.utf8))
            let facts = FileFacts(file: file, tokens: LexerRegistry.tokenize(file))
            return facts.bindings.map { "\(facts.string($0.nameText))=\(facts.string($0.valueText))" }
        }
        XCTAssertEqual(bindings("a.go", #"a := "x"; var b string = "y""#), ["a=x", "b=y", "string=y"])
        XCTAssertEqual(bindings("a.rb", #"h = { 'k' => "v" }; f(c, "z")"#), ["h={", "k=v"])
        XCTAssertEqual(bindings("a.php", #"$d .= "w"; $e->f("u");"#), ["$d=w"])
        XCTAssertEqual(bindings("a.swift", #"let f: String = "t"; g("n"); h, i"#), ["f=t", "String=t"])
        XCTAssertEqual(bindings("a.rs", #"const K: &'static str = "s";"#), ["K=s", "str=s"])
    }
}
