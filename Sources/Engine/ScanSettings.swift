import Discovery
import Facts
import Lexing
import Model
import Prefilter
import Support
import Suppression

/// Settings every rule may consult, resolved from CLI flags and `.authlint.json`.
public struct ScanSettings: Sendable {
    /// Totals for a progress display (the CLI on a terminal); nil when nobody watches.
    public var progress: ScanProgress?
    /// Hosts where `http://` is acceptable (exact host or `*.suffix`).
    public var allowedHosts: [String] = []
    /// Configured API hosts that take credentials, whose plain-http use is an error, not a
    /// warning (the built-in ones, the Report Flow and Reeflow APIs, are rule data: `apiHosts` in
    /// the rule files that use them).
    public var apiHosts: [String] = []
    /// Header names that carry credentials, in addition to the built-in list.
    public var credentialHeaders: [String] = []
    /// Print secrets in full (opt-in; every format redacts by default).
    public var showSecrets = false
    /// Keys report and baseline fingerprints (the CLI and LSP set it from the environment or baseline).
    public var fingerprintKey: FingerprintKey = .none
    public var maxFileSize = 10 * 1024 * 1024
    /// Cap on one pattern rule's total regex time per file; past it the rule is cut short and
    /// the report says so.
    public var ruleTimeBudgetSeconds = 2.0
    /// Files larger than this are not lexed: tokens take ~25x the file's bytes (a 200 MB
    /// minified file needed 9 GB), so above it only pattern rules run (on bounded windows) and
    /// the report says which token-based rules were skipped. Above the default --max-file-size,
    /// so it only matters when that is raised.
    public var maxLexBytes = 16 * 1024 * 1024
    /// Files read from disk that are larger than this are never held whole: they are read and
    /// scanned in windows of about `windowBytes`, cut at line breaks, each with `windowMargin`
    /// bytes of the neighbouring text on both sides (`WindowedScan`). Memory is then bounded by
    /// the window, whatever the file's size. 2 MiB: a lexed 10 MiB file (the default
    /// --max-file-size) took ~150 MB of tokens, so peak RSS was set by the few large files
    /// (the benchmark corpus has 8 text files over 2 MiB; findings unchanged by windowing them).
    public var windowThreshold = 2 * 1024 * 1024
    /// 1 MiB: dense code has ~30 bytes of tokens per byte, so a lexed window stays near 40 MB.
    public var windowBytes = 1024 * 1024
    public var windowMargin = 32 * 1024
    /// Findings in files of these roles are reported one severity lower (error → warning →
    /// note) unless the rule's own `severityIn` caps that role: most literal keys, keys in test
    /// vectors and URLs in tests and docs are inputs, not shipped configuration.
    public var lowerSeverityIn: Set<RuleDefinition.FileRoleName> = [.test, .fixture, .documentation]
    /// Installed distributions that declare themselves testing tools: their files get the test role.
    public var testingDistributions = TestingDistributions()
    /// Keep the name of every file skipped by policy (binary, too large, not regular) for the
    /// report; when false they are only counted (`ScanResult.unlistedSkips`). The CLI turns it
    /// off unless the format lists them (`--verbose`, HTML).
    public var listSkippedFiles = true
    /// What git tracks and ignores (`committed-dotenv`); no repository unless the caller says.
    public var repository: any RepositoryStatus = NoRepository()

    public init() {}
}
