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

/// The pieces of the TLS / credentials-over-http rules that the rule examples exercise only
/// indirectly: curl flag parsing, connection-string parsing, command splitting, test paths.
final class InsecureTransportTests: XCTestCase {
    func testCurlShortOptionClusters() {
        for word in ["-k", "-sk", "-sSk", "-fsSLk", "-kL"] {
            XCTAssertTrue(TlsVerificationDisabledRule.curlShortOptionsContainK(word), word)
        }
        // `-ok`: k is the output file name; `-Hk`: the header; `-K`: a config file; long options.
        for word in ["-ok", "-Hk", "-K", "--insecure", "-", "k", "-sS", "-uk:pass"] {
            XCTAssertFalse(TlsVerificationDisabledRule.curlShortOptionsContainK(word), word)
        }
    }

    func testConnectionStringParameters() {
        func parse(_ s: String) -> String?? { SslDisabledConnectionRule.disabledParameter(in: s).map { $0.1 } }
        XCTAssertEqual(parse("postgres://app:pw@db.acme.io:5432/app?sslmode=disable"), .some("db.acme.io"))
        XCTAssertEqual(
            parse("jdbc:mysql://mysql.acme.io:3306/app?useSSL=false&serverTimezone=UTC"), .some("mysql.acme.io"))
        XCTAssertEqual(parse("host=db.acme.io user=app sslmode=disable"), .some("db.acme.io"))
        XCTAssertEqual(parse("Server=tcp:sql.acme.io,1433;Database=app;Encrypt=False"), .some("sql.acme.io"))
        XCTAssertEqual(parse("mongodb://[::1]:27017/app?ssl=false"), .some("[::1]"))
        // TLS on, opportunistic, or no connection string at all.
        XCTAssertTrue(parse("postgres://app@db.acme.io/app?sslmode=verify-full") == nil)
        XCTAssertTrue(parse("postgres://app@db.acme.io/app?sslmode=prefer") == nil)
        XCTAssertTrue(parse("--ssl=false --verbose") == nil)
    }

    func testShellCommandsSplitContinuedLinesAndCISteps() {
        let shell = SourceFile(
            path: "a.sh",
            bytes: Array("curl -sS \\\n  -u \"$ID:$SECRET\" \\\n  http://api.acme.io/x && wget -q y\n".utf8))
        let commands = FileFacts(file: shell, tokens: LexerRegistry.tokenize(shell)).shellCommands
        XCTAssertEqual(commands.map(\.program), ["curl", "wget"])
        XCTAssertEqual(commands.first?.words.map(\.text), ["curl", "-sS", "-u", "$ID:$SECRET", "http://api.acme.io/x"])

        let yaml = SourceFile(
            path: "ci.yml", bytes: Array("steps:\n  - run: curl -sk https://x.acme.io/hook | sh\n".utf8))
        let steps = FileFacts(file: yaml, tokens: LexerRegistry.tokenize(yaml)).shellCommands
        // YAML strings give the commands of the HTTP clients only (`yamlCommandPrograms`), not `sh`.
        XCTAssertEqual(steps.map(\.program), ["curl"])
        XCTAssertEqual(steps.first?.words.map(\.text), ["curl", "-sk", "https://x.acme.io/hook"])
        // Word ranges point at the bytes of the word.
        if let word = steps.first?.words[1] { XCTAssertEqual(yaml.text(word.range), "-sk") }
    }

    func testCredentialsOverHTTPNamesTheURLAndTestCodeIsAWarning() throws {
        let scanner = try TestSupport.builtinScanner()
        let code =
            "const r = await fetch(\n  'http://api.reeflow.com/connections',\n  { headers: { Authorization: `Basic ${c}` } });"
        let app = scanner.scan(file: SourceFile(path: "src/client.js", bytes: Array(code.utf8))).findings.filter {
            $0.rule == "credentials-over-http"
        }
        XCTAssertEqual(app.map(\.line), [3])
        XCTAssertEqual(app.first?.severity, .error)
        XCTAssertTrue(app.first?.message.contains("http://api.reeflow.com:") ?? false, app.first?.message ?? "")
        XCTAssertEqual(app.first?.related.map(\.line), [2], "the URL's line is a related location")
        let test = scanner.scan(file: SourceFile(path: "test/client.test.js", bytes: Array(code.utf8))).findings.filter
        { $0.rule == "credentials-over-http" }
        XCTAssertEqual(test.first?.severity, .warning)
    }

    func testAllowedHostsExemptCredentialsOverHTTP() throws {
        var settings = ScanSettings()
        settings.allowedHosts = ["*.corp.acme.io"]
        let scanner = try TestSupport.builtinScanner(settings: settings)
        let code = "curl -u \"$ID:$SECRET\" http://reports.corp.acme.io/daily"
        XCTAssertFalse(
            scanner.scan(file: SourceFile(path: "a.sh", bytes: Array(code.utf8))).findings.contains {
                $0.rule == "credentials-over-http"
            })
        let other = "curl -u \"$ID:$SECRET\" http://reports.acme.io/daily"
        XCTAssertTrue(
            scanner.scan(file: SourceFile(path: "a.sh", bytes: Array(other.utf8))).findings.contains {
                $0.rule == "credentials-over-http"
            })
    }

    /// insecure-http-url is listed as a warning; where it raises a host to error, the finding and
    /// the rule's texts say why (a known API host that takes credentials) and name the APIs.
    func testInsecureHttpUrlSaysWhyAnAPIHostIsAnError() throws {
        var settings = ScanSettings()
        settings.apiHosts = ["billing.acme.io"]
        let scanner = try TestSupport.builtinScanner(settings: settings)
        func finding(_ url: String) -> Finding? {
            let code = "const r = await fetch('\(url)');"
            return scanner.scan(file: SourceFile(path: "src/client.js", bytes: Array(code.utf8))).findings.first {
                $0.rule == "insecure-http-url"
            }
        }
        for host in ["api.re-port-flow.com", "api.reeflow.com", "billing.acme.io"] {
            let api = try XCTUnwrap(finding("http://\(host)/v1/x"), host)
            XCTAssertEqual(api.severity, .error, host)
            XCTAssertTrue(
                api.message.contains("\(host): an error because it is a known API host that takes credentials"),
                api.message)
        }
        let other = try XCTUnwrap(finding("http://downloads.acme.io/x"))
        XCTAssertEqual(other.severity, .warning)
        XCTAssertFalse(other.message.contains("API host"), other.message)

        let rule = try XCTUnwrap(try RuleLoader.builtinRules().first { $0.id == "insecure-http-url" })
        XCTAssertEqual(rule.severity, .warning)
        XCTAssertTrue(rule.summary.contains("an error for API hosts that take credentials"), rule.summary)
        for words in [
            "the Report Flow API (`api.re-port-flow.com`)", "the Reeflow API (`api.reeflow.com`)", "`apiHosts`",
        ] {
            XCTAssertTrue(rule.description.contains(words), words)
        }
        // The catalog speaks of the APIs by name, never of "seed" documents.
        for rule in try RuleLoader.builtinRules() {
            for text in [rule.summary, rule.description, rule.fix] + rule.messages.values.map(\.text) {
                for phrase in ["seed api", "both seeds", "the seeds", "seed's"] {
                    XCTAssertFalse(text.lowercased().contains(phrase), "\(rule.id): '\(phrase)'")
                }
            }
        }
    }
}
