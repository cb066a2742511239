import Config
import Discovery
import Engine
import Foundation
import LSP
import Model
import Reporting
import Rules
import Session
import Support
import Suppression

/// `authlint rules [--format text|json|markdown|keywords]`: the catalog (`--validate DIR`:
/// `RuleValidateCommand`).
enum RulesCommand {
    static func run(_ args: [String], console: inout Console) throws -> Int32 {
        let options = try FlagTable.parser(for: "rules").parse(args)
        guard options.positional.isEmpty else { throw UsageError("`rules` takes no arguments") }
        if let folder = options.value("--validate") {
            guard options.value("--format") == nil else { throw UsageError("--validate prints its own report") }
            return RuleValidateCommand.run(folder: folder, console: &console)
        }
        let rules = try RuleLoader.builtinRules().sorted { $0.id < $1.id }
        switch options.value("--format") ?? "text" {
        case "text":
            let width = rules.map(\.id.count).max() ?? 0
            for rule in rules {
                let id = rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
                let severity = rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
                console.out(
                    "\(id)  \(severity)  \(rule.category.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0))  \(rule.summary)\n"
                )
            }
        case "json":
            let items: [JSONOut] = rules.map {
                .object([
                    ("id", .string($0.id)), ("category", .string($0.category.rawValue)),
                    ("severity", .string($0.severity.rawValue)),
                    ("engine", .string($0.engine.rawValue)), ("summary", .string($0.summary)),
                ])
            }
            console.out(JSONOut.array(items).render(pretty: true) + "\n")
        case "markdown":
            console.out(markdownTable(rules))
        case "keywords":
            // Every prefilter keyword, one per line (the benchmark hands them to `rg -F -f`).
            console.out(
                Set(rules.flatMap { $0.keywords.map { $0.lowercased() } }).sorted().joined(separator: "\n") + "\n")
        default:
            throw UsageError("unknown format for `rules` (expected text, json, markdown or keywords)")
        }
        return 0
    }

    /// The README's rule table; a test checks the README holds exactly this.
    static func markdownTable(_ rules: [RuleDefinition]) -> String {
        var out = "| rule | category | severity | engine | what it finds |\n|---|---|---|---|---|\n"
        for rule in rules {
            out +=
                "| `\(rule.id)` | \(rule.category.rawValue) | \(rule.severity.rawValue) | \(rule.engine.rawValue) | \(rule.summary.replacingOccurrences(of: "|", with: "\\|")) |\n"
        }
        return out
    }
}

/// `authlint explain ID`: description, fix and examples of one rule.
enum ExplainCommand {
    static func run(_ args: [String], console: inout Console) throws -> Int32 {
        guard args.count == 1, let id = args.first, !id.hasPrefix("-") else {
            throw UsageError("usage: authlint explain RULE-ID")
        }
        let rules = try RuleLoader.builtinRules()
        guard let rule = rules.first(where: { $0.id == id }) else {
            let hint =
                Suggestion.closest(to: id, among: rules.map(\.id).sorted()).map { "did you mean '\($0)'? " } ?? ""
            throw UsageError("unknown rule id '\(id)' (\(hint)see `authlint rules`)")
        }
        console.out(RuleExplanation.render(rule))
        return 0
    }
}

/// `authlint init`: a commented starter `.authlint.json`; never overwrites one.
enum InitCommand {
    static let starter = """
        // authlint configuration. JSON with comments. Unknown keys are errors, so typos never
        // silently switch a check off. See `authlint rules` for rule ids.
        {
          // "off", "on", or a severity ("error", "warning", "note") per rule id.
          "rules": {
            // "insecure-http-url": "warning"
          },
          // Paths to skip, in .gitignore syntax (in addition to .gitignore and .authlintignore).
          "exclude": ["vendor/", "**/testdata/**"],
          // Hosts where plain http:// is acceptable (internal mirrors, test doubles).
          "allowedHosts": [],
          // Extra header names that carry credentials in your APIs.
          "credentialHeaders": [],
          // Exit 1 when a finding at or above this level remains: error, warning, note or never.
          "failOn": "error"
        }

        """

    static func run(_ args: [String], console: inout Console) throws -> Int32 {
        let options = try FlagTable.parser(for: "init").parse(args)
        let path = options.positional.first ?? ".authlint.json"
        if FileManager.default.fileExists(atPath: path) && !options.has("--force") {
            console.err("authlint: \(path) already exists; not overwriting it (use --force)\n")
            return 2
        }
        try AtomicFile.write(Array(starter.utf8), to: path)
        console.out("wrote \(path)\n")
        return 0
    }
}
