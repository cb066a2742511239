import Engine
import Facts
import Model
import Prefilter
import Support

/// Shared by the hardcoded-credential project rules: an observation back into a finding
/// (observations come from `FileContext.observation`).
extension ProjectObservation {
    func finding(_ rule: RuleDefinition, message: String, related: [RelatedLocation] = []) -> Finding {
        Finding(
            rule: rule.id, category: rule.category, severity: rule.severity, file: file, line: line, column: column,
            endLine: endLine, endColumn: endColumn, message: message, snippet: snippet,
            // Not `key`: for shared values it is a hash of the secret, an offline oracle for it.
            fingerprint: SHA256.hex([rule.id, file, detail].joined(separator: "\u{0}")), related: related)
    }

    /// This observation's place, as another finding's related location.
    func location(_ message: String) -> RelatedLocation {
        RelatedLocation(
            file: file, line: line, column: column, endLine: endLine, endColumn: endColumn, message: message)
    }
}
