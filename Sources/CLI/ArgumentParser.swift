import Config
import Discovery
import Engine
import LSP
import Model
import Reporting
import Rules
import Session
import Support
import Suppression

/// Small getopt-style parser: `--name value`, `--name=value`, boolean `--flag`, positional
/// arguments, and `--` to end options. Options come from `FlagTable`, so a typo is an error.
struct ArgumentParser {
    struct Spec {
        var name: String
        var takesValue: Bool
        var repeatable = false
    }

    var specs: [String: Spec] = [:]

    init(_ specs: [Spec]) {
        for spec in specs { self.specs[spec.name] = spec }
    }

    struct Parsed {
        var values: [String: [String]] = [:]
        var flags: Set<String> = []
        var positional: [String] = []

        func value(_ name: String) -> String? { values[name]?.last }
        func has(_ name: String) -> Bool { flags.contains(name) || values[name] != nil }
    }

    func parse(_ args: [String]) throws(UsageError) -> Parsed {
        var parsed = Parsed()
        var i = 0
        var optionsEnded = false
        while i < args.count {
            let arg = args[i]
            i += 1
            if optionsEnded || !arg.hasPrefix("-") || arg == "-" {
                parsed.positional.append(arg)
                continue
            }
            if arg == "--" { optionsEnded = true; continue }
            var name = arg
            var inlineValue: String?
            if let eq = arg.firstIndex(of: "=") {
                name = String(arg[..<eq])
                inlineValue = String(arg[arg.index(after: eq)...])
            }
            guard let spec = specs[name] else {
                throw UsageError(
                    "unknown option '\(name)'" + Suggestion.hint(for: name, among: specs.keys.sorted()))
            }
            if spec.takesValue {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard i < args.count else { throw UsageError("option '\(name)' needs a value") }
                    value = args[i]
                    i += 1
                }
                if !spec.repeatable && parsed.values[name] != nil { throw UsageError("option '\(name)' given twice") }
                parsed.values[name, default: []].append(value)
            } else {
                if inlineValue != nil { throw UsageError("option '\(name)' takes no value") }
                parsed.flags.insert(name)
            }
        }
        return parsed
    }
}
