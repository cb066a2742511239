/// Shared by the hardcoded-credential project rules: turning a spot in a file into an
/// observation (position and redacted snippet computed while the file is at hand) and an
/// observation back into a finding.
extension ProjectObservation {
    init(_ context: FileContext, _ rule: RuleDefinition, range: Range<Int>, key: String, detail: String) {
        let raw = RawFinding(rule: rule, range: range, secret: range, message: "", severity: rule.severity)
        let built = FindingBuilder.build([raw], in: context.file, showSecrets: context.settings.showSecrets)[0]
        self.init(file: context.file.path, line: built.line, column: built.column, endLine: built.endLine,
                  endColumn: built.endColumn, key: key, detail: detail, snippet: built.snippet)
    }

    func finding(_ rule: RuleDefinition, message: String) -> Finding {
        Finding(rule: rule.id, category: rule.category, severity: rule.severity, file: file, line: line, column: column,
                endLine: endLine, endColumn: endColumn, message: message, snippet: snippet,
                fingerprint: SHA256.hex([rule.id, file, key, detail].joined(separator: "\u{0}")))
    }
}
