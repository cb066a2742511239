import Engine
import Lexing
import Model
import Session
import Support
import Suppression

/// Findings as LSP diagnostics. Messages come from the engine, which never puts a secret in
/// them; positions are converted from scalar columns to UTF-16 code units.
enum LSPDiagnostics {
    static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: return 1
        case .warning: return 2
        case .note: return 3
        }
    }

    /// The documentation link of a built-in rule (the same one SARIF's `helpUri` gives);
    /// user rules have none.
    static func helpURL(for rule: RuleDefinition?) -> String? {
        guard let rule, rule.isBuiltin else { return nil }
        return AuthLint.helpBaseURL + rule.id + ".json"
    }

    static func range(of finding: Finding, in document: TextDocument) -> (start: LSPPosition, end: LSPPosition) {
        range(finding.line, finding.column, finding.endLine, finding.endColumn, in: document)
    }

    static func range(
        _ line: Int, _ column: Int, _ endLine: Int, _ endColumn: Int,
        in document: TextDocument
    ) -> (start: LSPPosition, end: LSPPosition) {
        let start = document.lspPosition(line: line, column: column)
        var end = document.lspPosition(line: max(endLine, line), column: endColumn)
        if end.line < start.line || (end.line == start.line && end.character < start.character) { end = start }
        return (start, end)
    }

    static func diagnostic(_ finding: Finding, in document: TextDocument, rule: RuleDefinition?) -> JSONOut {
        let (start, end) = range(of: finding, in: document)
        var fields: [(String, JSONOut)] = [
            ("range", .object([("start", start.json), ("end", end.json)])),
            ("severity", .int(severity(finding.severity))),
            ("code", .string(finding.rule)),
        ]
        if let href = helpURL(for: rule) { fields.append(("codeDescription", .object([("href", .string(href))]))) }
        fields += [
            ("source", .string("authlint")),
            ("message", .string(finding.message)),
        ]
        if !finding.related.isEmpty {
            // Related locations are in the finding's own file, which is this document.
            fields.append(
                (
                    "relatedInformation",
                    .array(
                        finding.related.map { related in
                            let (start, end) = range(
                                related.line, related.column, related.endLine, related.endColumn, in: document)
                            return .object([
                                (
                                    "location",
                                    .object([
                                        ("uri", .string(document.uri)),
                                        ("range", .object([("start", start.json), ("end", end.json)])),
                                    ])
                                ),
                                ("message", .string(related.message)),
                            ])
                        })
                ))
        }
        fields += [
            // Lets a code action find its finding again; the fingerprint is a hash, not the secret.
            (
                "data",
                .object([
                    ("rule", .string(finding.rule)), ("line", .int(finding.line)),
                    ("fingerprint", .string(finding.fingerprint)),
                ])
            )
        ]
        return .object(fields)
    }

    /// A configuration that cannot be loaded is shown on the first line of every document it
    /// governs, rather than silently reporting nothing.
    static func configErrorDiagnostic(_ message: String) -> JSONOut {
        let origin = LSPPosition(line: 0, character: 0)
        return .object([
            ("range", .object([("start", origin.json), ("end", origin.json)])),
            ("severity", .int(1)),
            ("source", .string("authlint")),
            ("message", .string(message)),
        ])
    }

    static func publishParams(uri: String, version: Int?, diagnostics: [JSONOut]) -> JSONOut {
        var fields: [(String, JSONOut)] = [("uri", .string(uri))]
        if let version { fields.append(("version", .int(version))) }
        fields.append(("diagnostics", .array(diagnostics)))
        return .object(fields)
    }
}
