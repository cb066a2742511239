import Config
import Discovery
import Engine
import Model
import Rules
import Support
import Suppression

/// What `authlint explain ID` prints and the language server's *Explain RULE* action shows:
/// one text for both, so the editor never says less than the command line.
package enum RuleExplanation {
    package static func render(_ rule: RuleDefinition) -> String {
        var out = "\(rule.id) (\(rule.category.rawValue), \(rule.severity.rawValue), \(rule.engine.rawValue))\n\n"
        out += rule.summary + "\n\n" + rule.description + "\n\nFix: " + rule.fix + "\n"
        for (title, examples) in [("Flagged", rule.fireExamples), ("Not flagged", rule.passExamples)]
        where !examples.isEmpty {
            out += "\n\(title):\n"
            for example in examples {
                out += "  -- \(example.file)\n"
                out +=
                    example.code.split(separator: "\n", omittingEmptySubsequences: false).map { "     " + $0 }.joined(
                        separator: "\n") + "\n"
            }
        }
        return out
    }
}
