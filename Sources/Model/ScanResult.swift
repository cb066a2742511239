import Support

/// The outcome of one scan, before reporting.
public struct ScanResult: Sendable {
    public var findings: [Finding] = []
    /// Findings an inline directive, config ignore or baseline removed (kept for counts and SARIF).
    public var suppressed: [Finding] = []
    public var filesScanned = 0
    public var bytesScanned = 0
    /// Files (and their bytes) that some rule had to lex: the main cost after the prefilter.
    public var filesLexed = 0
    public var bytesLexed = 0
    public var issues: [ScanIssue] = []
    /// Files skipped by policy whose names were not kept, by reason: counted, not listed, when
    /// nothing in the run prints their names (`ScanSettings.listSkippedFiles`). A 4x corpus has
    /// 57,000 binary files; holding each name until the report was most of its memory growth.
    public var unlistedSkips: [ScanIssue.Kind: Int] = [:]
    public var durationMs = 0
    /// Inline directives that matched no finding, as note-level findings (`--report-unused-suppressions`).
    public var unusedSuppressions: [Finding] = []
    /// Files too large to hold whole, scanned in windows (`WindowedScan`; not an error).
    public var filesWindowed = 0
    /// The config file the run obeyed (as the user would type it), so a report never hides
    /// which excludes and rule switches applied; nil when none was found.
    public var configFile: String?
    /// What a history scan (`scan --history`) read and left out; nil for other inputs.
    public var history: HistorySummary?
    public init() {}

    /// Files scanned but not fully checked (rule timeouts, skipped token rules): the run fails closed.
    public var incompleteChecks: [ScanIssue] { issues.filter(\.isIncompleteCheck) }
    /// Files left out by policy (binary, too large, not regular): counts, not errors.
    public var skippedFiles: [ScanIssue] { issues.filter(\.isPolicySkip) }
    /// How many files `reason` skipped, listed in `issues` or only counted.
    public func skippedCount(_ reason: ScanIssue.Kind) -> Int {
        unlistedSkips[reason, default: 0] + issues.filter { $0.kind == reason }.count
    }
    /// Every file skipped by policy, listed or only counted.
    public var skippedTotal: Int { unlistedSkips.values.reduce(0, +) + skippedFiles.count }

    /// Adds `issue`, or only counts it when it is a policy skip and `listing` is false.
    public mutating func record(_ issue: ScanIssue, listing: Bool) {
        if issue.isPolicySkip && !listing {
            unlistedSkips[issue.kind, default: 0] += 1
        } else {
            issues.append(issue)
        }
    }
    /// Puts issues found before the scan's own (the walk's, the index's) first, policy skips
    /// only counted unless `listing`, then orders all by path (a file's own issues keep their order).
    public mutating func addIssues(before earlier: [ScanIssue], listing: Bool) {
        let scanned = issues
        issues = []
        for issue in earlier { record(issue, listing: listing) }
        issues = (issues + scanned).sorted { $0.file < $1.file }
    }
    /// Real errors: unreadable files, rule timeouts, partial checks.
    public var errors: [ScanIssue] { issues.filter { !$0.isPolicySkip } }
}
