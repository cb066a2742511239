import Model
import Support

/// What every reporter gets: the sorted, redacted findings plus the catalog and summary.
public struct ReportInput: Sendable {
    public var result: ScanResult
    public var rules: [RuleDefinition]
    public var toolVersion: String
    /// ANSI colours (text formats only; the CLI decides from TTY and NO_COLOR).
    public var color: Bool
    /// `--verbose`: list each skipped file (binary, too large, not regular), not only their counts.
    public var verbose: Bool
    /// What was scanned, as the user named it (paths, `staged index`, `stdin as NAME`), and when
    /// (ISO 8601): the HTML report's header, read away from the run that made it.
    public var scannedPaths: [String]
    public var generatedAt: String?

    public init(
        result: ScanResult, rules: [RuleDefinition], toolVersion: String = AuthLint.version, color: Bool = false,
        verbose: Bool = false, scannedPaths: [String] = [], generatedAt: String? = nil
    ) {
        self.result = result
        self.rules = rules
        self.toolVersion = toolVersion
        self.color = color
        self.verbose = verbose
        self.scannedPaths = scannedPaths
        self.generatedAt = generatedAt
    }
}

extension ReportInput {
    /// Files a rule could not finish (cut short, token rules skipped): they make the run fail,
    /// so every format names them, also those with no summary of their own (compact, GitHub,
    /// GitLab, JUnit, Checkstyle) — an annotation or dashboard must show why the gate failed.
    var incompleteChecks: [ScanIssue] { result.incompleteChecks }

    /// The line formats' wording for one of them.
    static func incompleteMessage(_ issue: ScanIssue) -> String { "not fully checked: \(issue.message)" }
    static let incompleteCheckName = "incomplete-check"
}

/// One output format. Each format lives in its own file and is registered in `ReportFormat`.
public protocol Reporter: Sendable {
    func render(_ input: ReportInput) -> String
}

public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, sarif, junit, checkstyle, github, gitlab, compact, html

    /// Whether the report names each file skipped by policy: HTML always (folded), text, JSON
    /// and SARIF with `--verbose`. When not, the scan only counts them (`ScanResult.unlistedSkips`).
    public func listsSkippedFiles(verbose: Bool) -> Bool {
        switch self {
        case .html: return true
        case .text, .json, .sarif: return verbose
        case .junit, .checkstyle, .github, .gitlab, .compact: return false
        }
    }

    public var reporter: any Reporter {
        switch self {
        case .text: return TextReporter()
        case .json: return JSONReporter()
        case .sarif: return SARIFReporter()
        case .junit: return JUnitReporter()
        case .checkstyle: return CheckstyleReporter()
        case .github: return GitHubReporter()
        case .gitlab: return GitLabReporter()
        case .compact: return CompactReporter()
        case .html: return HTMLReporter()
        }
    }
}
