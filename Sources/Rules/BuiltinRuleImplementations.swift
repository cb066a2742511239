import Engine
import Facts
import Model
import Prefilter
import Support

/// The built-in catalog: rule files and Swift-coded rules, both compiled in by the build plugin
/// (`embeddedRuleFiles`, `RuleLoader.compiledCatalog()` and `RuleImplementations.builtin` are generated
/// into this target).
extension ScanEngine {
    /// An engine running `rules` with the built-in Swift-coded rules (generated from `rules/*.json`).
    public convenience init(rules: [RuleDefinition], settings: ScanSettings) throws {
        try RuleImplementations.builtin.checkMessages(of: rules)
        try self.init(rules: rules, settings: settings, implementations: .builtin)
    }
}

extension RuleLoader {
    /// The catalog compiled into the binary (from `rules/*.json` at build time, where RuleLoader
    /// validated every file and compiled its expressions).
    /// `withExamples: false` is for scanning: the rules as Swift values (`compiledCatalog()`,
    /// generated), no JSON parse, which was most of a pre-commit run's start-up. The examples
    /// (docs, `explain`, tests) and `checkExpressions` parse the embedded rule texts again.
    public static func builtinRules(checkExpressions: Bool = false, withExamples: Bool = true) throws(RuleFileError)
        -> [RuleDefinition]
    {
        if !withExamples && !checkExpressions { return compiledCatalog() }
        var rules: [RuleDefinition] = []
        for entry in embeddedRuleFiles {
            var rule = try parse(
                bytes: Array(entry.text.utf8), source: "rules/\(entry.name)", checkExpressions: checkExpressions)
            if !withExamples {
                rule.fireExamples = []
                rule.passExamples = []
            }
            rule.isBuiltin = true
            rules.append(rule)
        }
        return rules
    }
}
