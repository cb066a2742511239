import Engine
import Session
import Support

/// `authlint rules --validate DIR`: every error in a user's rule folder at once, then one
/// PASS/FAIL line per rule from its fire and pass examples. Exit 0 all good, 1 an example
/// failed, 2 a rule file is invalid.
enum RuleValidateCommand {
    static func run(folder: String, console: inout Console) -> Int32 {
        let report: RuleFolderCheck.Report
        do { report = try RuleFolderCheck.check(folder: folder) } catch {
            console.err("authlint: \(error)\n")
            return 2
        }
        for error in report.fileErrors { console.out("\(error)\n") }
        for outcome in report.outcomes {
            let examples = "\(outcome.fireCount) fire, \(outcome.passCount) pass examples"
            if outcome.problems.isEmpty {
                console.out("PASS \(outcome.id) (\(examples))\n")
            } else {
                console.out("FAIL \(outcome.id) (\(examples)): \(outcome.source)\n")
                for problem in outcome.problems { console.out("  \(problem)\n") }
            }
        }
        let failed = report.outcomes.filter { !$0.problems.isEmpty }.count
        let invalid = Set(report.fileErrors.map(\.file)).count
        if report.ruleFiles == 0 {
            console.err("authlint: no rule files (*.json) in \(PrintableText.escaped(folder))\n")
        } else {
            console.out(
                "\(report.ruleFiles) rule file\(report.ruleFiles == 1 ? "" : "s"): \(report.outcomes.count - failed) passed, \(failed) failed, \(invalid) invalid\n"
            )
        }
        return report.exitCode
    }
}
