import Support

/// Another place a finding points at ("the header was first set here"): each reporter renders
/// it in its own way (text line, JSON `related`, SARIF `relatedLocations`, LSP `relatedInformation`),
/// so no message carries a position.
public struct RelatedLocation: Sendable, Equatable {
    public var file: String
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    /// Never contains a secret.
    public var message: String

    public init(file: String, line: Int, column: Int, endLine: Int, endColumn: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.message = message
    }
}

/// One reported problem. Reporters receive these already sorted, redacted and fingerprinted.
public struct Finding: Sendable, Equatable {
    public var rule: String
    public var category: RuleCategory
    public var severity: Severity
    public var file: String
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    /// Never contains a secret in full.
    public var message: String
    /// The matched source text with any secret redacted (unless `--show-secrets`).
    public var snippet: String
    /// Stable across moved lines: rule + path + normalised match + occurrence index, hashed.
    public var fingerprint: String
    /// Set when an inline suppression, config ignore or baseline entry matched.
    public var suppressedBy: String?
    /// Other places the finding involves, in the same file.
    public var related: [RelatedLocation]
    /// The commit that introduced it, for findings from git history (`scan --history`).
    public var provenance: CommitProvenance? = nil
    /// What the file is for (`RuleDefinition.FileRoleName.primary`): `shipped`, or `test`,
    /// `fixture`, `documentation`, `generated`, `vendored`.
    public var role = "shipped"

    public init(
        rule: String, category: RuleCategory, severity: Severity, file: String, line: Int,
        column: Int, endLine: Int, endColumn: Int, message: String, snippet: String,
        fingerprint: String = "", suppressedBy: String? = nil, related: [RelatedLocation] = []
    ) {
        self.rule = rule
        self.category = category
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.message = message
        self.snippet = snippet
        self.fingerprint = fingerprint
        self.suppressedBy = suppressedBy
        self.related = related
    }

    /// Deterministic report order: path, line, column, rule.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.line != b.line { return a.line < b.line }
        if a.column != b.column { return a.column < b.column }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.endColumn < b.endColumn
    }
}

/// A file the scan could not (fully) check, reported in the summary.
public struct ScanIssue: Error, Sendable, Equatable {
    /// `partialCheck`: the file was scanned but some rules did not run on it (too large to lex).
    public enum Kind: String, Sendable { case binary, tooLarge, unreadable, notRegular, ruleTimeout, partialCheck }
    public var file: String
    public var kind: Kind
    public var message: String
    /// The rules that did not finish on the file (rule timeouts and partial checks).
    public var rules: [String]
    public init(file: String, kind: Kind, message: String, rules: [String] = []) {
        self.file = file
        self.kind = kind
        self.message = message
        self.rules = rules
    }

    /// The file was scanned but not fully checked: the run fails closed on it (exit 2), so a CI
    /// gate never passes on a check that did not run. (Binary and oversized files are skipped
    /// by policy and counted; they are not this.)
    public var isIncompleteCheck: Bool { kind == .ruleTimeout || kind == .partialCheck }

    /// Left out by policy (binary, over `--max-file-size`, not a regular file): counted in the
    /// summary, listed with `--verbose`, never an error. Unreadable files and incomplete checks are.
    public var isPolicySkip: Bool { kind == .binary || kind == .tooLarge || kind == .notRegular }
}
