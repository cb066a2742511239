import XCTest

@testable import Engine
@testable import Facts
@testable import Lexing
@testable import Model
@testable import Rules

/// `hardcoded-secret` on bare `token`/`key` names, in every syntax form a config or program
/// writes an assignment in, and the near misses those names hold in real code.
final class GenericCredentialFormsTests: XCTestCase {
    /// Random, 32 characters of [a-z0-9]: what a generated API token looks like.
    static let secret = "q7vzk2m9xw4tr8ha3nfb6jc1yd5pe0ls"

    private static let scanner = Result { try TestSupport.builtinScanner() }

    private func genericFindings(_ path: String, _ code: String) throws -> [Finding] {
        let result = try Self.scanner.get().scan(file: SourceFile(path: path, bytes: Array(code.utf8)))
        return result.findings.filter { $0.rule == "hardcoded-secret" }
    }

    private func assertFires(
        _ path: String, _ code: String, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let found = try genericFindings(path, code)
        XCTAssertEqual(found.count, 1, "\(path): \(code)", file: file, line: line)
    }

    private func assertQuiet(_ path: String, _ code: String, file: StaticString = #filePath, line: UInt = #line)
        throws
    {
        let found = try genericFindings(path, code)
        XCTAssertEqual(found.map(\.message), [], "\(path): \(code)", file: file, line: line)
    }

    func testINIAndProperties() throws {
        try assertFires("app.ini", "widgetToken=\"\(Self.secret)\"")
        try assertFires("app.ini", "widgetToken = \(Self.secret)")
        try assertFires("app.properties", "widget.token=\(Self.secret)")
        try assertFires("config.toml", "widget_token = '\(Self.secret)'")
    }

    func testJSONAndEscapedEnvironmentInAString() throws {
        try assertFires("a.json", "{\n  \"widget_token\": \"\(Self.secret)\"\n}")
        try assertFires("a.json", "{\"config.ini\": \"WIDGET_TOKEN=\(Self.secret)\\nDEBUG=true\"}")
    }

    func testXMLElementOverSeveralLinesAndAttribute() throws {
        try assertFires("a.xml", "<widgetToken>\n    \(Self.secret)\n</widgetToken>")
        try assertFires("a.xml", "<setting widgetToken=\"\(Self.secret)\"/>")
    }

    func testYAMLPlainQuotedAndBlockScalars() throws {
        try assertFires("a.yaml", "widget_token: \(Self.secret)")
        try assertFires("a.yaml", "widget_token: '\(Self.secret)'")
        try assertFires("a.yaml", "widget_token: \"\(Self.secret)\"")
        try assertFires("a.yaml", "widget_token: |\n  \(Self.secret)\nnext: 1\n")
        try assertFires("a.yaml", "widget_token: >\n  \(Self.secret)\nnext: 1\n")
    }

    func testTypedDeclarations() throws {
        try assertFires("A.cs", "string widgetToken = \"\(Self.secret)\";")
        try assertFires("A.java", "String widgetToken = \"\(Self.secret)\";")
        try assertFires("A.kt", "var widgetToken = \"\(Self.secret)\"")
    }

    func testGoForms() throws {
        try assertFires("a.go", "var widgetToken string = \"\(Self.secret)\"")
        try assertFires("a.go", "widgetToken := \"\(Self.secret)\"")
        try assertFires("a.go", "widgetToken := `\(Self.secret)`")
    }

    func testPHPForms() throws {
        try assertFires("a.php", "$widgetToken .= \"\(Self.secret)\";")
        try assertFires("a.php", "$widgetToken = '\(Self.secret)';")
        try assertFires("a.php", "$config = ['widget_token' => '\(Self.secret)'];")
    }

    func testPythonAndLogstash() throws {
        try assertFires("a.py", "widgetToken = '\(Self.secret)'")
        try assertFires("pipeline.conf", "  \"widgetToken\" => \"\(Self.secret)\"")
    }

    func testSetterCallsWithTwoLiterals() throws {
        try assertFires("A.java", "System.setProperty(\"WIDGET_TOKEN\", \"\(Self.secret)\");")
        try assertFires("a.go", "os.Setenv(\"WIDGET_TOKEN\", \"\(Self.secret)\")")
        try assertFires("a.php", "putenv(\"WIDGET_TOKEN=\(Self.secret)\");")
        try assertFires("a.js", "config.set(\"widgetToken\", \"\(Self.secret)\");")
    }

    func testMakefileOperators() throws {
        for op in ["=", ":=", "::=", ":::=", "?=", "!="] {
            try assertFires("Makefile", "WIDGET_TOKEN \(op) \"\(Self.secret)\"\n\nall:\n\techo ok\n")
        }
        try assertFires("rules.mk", "export WIDGET_TOKEN := \(Self.secret)")
    }

    func testShellDockerfileAndTerraform() throws {
        try assertFires("deploy.sh", "export WIDGET_TOKEN=\(Self.secret)")
        try assertFires("Dockerfile", "FROM alpine\nENV WIDGET_TOKEN=\(Self.secret)")
        try assertFires("main.tf", "widget_token = \"\(Self.secret)\"")
        try assertFires(".env", "DIGITALOCEAN_TOKEN=\(Self.secret)")
    }

    /// Adjacent literals joined by `+` / `.`: the first literal is still judged.
    func testConcatenationKeepsTheFirstLiteral() throws {
        try assertFires("a.js", "const widgetToken = \"q7vzk2m9xw4tr8ha\" + \"3nfb6jc1yd5pe0ls\";")
        try assertFires("a.php", "$widgetToken = 'q7vzk2m9xw4tr8ha' . '3nfb6jc1yd5pe0ls';")
    }

    func testBareTokenAndKeyNames() throws {
        try assertFires("a.py", "token = '\(Self.secret)'")
        try assertFires("a.js", "const myToken = '\(Self.secret)';")
        try assertFires("a.yaml", "key: \(Self.secret)")
        try assertFires("a.rb", "stripe_key = '\(Self.secret)'")
    }

    /// What bare `token`/`key` names hold in real code when they are not credentials.
    func testNamesAndValuesThatAreNotCredentials() throws {
        try assertQuiet("a.py", "tokenCount = 'q7vzk2m9xw4tr8ha3nfb6jc1'")
        try assertQuiet("a.py", "sortKey = 'q7vzk2m9xw4tr8ha3nfb6jc1'")
        try assertQuiet("a.py", "primaryKey = 'q7vzk2m9xw4tr8ha3nfb6jc1'")
        try assertQuiet("a.py", "foreign_key = 'q7vzk2m9xw4tr8ha3nfb6jc1'")
        try assertQuiet("a.swift", "let keyPath = \"user.profile.displayName2\"")
        try assertQuiet("a.js", "const keyboard = 'q7vzk2m9xw4tr8ha3nfb6jc1';")
        try assertQuiet("a.js", "const monkey = 'q7vzk2m9xw4tr8ha3nfb6jc1';")
        try assertQuiet("a.py", "tokenizer = 'bert-base-uncased-v2'")
        try assertQuiet("a.js", "const nextPageToken = response.nextPageToken;")
        try assertQuiet("a.js", "const csrfToken = document.cookie.match(/csrftoken=(\\w+)/)[1];")
        try assertQuiet("a.js", "const key = 'login.title';")
        try assertQuiet("a.js", "const key = `user:${id}:profile`;")
        try assertQuiet("a.py", "key = 'application/vnd.api+json'")
        try assertQuiet("a.py", "key = 'report-2024-03-01.csv'")
        try assertQuiet("a.py", "key = '2.14.0-beta.3'")
        try assertQuiet("a.py", "key = '550e8400-e29b-41d4-a716-446655440000'")
        try assertQuiet("a.py", "key = 'd41d8cd98f00b204e9800998ecf8427e'")
        try assertQuiet("a.py", "cache_key = 'q7vzk2m9xw4tr8ha3nfb6jc1'")
        try assertQuiet("a.py", "result_key = 'ApplicationSummaryList'")
        try assertQuiet("Info.plist", "<dict>\n  <key>IDEDidComputeMac32BitWarning</key>\n  <true/>\n</dict>")
        try assertQuiet("a.go", "nonMatchingToken := \"p3gkpto8vnnt2feu\"")
        try assertQuiet("a.py", "token = 'short1'")
        try assertQuiet("a.py", "token = os.environ['WIDGET_TOKEN']")
    }

    /// A GitHub/npm token whose CRC32 checksum fails is no provider finding; the generic rule
    /// reports it at warning and says the checksum does not match.
    func testChecksumFailingTokensAreWarnings() throws {
        let valid = "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"
        let failing = String(valid.dropLast()) + "2"
        for code in ["token = '\(failing)'", "GITHUB_TOKEN = '\(failing)'", "auth = '\(failing)'"] {
            let found = try genericFindings("a.py", code)
            XCTAssertEqual(found.count, 1, code)
            XCTAssertEqual(found.first?.severity, .warning, code)
            XCTAssertTrue(found.first?.message.contains("checksum does not match") == true, code)
        }
        XCTAssertEqual(try genericFindings("a.py", "token = '\(valid)'").count, 0, "the provider rule speaks")
    }

    /// A value with a provider's prefix or shape but not the format the provider issues (wrong
    /// length, a non-hex character, ids too short) is reported at warning as likely made up; the
    /// same value in the provider's format is the provider rule's (no generic finding).
    func testMalformedProviderTokensAreWarnings() throws {
        let hex64 = "9d0c4e2b7a5f18366e1d3c9b2a0f4e5d8c7b6a59483726150f1e2d3c4b5a6978"
        let malformed = [
            "sntryu_\(hex64)0",  // 65 hex digits
            "sgp_local_\(String(hex64.prefix(39)))G",  // a G where hex belongs
            "dapi\(String(hex64.prefix(31)))g",
            "xoxb-4821-Kd93jQ2mZp7LxV4c",  // a 4-digit id
            "4821:AAH3kq9ZmT2xV7cLp0Ws8RdY5nB1fJ6gQeU",  // a 4-digit bot id
        ]
        for value in malformed {
            let found = try genericFindings("a.py", "token = '\(value)'")
            XCTAssertEqual(found.count, 1, value)
            XCTAssertEqual(found.first?.severity, .warning, value)
            XCTAssertTrue(found.first?.message.contains("not in the format") == true, value)
        }
        for wellFormed in ["sntryu_\(hex64)", "dapi\(String(hex64.prefix(32)))", "xoxb-48213907-Kd93jQ2mZp7LxV4c"] {
            XCTAssertNil(MalformedProviderToken.provider(ofMalformed: wellFormed), wellFormed)
        }
        XCTAssertNil(MalformedProviderToken.provider(ofMalformed: "xoxb-"), "a bare prefix")
    }

    /// A preposition before the credential word names something related to a credential.
    func testRelatingWordsMakeANameAboutSomethingElse() {
        for name in ["keyVaultToStoreSecrets", "pathForToken", "file_with_password", "KEY_FROM_SECRET"] {
            XCTAssertNil(HardcodedSecretRule.evidence(ofName: name), name)
        }
        for name in ["client_secret", "DB_PASSWORD_PROD", "apiKey", "API_KEY_PROD"] {
            XCTAssertEqual(HardcodedSecretRule.evidence(ofName: name), .strong, name)
        }
    }

    func testPlaceholdersAndPublishedSamples() {
        for value in [
            "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "sk_live_abcdefghijklmnop",
            "tok_q7vzk2m91234567890", "sk_test_qwertyuiop", "[PASSWORD]", "&lt;token&gt;", "********", "•••••",
            "ENC[AES256_GCM,data:q7vzk2m9,iv:abc,tag:def,type:str]", "$ANSIBLE_VAULT;1.1;AES256", "<redacted>",
            "REPLACE_ME", "zzzzzzzzzzzz", "TBD", "none", "my_api_key", "put-your-token", "xoxe.xoxp-1-RANDOMSTRINGHERE",
            "xoxe.xoxp-1-SlackAppConfigurationAccessTokenHere", "null",
        ] {
            XCTAssertTrue(Placeholder.isPlaceholder(value), value)
        }
        for value in [
            Self.secret, "Zk3q9X1ZI9WQyv3yRYWgvJ5JmU9YBOhD7DhpBtTUZEThbBXZ", "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",
            // Short words inside random tokens are chance, not placeholders.
            "FwoGZXIvYXdzEJr7nilK9zTbdQ2NoneHx4Ry8NULLxM3tbdVw", "aiv_Q7vTodo2kMy_x9Rput-4Lz",
        ] {
            XCTAssertFalse(Placeholder.isPlaceholder(value), value)
        }
    }
}
