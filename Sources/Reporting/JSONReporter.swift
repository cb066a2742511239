import Model
import Support

/// The JSON report contract (README, "Usage"; `Tests/.../Golden/json.json` pins it): tool, findings, summary.
struct JSONReporter: Reporter {
    func render(_ input: ReportInput) -> String {
        let result = input.result
        let findings: [JSONOut] = result.findings.map(Self.finding)
        let errors: [JSONOut] = result.errors.map { issue in
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
        summary +=
            Self.skipped(input) + [
                ("byCategory", ReportCounts.json(ReportCounts.byCategory(result.findings), keyName: "category")),
                ("byRule", ReportCounts.json(ReportCounts.byRule(result.findings), keyName: "rule")),
            ]
        if let history = result.history { summary.append(("history", HistoryReport.summary(history))) }
        let report: JSONOut = .object([
            ("tool", .object([("name", .string("authlint")), ("version", .string(input.toolVersion))])),
            ("findings", .array(findings)),
            ("summary", .object(summary)),
        ])
        return report.render(pretty: true) + "\n"
    }

    /// `skipped`: files left out by policy, counted by reason (not errors); with `--verbose` also
    /// `skippedFiles`, their paths by reason.
    static func skipped(_ input: ReportInput) -> [(String, JSONOut)] {
        let counts = ReportCounts.skipped(input.result)
        var fields: [(String, JSONOut)] = [("skipped", .object(counts.map { ($0.reason.rawValue, .int($0.count)) }))]
        if input.verbose {
            let paths = Dictionary(grouping: input.result.skippedFiles, by: \.kind)
            fields.append(
                (
                    "skippedFiles",
                    .object(
                        counts.map { ($0.reason.rawValue, .array((paths[$0.reason] ?? []).map { .string($0.file) })) })
                ))
        }
        return fields
    }

    static func finding(_ f: Finding) -> JSONOut {
        .object(
            plainFields(f) + (f.provenance.map(HistoryReport.fields) ?? []))
    }

    static func plainFields(_ f: Finding) -> [(String, JSONOut)] {
        [
            ("rule", .string(f.rule)), ("category", .string(f.category.rawValue)),
            ("severity", .string(f.severity.rawValue)), ("role", .string(f.role)),
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
