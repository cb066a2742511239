import Config
import Discovery
import Engine
import Foundation
import Model
import Rules
import Support
import Suppression

/// Builds the active rule list: built-in catalog + user folders, then config and CLI switches.
enum RuleSetup {
    static func loadAll(extraFolders: [String]) throws -> [RuleDefinition] {
        var rules = try RuleLoader.builtinRules(withExamples: false)
        for folder in extraFolders { rules += try RuleLoader.loadFolder(folder) }
        var seen: [String: String] = [:]
        for rule in rules {
            if let previous = seen[rule.id] {
                throw RuleFileError(
                    file: rule.source, line: 1, column: 1,
                    problem: "rule id '\(rule.id)' is already defined by \(previous)")
            }
            seen[rule.id] = rule.source
            if rule.engine == .structural || rule.engine == .project, !RuleImplementations.builtin.has(rule.id) {
                throw RuleFileError(
                    file: rule.source, line: 1, column: 1,
                    problem:
                        "structural rule '\(rule.id)' has no Swift implementation (user rules must use the pattern engine)"
                )
            }
        }
        return rules
    }

    static func apply(config: Configuration, enable: [String], disable: [String], to rules: [RuleDefinition]) throws
        -> [RuleDefinition]
    {
        let known = Set(rules.map(\.id))
        let ids = known.sorted()
        func hint(_ id: String) -> String {
            Suggestion.closest(to: id, among: ids).map { "did you mean '\($0)'? " } ?? ""
        }
        // In file order, so the first unknown id reported is the first the user wrote.
        for id in config.rules.keys.sorted(by: { config.rulePosition($0) < config.rulePosition($1) })
        where !known.contains(id) {
            let position = config.rulePositions[id]
            throw ConfigError(
                file: config.path ?? ".authlint.json", line: position?.line ?? 0, column: position?.column ?? 0,
                problem: "unknown rule id '\(ConfigError.echo(id))' in 'rules' (\(hint(id))see `authlint rules`)")
        }
        for id in enable + disable where !known.contains(id) {
            throw UsageError("unknown rule id '\(ConfigError.echo(id))' (\(hint(id))see `authlint rules`)")
        }
        var active: [RuleDefinition] = []
        for var rule in rules {
            var enabled = true
            if let override = config.rules[rule.id] {
                if let e = override.enabled { enabled = e }
                if let s = override.severity { rule.severity = s }
            }
            if enable.contains(rule.id) { enabled = true }
            if disable.contains(rule.id) { enabled = false }
            if enabled { active.append(rule) }
        }
        return active
    }
}
