import XCTest

@testable import Engine
@testable import Facts
@testable import Lexing
@testable import Model
@testable import Prefilter
@testable import Rules

/// `credential-in-log` declines a file before lexing unless a logging word is near a keyword
/// hit; every callee `LoggingCalls` recognises must contain one of those words, or the gate
/// would hide the rule's findings (it once missed `alert`, `var_export`, `Trace.TraceError`,
/// `winston.error`, Rust's `dbg!`).
final class LoggingGateTests: XCTestCase {
    private func passesGate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return CredentialInLogRule.hasLoggingWord(bytes, 0, bytes.count)
    }

    func testGateWordsCoverEveryLoggingCallee() {
        var callees = LoggingCalls.exact.union(LoggingCalls.goStreamPrinters).union(LoggingCalls.powerShellWriters)
        for (dialect, names) in LoggingCalls.exactByDialect where dialect != .ruby { callees.formUnion(names) }
        for name in callees.sorted() {
            // Rust's bare macros are written with `!`.
            let written =
                LoggingCalls.exactByDialect[.rust]?.contains(name) == true && !name.contains(".")
                ? name + "!(x)" : name + "(x)"
            XCTAssertTrue(passesGate(written), "the gate would decline a file logging with \(written)")
        }
        for receiver in LoggingCalls.receivers.sorted() {
            for method in LoggingCalls.levelMethods.sorted() {
                XCTAssertTrue(passesGate("\(receiver).\(method)(x)"), "\(receiver).\(method)")
            }
        }
        // Chained level calls: `log.WithField(…).Error(…)`, `zap.L().Fatal(…)`, `Timber.tag(…).e(…)`.
        for chain in [
            "log.WithField(\"k\", v).e(x)", "WithContext(ctx).Error(x)", "zap.L().Fatal(x)", "x.logger().d(x)",
        ] {
            XCTAssertTrue(passesGate(chain), chain)
        }
    }

    func testGateDeclinesCodeThatLogsNothing() {
        for text in [
            "token = request.headers['Authorization']\nreturn token",
            "with open(path) as f:\n    secret = f.read()",
            "let header = makeHeader(token: token)",
        ] {
            XCTAssertFalse(passesGate(text), text)
        }
    }

    /// `with` counts only as the start of a name called at once (`isChainedLogging` takes
    /// `X(…).level(…)` where `X` starts with `With` or `with`); the facts are the oracle.
    func testWithGateFollowsChainedLogging() throws {
        // Level methods no other gate word covers: the chain itself must let the file in.
        let levels = LoggingCalls.levelMethods.sorted().filter { !passesGate("x.\($0)(y)") }
        XCTAssertTrue(levels.contains("Error"))
        let spacings = ["", " ", "\n  ", " /* c */ "]
        var logged = 0
        for inner in ["with", "With", "withField", "WithContext", "withTag", "within", "Without", "WITH", "wITH"] {
            for (n, level) in levels.enumerated() {
                let spacing = spacings[n % spacings.count]
                let code = "x = a.\(inner)\(spacing)(ctx).\(level)(token)\n"
                let file = SourceFile(path: "a.go", bytes: Array(code.utf8))
                let facts = FileFacts(file: file, tokens: LexerRegistry.tokenize(file))
                if !facts.loggingCalls.isEmpty {
                    logged += 1
                    XCTAssertTrue(passesGate(code), "the gate declines a file logging with \(code)")
                }
            }
        }
        XCTAssertGreaterThan(logged, levels.count * 5, "the facts should see most of these chains as logging")
        XCTAssertTrue(passesGate("with(ctx).Error(token)"), "`with` alone is a name starting with `with`")
    }

    func testWithGateDeclinesWithThatCallsNothing() {
        for text in [
            "axios.get(u, { withCredentials: true, headers: { token } })", "if s.startsWith(token) {",
            "within 5 seconds the token expires", "WITHOUT ROWID token", "with open(token_path) as f:",
            "x.endsWithAny(token)",
        ] {
            XCTAssertFalse(passesGate(text), text)
        }
    }

    func testRubyFilesAreNotGatedOnWords() throws {
        let rule = try XCTUnwrap(try RuleLoader.builtinRules().first { $0.id == "credential-in-log" })
        let text = "token = ENV.fetch('API_TOKEN')\np token\n"
        let file = SourceFile(path: "app.rb", bytes: Array(text.utf8))
        let hits = KeywordPrefilter(keywords: rule.keywords.map { $0.lowercased() }).scan(file.bytes)
        let context = FileContext(file: file, settings: ScanSettings(), hitsByRule: [rule.id: hits])
        XCTAssertFalse(passesGate(text))
        XCTAssertTrue(CredentialInLogRule().wantsFile(context, rule))
        XCTAssertFalse(CredentialInLogRule().check(context, rule).isEmpty, "ruby's `p token` is a logged credential")
    }
}
