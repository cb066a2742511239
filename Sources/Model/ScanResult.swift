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
    /// Real errors: unreadable files, rule timeouts, partial checks.
    public var errors: [ScanIssue] { issues.filter { !$0.isPolicySkip } }
}
