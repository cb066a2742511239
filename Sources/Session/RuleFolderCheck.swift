import Engine
import Model
import Rules
import Support

/// `authlint rules --validate DIR`: every rule file in a user's rule folder loaded (all errors at
/// once, not the first), then each valid rule's examples run the way the built-in rules' tests
/// run them: a fire example must give `count` findings (default 1) of its rule, the first where
/// its `at` text starts; a pass example must give none. Examples are scanned with the built-in
/// catalog beside the folder's rules, as `scan --rules DIR` would scan them.
public enum RuleFolderCheck {
    /// One rule's examples: what went wrong (empty when all behaved).
    public struct ExampleOutcome: Sendable {
        public var id: String
        public var source: String
        public var fireCount: Int
        public var passCount: Int
        public var problems: [String]
    }

    public struct Report: Sendable {
        public var fileErrors: [RuleFileError] = []
        public var outcomes: [ExampleOutcome] = []
        public var ruleFiles = 0
        /// 0 all good, 1 an example failed, 2 a file is invalid (or the folder holds no rule file).
        public var exitCode: Int32 {
            if !fileErrors.isEmpty || ruleFiles == 0 { return 2 }
            return outcomes.contains { !$0.problems.isEmpty } ? 1 : 0
        }
    }

    public static func check(folder: String) throws(RuleFileError) -> Report {
        var report = Report()
        let names = try RuleLoader.ruleFileNames(in: folder)
        report.ruleFiles = names.count
        var loaded: [RuleDefinition] = []
        for name in names {
            do { loaded.append(try RuleLoader.loadFile(PathSyntax.join(folder, name))) } catch {
                report.fileErrors.append(error)
            }
        }
        let builtin = (try? RuleLoader.builtinRules(withExamples: false)) ?? []
        let builtinIDs = Set(builtin.map(\.id))
        var seen: [String: String] = [:]
        var valid: [RuleDefinition] = []
        for rule in loaded {
            let problem: String?
            if builtinIDs.contains(rule.id) {
                problem = "rule id '\(rule.id)' is already a built-in rule (pick another id)"
            } else if let previous = seen[rule.id] {
                problem = "rule id '\(rule.id)' is already defined by \(previous)"
            } else if rule.engine != .pattern {
                problem =
                    "a user rule uses the pattern engine ('\(rule.engine.rawValue)' rules are Swift code in authlint)"
            } else {
                problem = nil
            }
            seen[rule.id] = seen[rule.id] ?? rule.source
            if let problem {
                report.fileErrors.append(RuleFileError(file: rule.source, line: 1, column: 1, problem: problem))
            } else {
                valid.append(rule)
            }
        }
        guard !valid.isEmpty else { return report }
        var settings = ScanSettings()
        // Examples are files git would publish, whatever the folder's repository says.
        settings.repository = FixedRepositoryStatus(keptOut: [])
        let engine: ScanEngine
        do { engine = try ScanEngine(rules: builtin + valid, settings: settings) } catch {
            report.fileErrors.append(RuleFileError(file: folder, line: 0, column: 0, problem: "\(error)"))
            return report
        }
        report.outcomes = valid.map { rule in
            ExampleOutcome(
                id: rule.id, source: rule.source, fireCount: rule.fireExamples.count,
                passCount: rule.passExamples.count, problems: problems(of: rule, engine))
        }
        return report
    }

    static func problems(of rule: RuleDefinition, _ engine: ScanEngine) -> [String] {
        var problems: [String] = []
        for (index, example) in rule.fireExamples.enumerated() {
            let file = SourceFile(path: example.file, bytes: Array(example.code.utf8))
            let (hits, cutShort) = scan(file, by: rule, engine)
            let name = "fire example \(index + 1) (\(example.file))"
            if let cutShort { problems.append("\(name): \(cutShort)") }
            guard let first = hits.first else {
                problems.append("\(name): no finding of the rule")
                continue
            }
            if hits.count != example.count {
                problems.append(
                    "\(name): \(hits.count) findings (at \(hits.map { "\($0.line):\($0.column)" }.joined(separator: ", "))), expected \(example.count)"
                )
            }
            guard let at = example.at else { continue }
            guard let expected = position(of: at, occurrence: example.occurrence, in: file) else {
                problems.append("\(name): \"\(at)\" occurs fewer than \(example.occurrence) times in the example")
                continue
            }
            if expected != (first.line, first.column) {
                problems.append(
                    "\(name): first finding at \(first.line):\(first.column), expected \(expected.line):\(expected.column) where \"\(at)\" starts"
                )
            }
        }
        for (index, example) in rule.passExamples.enumerated() {
            let file = SourceFile(path: example.file, bytes: Array(example.code.utf8))
            let (hits, cutShort) = scan(file, by: rule, engine)
            if let cutShort { problems.append("pass example \(index + 1) (\(example.file)): \(cutShort)") }
            if !hits.isEmpty {
                problems.append(
                    "pass example \(index + 1) (\(example.file)): reported at \(hits.map { "\($0.line):\($0.column)" }.joined(separator: ", "))"
                )
            }
        }
        return problems
    }

    /// The rule's findings in one example, and why the rule did not finish on it (a pattern that
    /// ran out of its time budget), which would otherwise look like a silent pass.
    static func scan(_ file: SourceFile, by rule: RuleDefinition, _ engine: ScanEngine) -> ([Finding], String?) {
        let result = engine.scan(file: file)
        let cutShort = result.incompleteChecks.first { $0.rules.contains(rule.id) }
        return (result.findings.filter { $0.rule == rule.id }, cutShort.map { "not fully checked: \($0.message)" })
    }

    /// Line and column of the `occurrence`-th `text` in the file (occurrences may overlap).
    static func position(of text: String, occurrence: Int, in file: SourceFile) -> (line: Int, column: Int)? {
        let bytes = file.bytes, needle = Array(text.utf8)
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        var found = 0
        for start in 0...(bytes.count - needle.count) where bytes[start..<start + needle.count].elementsEqual(needle) {
            found += 1
            if found == occurrence { return file.position(at: start) }
        }
        return nil
    }
}
