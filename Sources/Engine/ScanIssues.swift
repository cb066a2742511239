import Discovery
import Facts
import Lexing
import Model
import Prefilter
import Support
import Suppression

/// The issues the engine raises for a file it scanned but could not fully check.
extension ScanIssue {
    /// A rule stopped by its time budget on `path` (whole-file and windowed scans alike).
    static func ruleTimeout(_ path: String, rule: String, budget: Double) -> ScanIssue {
        ScanIssue(
            file: path, kind: .ruleTimeout, message: "rule \(rule) was cut short after \(budget) s", rules: [rule])
    }

    /// Token-based rules that could not run on `path` (only pattern rules did).
    static func tokenRulesSkipped(_ path: String, rules: [String], why: String) -> ScanIssue {
        ScanIssue(
            file: path, kind: .partialCheck,
            message: "\(why): pattern rules ran, token-based rules skipped: \(rules.joined(separator: ", "))",
            rules: rules)
    }
}
