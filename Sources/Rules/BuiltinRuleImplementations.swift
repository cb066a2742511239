import Engine
import Facts
import Model
import Prefilter
import Support

/// The built-in catalog: rule files and Swift-coded rules, both compiled in by the build plugin
/// (`embeddedRuleFiles` and `RuleImplementations.builtin` are generated into this target).
extension ScanEngine {
    /// An engine running `rules` with the built-in Swift-coded rules (generated from `rules/*.json`).
    public convenience init(rules: [RuleDefinition], settings: ScanSettings) throws {
        try RuleImplementations.builtin.checkMessages(of: rules)
        try self.init(rules: rules, settings: settings, implementations: .builtin)
    }
}

extension RuleLoader {
    /// The catalog compiled into the binary (from `rules/*.json` at build time). Its regexes are
    /// not compiled here: that is most of start-up, and `RuleExamplesTests` proves every built-in
    /// expression compiles (`checkExpressions: true`) before a binary ships.
    /// `withExamples: false` is for scanning: the catalog's examples are for docs and tests, and
    /// skipping them saves a third of start-up (which a pre-commit hook pays on every commit).
    public static func builtinRules(checkExpressions: Bool = false, withExamples: Bool = true) throws(RuleFileError)
        -> [RuleDefinition]
    {
        var rules: [RuleDefinition] = []
        for entry in embeddedRuleFiles {
            var rule = try parse(
                bytes: Array(entry.text.utf8), source: "rules/\(entry.name)", checkExpressions: checkExpressions,
                omitting: withExamples ? [] : ["examples"])
            rule.isBuiltin = true
            rules.append(rule)
        }
        return rules
    }
}
