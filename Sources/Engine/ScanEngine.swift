import Discovery
import Dispatch
import Facts
import Foundation
import Lexing
import Model
import Prefilter
import Support
import Suppression

/// Runs the enabled rules over source files: prefilter, then pattern and structural rules only
/// where their keywords occur, then inline suppressions, positions, redaction and fingerprints.
public final class ScanEngine: Sendable {
    public let rules: [RuleDefinition]
    public let settings: ScanSettings
    private let prefilter: KeywordPrefilter
    /// Prefilter keyword index -> indices into `rules` (the suppression marker maps to none).
    private let rulesByKeyword: [[Int]]
    private let suppressionKeyword: Int
    /// Per enabled rule, everything the per-file loop needs, resolved once (no id lookups per file).
    let plans: [RulePlan]
    /// Rules without keywords (they see every file their globs select).
    private let keywordlessRules: [Int]
    /// Project rules by rule index, in catalog order (concluded once per history blob).
    private let projectRules: [(index: Int, rule: any ProjectRule)]
    private let implementations: RuleImplementations
    /// The enabled rule of the suppression category (notes on directives that suppress nothing).
    let unusedSuppressionRule: RuleDefinition?

    struct RulePlan: Sendable {
        enum Check: Sendable {
            case pattern(PatternRuleRunner)
            case file(any StructuralRule)
            case project(any ProjectRule)
        }
        /// The rule's keywords as written, when only exact-case hits count.
        let exactKeywords: [[UInt8]]?
        let files: RuleFileFilter
        let check: Check?
    }

    public init(rules: [RuleDefinition], settings: ScanSettings, implementations: RuleImplementations) throws {
        self.rules = rules
        self.settings = settings
        self.implementations = implementations
        unusedSuppressionRule = rules.first { $0.engine == .builtin && $0.category == .suppression }
        var keywordIndex: [String: Int] = [:]
        var keywords: [String] = []
        var byKeyword: [[Int]] = []
        func index(of keyword: String) -> Int {
            let key = keyword.lowercased()
            if let existing = keywordIndex[key] { return existing }
            keywords.append(key)
            byKeyword.append([])
            keywordIndex[key] = keywords.count - 1
            return keywords.count - 1
        }
        for (ruleIndex, rule) in rules.enumerated() {
            for keyword in rule.keywords { byKeyword[index(of: keyword)].append(ruleIndex) }
        }
        suppressionKeyword = index(of: "authlint:ignore")
        prefilter = KeywordPrefilter(keywords: keywords)
        rulesByKeyword = byKeyword
        keywordlessRules = rules.indices.filter { rules[$0].keywords.isEmpty }
        let resolved = rules.map { rule in
            let check: RulePlan.Check?
            if rule.engine == .pattern {
                check = .pattern(PatternRuleRunner(rule: rule))
            } else if let structural = implementations.fileRules[rule.id] {
                check = .file(structural)
            } else {
                check = implementations.projectRules[rule.id].map { .project($0) }
            }
            return RulePlan(
                exactKeywords: rule.caseSensitiveKeywords ? rule.keywords.map { Array($0.utf8) } : nil,
                files: RuleFileFilter(include: rule.files, exclude: rule.excludeFiles), check: check)
        }
        plans = resolved
        projectRules = resolved.indices.compactMap { index in
            guard case .project(let rule) = resolved[index].check else { return nil }
            return (index, rule)
        }
    }

    /// Every keyword the prefilter looks for (the benchmark hands these to ripgrep).
    public var keywords: [String] { prefilter.keywords }

    /// Scan files read by `load` (called concurrently, once per path), `jobs` at a time.
    /// Results are identical whatever `jobs` is.
    public func scan(
        paths: [String], jobs: Int,
        load: @Sendable @escaping (String) -> Result<[UInt8], ScanIssue>
    ) -> ScanResult {
        scan(paths: paths, jobs: jobs, open: { path in load(path).map { .bytes($0) } })
    }

    /// Like `scan(paths:jobs:load:)`, for loaders that may hand over a large file as a stream
    /// (`FileReader.input`): such a file is scanned window by window (`WindowedScan`).
    public func scan(
        paths: [String], jobs: Int,
        open: @Sendable @escaping (String) -> Result<FileInput, ScanIssue>
    ) -> ScanResult {
        scan(
            jobs: jobs,
            produce: { push in
                for path in paths { push(WalkedFile(path: path, size: -1)) }
            }, open: { open($0.path) })
    }

    /// Scan files as `produce` finds them (on its own thread, e.g. the directory walk), `jobs`
    /// workers taking them from a bounded queue: scanning starts with the first file, and only
    /// files with something to report are kept until the end. Results are sorted by path, so
    /// they are identical whatever `jobs` is and whatever order the files arrive in.
    public func scan(
        jobs: Int, produce: @Sendable @escaping (_ push: (WalkedFile) -> Void) -> Void,
        open: @Sendable @escaping (WalkedFile) -> Result<FileInput, ScanIssue>
    ) -> ScanResult {
        let started = DispatchTime.now()
        let queue = BoundedQueue<WalkedFile>(capacity: 4096)
        Self.startProducer(produce, into: queue)
        let collected = OutcomeCollector(progress: settings.progress, listSkippedFiles: settings.listSkippedFiles)
        DispatchQueue.concurrentPerform(iterations: max(1, jobs)) { _ in
            while let file = queue.pop() { collected.add(file.path, scanOpened(file.path, open(file))) }
        }
        var result = collected.counts
        var observations: [String: [ProjectObservation]] = [:]
        for (_, outcome) in collected.kept.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
            result.findings += outcome.findings
            result.suppressed += outcome.suppressed
            result.issues += outcome.issues
            result.unusedSuppressions += outcome.unusedSuppressions
            for (id, list) in outcome.observations { observations[id, default: []] += list }
        }
        let (concluded, hidden) = concludeProjectRules(observations)
        result.findings += concluded
        result.suppressed += hidden
        result.findings.sort(by: Finding.reportOrder)
        result.suppressed.sort(by: Finding.reportOrder)
        // Listed skips were collected as they came; by path with the rest (stable: a file's own
        // issues keep their order).
        result.issues.sort { $0.file.utf8.lexicographicallyPrecedes($1.file.utf8) }
        result.durationMs = Int((DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000)
        return result
    }

    /// Scan one in-memory file (stdin, the language server, tests). Project rules see only it.
    public func scan(file: SourceFile) -> ScanResult {
        let outcome = scanOne(file)
        var result = ScanResult()
        let (concluded, hidden) = concludeProjectRules(outcome.observations)
        result.findings = (outcome.findings + concluded).sorted(by: Finding.reportOrder)
        result.suppressed = (outcome.suppressed + hidden).sorted(by: Finding.reportOrder)
        result.unusedSuppressions = outcome.unusedSuppressions
        result.issues = outcome.issues
        result.filesScanned = 1
        result.bytesScanned = file.bytes.count
        return result
    }

    struct FileOutcome: Sendable {
        var findings: [Finding] = []
        var suppressed: [Finding] = []
        var issues: [ScanIssue] = []
        var observations: [String: [ProjectObservation]] = [:]
        var unusedSuppressions: [Finding] = []
        var scanned = true
        var bytes = 0
        var lexed = false
        /// How many windows a streamed file was scanned in (0: scanned whole).
        var windows = 0
    }

    /// What the rules left on one file (or window): raw findings in the context, before suppression.
    struct RuleRun {
        var context: FileContext
        var hasSuppressions = false
        var unlexedRules: [String] = []
        var observations: [String: [ProjectObservation]] = [:]
    }

    /// Prefilter, then each rule whose keywords occur (rules in `skipping` do not run; `traits`: see `PathTraits`).
    func runRules(_ file: SourceFile, skipping: Set<String> = [], traits: PathTraits? = nil) -> RuleRun {
        var hitsByIndex = [[KeywordPrefilter.Hit]](repeating: [], count: rules.count)  // per rule, not keyword
        var hasSuppressions = false
        // Only rules with a hit, plus the keywordless ones, run: of hundreds, a file has a handful.
        var active = keywordlessRules
        for hit in prefilter.scan(file.bytes) {
            if hit.keyword == suppressionKeyword { hasSuppressions = true }
            for ruleIndex in rulesByKeyword[hit.keyword] {
                if let exact = plans[ruleIndex].exactKeywords,
                    !exact.contains(where: { $0.elementsEqual(file.bytes[hit.start..<hit.end]) })
                {
                    continue
                }
                if hitsByIndex[ruleIndex].isEmpty { active.append(ruleIndex) }
                hitsByIndex[ruleIndex].append(hit)
            }
        }
        active.sort()
        var hitsByRule: [String: [KeywordPrefilter.Hit]] = [:]
        for index in active where !hitsByIndex[index].isEmpty {
            hitsByRule[rules[index].id] = hitsByIndex[index]
        }
        var run = RuleRun(
            context: FileContext(file: file, settings: settings, hitsByRule: hitsByRule, traits: traits),
            hasSuppressions: hasSuppressions)
        let context = run.context
        for index in active {
            guard let check = plans[index].check else { continue }
            let selected = traits?.selects(rule: index) ?? plans[index].files.matches(file.path)
            guard selected, skipping.isEmpty || !skipping.contains(rules[index].id) else {
                continue
            }
            switch check {
            case .pattern(let runner):
                runner.run(context)
            case .file(let structural):
                guard context.canLex else { run.unlexedRules.append(rules[index].id); continue }
                if structural.wantsFile(context, rules[index]) {
                    for match in structural.check(context, rules[index]) { context.record(rules[index], match) }
                }
            case .project(let project):
                guard context.canLex else { run.unlexedRules.append(rules[index].id); continue }
                // Only a file that observed something is kept until the project rules conclude.
                let observed = project.collect(context, rules[index])
                if !observed.isEmpty { run.observations[rules[index].id] = observed }
            }
        }
        return run
    }

    func scanOne(_ file: SourceFile, traits: PathTraits? = nil) -> FileOutcome {
        var outcome = FileOutcome()
        outcome.bytes = file.bytes.count
        let run = runRules(file, traits: traits)
        let context = run.context
        let unlexedRules = run.unlexedRules
        outcome.observations = run.observations
        for ruleID in context.timedOutRules {
            outcome.issues.append(.ruleTimeout(file.path, rule: ruleID, budget: settings.ruleTimeBudgetSeconds))
        }
        if !unlexedRules.isEmpty {
            outcome.issues.append(
                .tokenRulesSkipped(
                    file.path, rules: unlexedRules,
                    why: "larger than the lexing limit (\(file.bytes.count) > \(settings.maxLexBytes) bytes)"))
        }
        outcome.lexed = context.didLex
        let suppressions = run.hasSuppressions ? InlineSuppressions(file: file) : nil
        var usedDirectives = Set<Int>()
        var occurrences: [String: Int] = [:]
        FileFinisher.finish(
            context, settings: settings, occurrences: &occurrences,
            directive: { rule, line in
                let directive = suppressions?.directive(for: rule, line: line)
                if let directive { usedDirectives.insert(directive.line) }
                return directive
            }, into: &outcome)
        // Project findings are concluded after every file; what a directive hides is marked now,
        // while the file's directives are at hand (`concludeProjectRules` honours the mark).
        for (id, observations) in outcome.observations {
            for index in observations.indices {
                guard let directive = suppressions?.directive(for: id, line: observations[index].line) else { continue }
                usedDirectives.insert(directive.line)
                outcome.observations[id]?[index].suppressedBy = "inline:\(directive.line)"
            }
        }
        for directive in suppressions?.directives ?? [] where !usedDirectives.contains(directive.line) {
            if let note = unusedSuppression(directive, in: file) { outcome.unusedSuppressions.append(note) }
        }
        return outcome
    }

    /// Project rules' findings, and apart those an inline directive hid at their observation.
    func concludeProjectRules(_ observations: [String: [ProjectObservation]]) -> (
        findings: [Finding], suppressed: [Finding]
    ) {
        var findings: [Finding] = [], suppressed: [Finding] = []
        // Resolved once: copying every rule per file was a third of a history scan, and then a
        // rule-id dictionary lookup per rule and blob 5 % of what was left.
        for (index, project) in projectRules {
            let observed = observations[rules[index].id] ?? []
            var hiddenAt: [String: String] = [:]
            for observation in observed {
                if let directive = observation.suppressedBy {
                    hiddenAt["\(observation.file)\u{0}\(observation.line)"] = directive
                }
            }
            for var finding in project.conclude(observed, rules[index], settings) {
                if let directive = hiddenAt["\(finding.file)\u{0}\(finding.line)"] {
                    finding.suppressedBy = directive
                    suppressed.append(finding)
                } else {
                    findings.append(finding)
                }
            }
        }
        return (findings, suppressed)
    }
}
