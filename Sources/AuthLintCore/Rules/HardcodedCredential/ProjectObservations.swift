/// Shared by the hardcoded-credential project rules: turning a spot in a file into an
/// observation (position and redacted snippet computed while the file is at hand) and an
/// observation back into a finding.
extension ProjectObservation {
    init(_ context: FileContext, _ rule: RuleDefinition, range: Range<Int>, key: String, detail: String) {
        let raw = RawFinding(rule: rule, range: range, secret: range, message: "", severity: rule.severity)
        let built = FindingBuilder.build([raw], in: context.file, settings: context.settings, context: context)[0]
        self.init(file: context.file.path, line: built.line, column: built.column, endLine: built.endLine,
                  endColumn: built.endColumn, key: key, detail: detail, snippet: built.snippet)
    }

    func finding(_ rule: RuleDefinition, message: String, related: [RelatedLocation] = []) -> Finding {
        Finding(rule: rule.id, category: rule.category, severity: rule.severity, file: file, line: line, column: column,
                endLine: endLine, endColumn: endColumn, message: message, snippet: snippet,
                // Not `key`: for shared values it is a hash of the secret, an offline oracle for it.
                fingerprint: SHA256.hex([rule.id, file, detail].joined(separator: "\u{0}")), related: related)
    }

    /// This observation's place, as another finding's related location.
    func location(_ message: String) -> RelatedLocation {
        RelatedLocation(file: file, line: line, column: column, endLine: endLine, endColumn: endColumn, message: message)
    }
}
