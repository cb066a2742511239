import Model
import Support

/// GitLab Code Quality report (a JSON array of issues).
struct GitLabReporter: Reporter {
    func render(_ input: ReportInput) -> String {
        let issues: [JSONOut] = input.result.findings.map { f in
            .object([
                ("description", .string("\(f.message)\(HistoryReport.suffix(f)) [\(f.rule)]")),
                ("check_name", .string(f.rule)),
                ("fingerprint", .string(f.fingerprint)),
                ("severity", .string(f.severity == .error ? "critical" : f.severity == .warning ? "major" : "minor")),
                (
                    "location",
                    .object([
                        ("path", .string(f.file)),
                        ("lines", .object([("begin", .int(f.line)), ("end", .int(f.endLine))])),
                    ])
                ),
            ])
        }
        let incomplete: [JSONOut] = input.incompleteChecks.map { issue in
            .object([
                ("description", .string(ReportInput.incompleteMessage(issue))),
                ("check_name", .string(ReportInput.incompleteCheckName)),
                (
                    "fingerprint",
                    .string(
                        SHA256.hex(ReportInput.incompleteCheckName + "\u{0}" + issue.file + "\u{0}" + issue.message))
                ),
                ("severity", .string("blocker")),
                (
                    "location",
                    .object([
                        ("path", .string(issue.file)), ("lines", .object([("begin", .int(1)), ("end", .int(1))])),
                    ])
                ),
            ])
        }
        return JSONOut.array(issues + incomplete).render(pretty: true) + "\n"
    }
}
