import Model
import Support

/// The JSON report contract (README, "Usage"; `Tests/.../Golden/json.json` pins it): tool, findings, summary.
struct JSONReporter: Reporter {
    func render(_ input: ReportInput) -> String {
        let result = input.result
        let findings: [JSONOut] = result.findings.map(Self.finding)
        let errors: [JSONOut] = result.issues.map { issue in
            var fields: [(String, JSONOut)] = [
                ("file", .string(issue.file)), ("kind", .string(issue.kind.rawValue)),
                ("message", .string(issue.message)),
            ]
            // Every value a string, as before: consumers read errors as string maps.
            if !issue.rules.isEmpty { fields.append(("rule", .string(issue.rules.joined(separator: ", ")))) }
            return .object(fields)
        }
        var summary: [(String, JSONOut)] = [
            ("filesScanned", .int(result.filesScanned)),
            ("bytesScanned", .int(result.bytesScanned)),
            ("filesLexed", .int(result.filesLexed)),
            ("filesWindowed", .int(result.filesWindowed)),
            ("findings", .int(result.findings.count)),
            ("suppressed", .int(result.suppressed.count)),
            // Fail-closed count: scanned files some rule did not finish on (listed in `errors`).
            ("notFullyChecked", .int(result.incompleteChecks.count)),
            ("durationMs", .int(result.durationMs)),
            ("config", result.configFile.map(JSONOut.string) ?? .null),
            ("errors", .array(errors)),
        ]
        if let history = result.history { summary.append(("history", HistoryReport.summary(history))) }
        let report: JSONOut = .object([
            ("tool", .object([("name", .string("authlint")), ("version", .string(input.toolVersion))])),
            ("findings", .array(findings)),
            ("summary", .object(summary)),
        ])
        return report.render(pretty: true) + "\n"
    }

    static func finding(_ f: Finding) -> JSONOut {
        .object(
            plainFields(f) + (f.provenance.map(HistoryReport.fields) ?? []))
    }

    static func plainFields(_ f: Finding) -> [(String, JSONOut)] {
        [
            ("rule", .string(f.rule)), ("category", .string(f.category.rawValue)),
            ("severity", .string(f.severity.rawValue)),
            ("file", .string(f.file)), ("line", .int(f.line)), ("column", .int(f.column)),
            ("endLine", .int(f.endLine)), ("endColumn", .int(f.endColumn)),
            ("message", .string(f.message)), ("snippet", .string(f.snippet)), ("fingerprint", .string(f.fingerprint)),
            (
                "related",
                .array(
                    f.related.map { related in
                        .object([
                            ("file", .string(related.file)), ("line", .int(related.line)),
                            ("column", .int(related.column)),
                            ("endLine", .int(related.endLine)), ("endColumn", .int(related.endColumn)),
                            ("message", .string(related.message)),
                        ])
                    })
            ),
        ]
    }
}
