/// The JSON report contract of DESIGN.md: tool, findings, summary.
struct JSONReporter: Reporter {
    func render(_ input: ReportInput) -> String {
        let result = input.result
        let findings: [JSONOut] = result.findings.map(Self.finding)
        let errors: [JSONOut] = result.issues.map { .object([("file", .string($0.file)), ("kind", .string($0.kind.rawValue)), ("message", .string($0.message))]) }
        let report: JSONOut = .object([
            ("tool", .object([("name", .string("authlint")), ("version", .string(input.toolVersion))])),
            ("findings", .array(findings)),
            ("summary", .object([
                ("filesScanned", .int(result.filesScanned)),
                ("bytesScanned", .int(result.bytesScanned)),
                ("filesLexed", .int(result.filesLexed)),
                ("filesWindowed", .int(result.filesWindowed)),
                ("findings", .int(result.findings.count)),
                ("suppressed", .int(result.suppressed.count)),
                ("durationMs", .int(result.durationMs)),
                ("config", result.configFile.map(JSONOut.string) ?? .null),
                ("errors", .array(errors)),
            ])),
        ])
        return report.render(pretty: true) + "\n"
    }

    static func finding(_ f: Finding) -> JSONOut {
        .object([
            ("rule", .string(f.rule)), ("category", .string(f.category.rawValue)), ("severity", .string(f.severity.rawValue)),
            ("file", .string(f.file)), ("line", .int(f.line)), ("column", .int(f.column)),
            ("endLine", .int(f.endLine)), ("endColumn", .int(f.endColumn)),
            ("message", .string(f.message)), ("snippet", .string(f.snippet)), ("fingerprint", .string(f.fingerprint)),
        ])
    }
}
