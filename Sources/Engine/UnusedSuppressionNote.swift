import Discovery
import Facts
import Lexing
import Model
import Prefilter
import Support
import Suppression

/// Notes on `authlint:ignore` directives that matched nothing; the rule file of the suppression
/// category (`rules/unused-suppression.json`) gives their id, severity and text.
extension ScanEngine {
    /// The note for a directive that suppressed nothing, at its line in `file`.
    func unusedSuppression(_ directive: InlineSuppressions.Directive, in file: SourceFile) -> Finding? {
        guard let rule = unusedSuppressionRule else { return nil }
        // Only the directive itself is shown: the rest of its line may hold a secret.
        let lineText = file.lineText(directive.line)
        let marker = lineText.range(of: "authlint:ignore")
        let directiveText = Redaction.scrub(marker.map { String(lineText[$0.lowerBound...]) } ?? "authlint:ignore")
        // The note starts where the directive does (columns count Unicode scalars, as findings do).
        let column = marker.map { lineText[..<$0.lowerBound].unicodeScalars.count + 1 } ?? 1
        let end = file.position(at: file.lineRange(directive.line).upperBound)
        return Finding(
            rule: rule.id, category: rule.category, severity: rule.severity, file: file.path,
            line: directive.line, column: column, endLine: directive.line, endColumn: end.column,
            message: rule.reportMessage
                + (directive.rules.isEmpty ? "" : " (\(directive.rules.joined(separator: ", ")))"),
            snippet: directiveText,
            fingerprint: SHA256.hex("\(rule.id)\u{0}\(file.path)\u{0}\(directiveText)"))
    }
}
