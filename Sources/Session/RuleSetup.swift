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
        var seen = Set<String>(minimumCapacity: rules.count)
        for rule in rules {
            if !seen.insert(rule.id).inserted {
                let previous = rules.first { $0.id == rule.id }!.source
                throw RuleFileError(
                    file: rule.source, line: 1, column: 1,
                    problem: "rule id '\(rule.id)' is already defined by \(previous)")
            }
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
        // Nothing to switch (the usual hook or editor run): the catalog as it is, uncopied.
        if config.rules.isEmpty && enable.isEmpty && disable.isEmpty { return rules }
        let known = Set(rules.map(\.id))
        func hint(_ id: String) -> String {
            Suggestion.closest(to: id, among: known.sorted()).map { "did you mean '\($0)'? " } ?? ""
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
