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

/// What the generated `<PascalCaseId>RuleTests` classes run: every example of one rule, scanned
/// in process. A fire example must give exactly `count` findings of its rule (default 1), the
/// first starting where its `at` text first occurs; an `authlint:ignore <rule>` comment on the
/// finding's line must suppress it; and no report format may show a secret the finding masks.
/// A pass example must give no finding of its rule.
enum RuleExampleHarness {
    /// Loaded once per test process: the catalog with examples and the two scanners.
    struct Catalog: Sendable {
        let rules: [RuleDefinition]
        let scanner: ScanEngine
        /// The same rules with `--show-secrets`: the difference to `scanner`'s snippets is the secret.
        let revealing: ScanEngine
    }

    static let catalog: Result<Catalog, any Error> = Result {
        let rules = try RuleLoader.builtinRules()
        // Every example counts as a file git would publish, whether or not the checkout is a work tree.
        var settings = ScanSettings()
        settings.repository = FixedRepositoryStatus(keptOut: [])
        var reveal = settings
        reveal.showSecrets = true
        return Catalog(
            rules: rules, scanner: try ScanEngine(rules: rules, settings: settings),
            revealing: try ScanEngine(rules: rules, settings: reveal))
    }

    static func rule(_ id: String) throws -> (RuleDefinition, Catalog) {
        let catalog = try catalog.get()
        guard let rule = catalog.rules.first(where: { $0.id == id }) else {
            throw XCTSkip("no rules/\(id).json: regenerate the rule tests (RuleTestGenerationTests)")
        }
        return (rule, catalog)
    }

    static func checkFireExamples(of id: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let (rule, catalog) = try rule(id)
        XCTAssertFalse(rule.fireExamples.isEmpty, "\(id) has no fire examples", file: file, line: line)
        for (index, example) in rule.fireExamples.enumerated() {
            scanCutShort(example, catalog)
            let problems = fireProblems(rule, example, catalog)
            for problem in problems {
                XCTFail(
                    "\(id) fire example \(index + 1) (\(example.file)): \(problem)\n\(example.code)", file: file,
                    line: line)
            }
        }
    }

    static func checkPassExamples(of id: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let (rule, catalog) = try rule(id)
        XCTAssertFalse(rule.passExamples.isEmpty, "\(id) has no pass examples", file: file, line: line)
        for (index, example) in rule.passExamples.enumerated() {
            scanCutShort(example, catalog)
            let hits = reported(catalog.scanner.scan(file: source(example)), by: rule)
            XCTAssertTrue(
                hits.isEmpty,
                "\(id) fired on pass example \(index + 1) (\(example.file)) at \(hits.map { "\($0.line):\($0.column)" }):\n\(example.code)",
                file: file, line: line)
        }
    }

    /// `AUTHLINT_TRACE_EXAMPLES=1`: print each cut-short variant before scanning it (read once).
    static let traceExamples = ProcessInfo.processInfo.environment["AUTHLINT_TRACE_EXAMPLES"] != nil

    /// Files being edited are cut short: the example ending right after an opening bracket or
    /// quote, and followed by a call left open at the end of the file (`f(` as the last token
    /// trapped in a header fact). A trap here fails the whole test run, naming no example, so
    /// the example is printed first when the environment asks (`AUTHLINT_TRACE_EXAMPLES=1`).
    static func scanCutShort(_ example: RuleDefinition.Example, _ catalog: Catalog) {
        let code = Array(example.code.utf8)
        var variants = [example.code + "\nclient = api.connect(", example.code + "\nheaders = {"]
        let openers: Set<UInt8> = [0x28, 0x7B, 0x5B, 0x22, 0x27, 0x3C]  // ( { [ " ' <
        if let cut = code.firstIndex(where: { openers.contains($0) }) {
            variants.append(String(decoding: code[...cut], as: UTF8.self))
        }
        for variant in variants {
            if traceExamples { print(example.file, variant) }
            _ = catalog.scanner.scan(file: source(example, code: variant))
        }
    }

    static func source(_ example: RuleDefinition.Example, code: String? = nil) -> SourceFile {
        SourceFile(path: example.file, bytes: Array((code ?? example.code).utf8))
    }

    /// Everything wrong with one fire example (empty when it behaves).
    static func fireProblems(_ rule: RuleDefinition, _ example: RuleDefinition.Example, _ catalog: Catalog) -> [String]
    {
        let file = source(example)
        let result = catalog.scanner.scan(file: file)
        let hits = reported(result, by: rule)
        guard !hits.isEmpty else { return ["no finding of the rule"] }
        var problems: [String] = []
        if hits.count != example.count {
            problems.append(
                "\(hits.count) findings (at \(hits.map { "\($0.line):\($0.column)" })), expected \(example.count)")
        }
        if let at = example.at {
            let expected = position(of: at, occurrence: example.occurrence, in: example.code, file: file)
            if hits[0].line != expected.line || hits[0].column != expected.column {
                problems.append(
                    "first finding at \(hits[0].line):\(hits[0].column), expected \(expected.line):\(expected.column) (\"\(at)\" #\(example.occurrence))"
                )
            }
        } else {
            problems.append("no \"at\" marker: add the text its finding starts at")
        }
        // A note about a directive is not itself suppressed by one, and quotes no secret.
        guard rule.engine != .builtin else { return problems }
        problems += suppressionProblems(rule, example, hits: hits, catalog: catalog)
        problems += leakProblems(result, example, rule: rule, catalog: catalog)
        return problems
    }

    /// The rule's findings; the scan's own notes (`unused-suppression`) are reported apart.
    static func reported(_ result: ScanResult, by rule: RuleDefinition) -> [Finding] {
        (rule.engine == .builtin ? result.unusedSuppressions : result.findings).filter { $0.rule == rule.id }
    }

    /// Line and column (Unicode scalars, as findings count them) of the `occurrence`-th `text`
    /// (occurrences may overlap); (0, 0) when there are fewer.
    static func position(of text: String, occurrence: Int, in code: String, file: SourceFile) -> (
        line: Int, column: Int
    ) {
        var from = code.startIndex
        for n in 1... {
            guard let range = code.range(of: text, range: from..<code.endIndex) else { return (0, 0) }
            if n == occurrence {
                return file.position(at: code.utf8.distance(from: code.utf8.startIndex, to: range.lowerBound))
            }
            from = code.index(after: range.lowerBound)
        }
        return (0, 0)
    }

    /// The directive, in the file's own comment syntax, on every line a finding starts on:
    /// the findings must move to `suppressed`, none may remain on those lines. Where a trailing
    /// comment is not allowed (.env, INI) or changes what the rule sees (inside a PEM block, between
    /// a plist key and its value), `authlint:ignore-next-line` on the line above says the same.
    static func suppressionProblems(
        _ rule: RuleDefinition, _ example: RuleDefinition.Example, hits: [Finding],
        catalog: Catalog
    ) -> [String] {
        let file = source(example)
        let lines = Set(hits.map(\.line))
        let expectedLeft = hits.count - hits.count(where: { lines.contains($0.line) })
        let syntax = file.language.commentSyntax(dialect: file.dialect)
        var attempts: [String] = []
        for trailing in [true, false] where trailing == (syntax?.trailingAllowed ?? true) || !trailing {
            var text = file.lineStarts.indices.map { file.lineText($0 + 1) }
            let comment = syntax ?? CommentSyntax(prefix: "//", suffix: "", trailingAllowed: true)
            for line in lines.sorted(by: >) {
                if trailing {
                    text[line - 1] += " " + comment.wrap("authlint:ignore " + rule.id)
                } else {
                    text.insert(comment.wrap("authlint:ignore-next-line " + rule.id), at: line - 1)
                }
            }
            let result = catalog.scanner.scan(file: source(example, code: text.joined(separator: "\n")))
            let left = result.findings.filter { $0.rule == rule.id }
            let silenced = result.suppressed.filter { $0.rule == rule.id }
            if left.count == expectedLeft && silenced.count == hits.count - expectedLeft { return [] }
            attempts.append(
                "with `authlint:ignore\(trailing ? "" : "-next-line") \(rule.id)`: \(silenced.count) of \(hits.count) suppressed, \(left.count) still reported"
            )
        }
        return attempts
    }

    /// Every format's report of the example must not contain any secret the redacted snippets
    /// mask, more often than the same format's report of no findings (SARIF carries the rule
    /// descriptions, which quote the seed APIs' sample keys).
    static func leakProblems(
        _ result: ScanResult, _ example: RuleDefinition.Example, rule: RuleDefinition,
        catalog: Catalog
    ) -> [String] {
        let revealed = catalog.revealing.scan(file: source(example)).findings
        guard revealed.count == result.findings.count else { return ["--show-secrets changed the findings"] }
        let secrets = zip(result.findings, revealed).flatMap { maskedTexts(redacted: $0.snippet, revealed: $1.snippet) }
            .filter { !isHeaderNameTail($0) }
        var problems: [String] = []
        // A hardcoded credential's own finding masks it (a PEM finding shows its header line only).
        if rule.category == .hardcodedCredential && !rule.secretless {
            // A finding from a name to a value on a later line (`<apiToken>` / value / `</apiToken>`,
            // YAML `key: |`) shows its first line, where there is no secret to mask.
            for (shown, full) in zip(result.findings, revealed)
            where shown.rule == rule.id && shown.endLine == shown.line {
                // Masked in both (a credential header's value is scrubbed whatever the rule), or cut
                // off before the secret (a long URL whose signature is past the snippet's end).
                if maskedTexts(redacted: shown.snippet, revealed: full.snippet).isEmpty
                    && !shown.snippet.hasPrefix("-----BEGIN ") && !full.snippet.contains(Redaction.marker)
                    && !full.snippet.hasSuffix("…")
                {
                    problems.append(
                        "finding at \(shown.line):\(shown.column) masks nothing: \(shown.snippet) (revealed: \(full.snippet))"
                    )
                }
            }
        }
        // Rendered with the rules that reported, not all 400: SARIF lists every rule it is handed
        // with its description, and rendering and searching that per example was most of the suite.
        let used = Set(result.findings.map(\.rule))
        let rules = catalog.rules.filter { used.contains($0.id) }
        let input = ReportInput(result: result, rules: rules)
        let documentationInput = ReportInput(result: TestSupport.withoutFindingTexts(result), rules: rules)
        for format in ReportFormat.allCases {
            let report = format.reporter.render(input)
            let docs = format.reporter.render(documentationInput)  // the rules' texts may quote a prefix
            for secret in secrets where occurrences(of: secret, in: report) > occurrences(of: secret, in: docs) {
                problems.append("the \(format.rawValue) report shows the masked secret \"\(secret.prefix(4))…\"")
            }
        }
        return problems
    }

    static func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// The header scrubber also masks the tail of a credential header's *name* (`"X-API-Key",
    /// "value": …` shows as `"X-…[redacted]"`): over-masking, not a secret, and the name is in the message.
    static func isHeaderNameTail(_ masked: String) -> Bool {
        let name = masked.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "\"'`:= "))
        return CredentialNames.headers.contains { $0.count > name.count && $0.hasSuffix(name) }
    }

    /// The parts of `revealed` that `redacted` replaces with `Redaction.marker`: the secret
    /// minus the prefix redaction keeps. Parts under 4 characters are dropped (no evidence).
    static func maskedTexts(redacted: String, revealed: String) -> [String] {
        // The scrubber re-masks an already redacted value as `…[redacted][redacted]`: one run.
        var redacted = redacted
        while redacted.contains(Redaction.marker + "[redacted]") {
            redacted = redacted.replacingOccurrences(of: Redaction.marker + "[redacted]", with: Redaction.marker)
        }
        let parts = redacted.components(separatedBy: Redaction.marker)
        guard parts.count > 1, revealed.hasPrefix(parts[0]) else { return [] }
        var masked: [String] = []
        var rest = revealed.dropFirst(parts[0].count)
        for (i, part) in parts.enumerated().dropFirst() {
            let end: String.Index
            if part.isEmpty {
                guard i == parts.count - 1 else { continue }  // two markers in a row: one run
                end = rest.endIndex
            } else {
                guard let found = rest.range(of: part) else { break }
                end = found.lowerBound
            }
            let secret = String(rest[..<end])
            if secret.count >= 4 { masked.append(secret) }
            rest = rest[end...].dropFirst(part.count)
        }
        return masked
    }
}

/// The harness's own parts, so a harness that checks nothing cannot pass unnoticed.
final class RuleExampleHarnessTests: XCTestCase {
    func testMaskedTextsAreWhatTheMarkerReplaces() {
        let m = Redaction.marker
        XCTAssertEqual(
            RuleExampleHarness.maskedTexts(redacted: "k = 'abcd\(m)'", revealed: "k = 'abcdefghijklmnop'"),
            ["efghijklmnop"])
        XCTAssertEqual(
            RuleExampleHarness.maskedTexts(
                redacted: "http://u\(m):pa\(m)@h", revealed: "http://user_token_1:password99@h"),
            ["ser_token_1", "ssword99"])
        XCTAssertEqual(
            RuleExampleHarness.maskedTexts(redacted: "KEY=w\(m)[redacted]", revealed: "KEY=wJalrXUtnFEMI"),
            ["JalrXUtnFEMI"])
        XCTAssertEqual(RuleExampleHarness.maskedTexts(redacted: "no secret", revealed: "no secret"), [])
        XCTAssertTrue(RuleExampleHarness.isHeaderNameTail("API-Key: "))
        XCTAssertFalse(RuleExampleHarness.isHeaderNameTail("efghijklmnop"))
    }

    func testPositionCountsOccurrencesAndScalars() {
        let code = "a = 'é x'\nb = 'x'\n"
        let file = SourceFile(path: "a.py", bytes: Array(code.utf8))
        XCTAssertEqual(RuleExampleHarness.position(of: "x'", occurrence: 1, in: code, file: file).column, 8)
        XCTAssertEqual(RuleExampleHarness.position(of: "x'", occurrence: 2, in: code, file: file).line, 2)
        XCTAssertEqual(RuleExampleHarness.position(of: "x'", occurrence: 3, in: code, file: file).line, 0)
    }
}
