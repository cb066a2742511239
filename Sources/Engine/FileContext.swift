import Discovery
import Facts
import Foundation
import Lexing
import Model
import Prefilter
import Support
import Suppression

/// Everything a rule may ask about one file. Tokens and facts are computed on first use only,
/// so files whose keywords select no token-based rule are never lexed.
public final class FileContext: @unchecked Sendable {
    public let file: SourceFile
    public let settings: ScanSettings
    /// Keyword hits of the prefilter, by rule id.
    let hitsByRule: [String: [KeywordPrefilter.Hit]]
    private(set) var rawFindings: [RawFinding] = []
    /// Rules cut short by their time budget on this file.
    private(set) var timedOutRules: [String] = []

    private var cachedTokens: TokenList?
    private var cachedFacts: FileFacts?

    /// What the path decides, when the scan computed it once for many versions of the path.
    private let traits: PathTraits?

    init(
        file: SourceFile, settings: ScanSettings, hitsByRule: [String: [KeywordPrefilter.Hit]],
        traits: PathTraits? = nil
    ) {
        self.file = file
        self.settings = settings
        self.hitsByRule = hitsByRule
        self.traits = traits
    }

    /// The file's roles (test, fixture, documentation, generated, vendored) from its path and
    /// first bytes: cheap, and never lexes (per-role severity reads it for every finding).
    public private(set) lazy var role =
        traits?.role(head: file.bytes.prefix(512)) ?? Self.role(of: file, settings)

    /// The one role classification every rule and the finding builder use: path and first
    /// bytes, and the test role for the packages of an installed testing distribution.
    static func role(of file: SourceFile, _ settings: ScanSettings) -> FileRole {
        var role = FileRole(path: file.path, head: file.bytes.prefix(512))
        if settings.testingDistributions.contains(file.path) { role.insert(.test) }
        return role
    }

    var didLex: Bool { cachedTokens != nil && canLex }

    /// False for files over `settings.maxLexBytes`: their tokens would not fit in bounded memory.
    /// (Never above Int32.max either: tokens store 32-bit offsets.)
    var canLex: Bool { file.bytes.count <= min(settings.maxLexBytes, Int(Int32.max)) }

    public var tokens: [Token] { tokenList.tokens }

    /// The tokens with what their values are read from (`tokenList.value(of:)`).
    public var tokenList: TokenList {
        if let cachedTokens { return cachedTokens }
        // Too large to lex: no tokens (comment checks then say "not a comment", so pattern
        // rules report rather than miss). The engine skips token-based rules for such files.
        guard canLex else {
            cachedTokens = TokenList(bytes: file.bytes, tokens: [])
            return cachedTokens!
        }
        let tokens = LexerRegistry.tokenize(file)
        cachedTokens = tokens
        return tokens
    }

    public var facts: FileFacts {
        if let cachedFacts { return cachedFacts }
        let facts = FileFacts(
            file: file, tokens: tokenList,
            hosts: HostPolicy(allowedHosts: settings.allowedHosts, apiHosts: settings.apiHosts))
        facts.declareRole(role)
        cachedFacts = facts
        return facts
    }

    /// Keyword hits for this rule (empty for rules without keywords).
    public func hits(for rule: RuleDefinition) -> [KeywordPrefilter.Hit] { hitsByRule[rule.id] ?? [] }

    /// Index of the token containing byte `offset`, if any.
    public func tokenIndex(containing offset: Int) -> Int? { tokens.index(containing: offset) }

    /// True when `offset` lies in a comment or Markdown prose.
    public func isInComment(_ offset: Int) -> Bool {
        guard let index = tokenIndex(containing: offset) else { return false }
        return tokens[index].kind == .comment
    }

    /// Records a finding over `range` (the engine's collector: pattern matches and what
    /// structural rules return); `secret` (inside `range`) is what redaction hides.
    func record(_ rule: RuleDefinition, _ match: RuleMatch) {
        rawFindings.append(
            RawFinding(
                rule: rule, range: match.range, secret: match.secret,
                message: match.message ?? rule.reportMessage, severity: match.severity ?? rule.severity,
                related: match.related))
    }

    /// A project rule's observation of `range`: position and redacted snippet computed while the
    /// file is at hand, as for a finding.
    public func observation(_ rule: RuleDefinition, range: Range<Int>, key: String, detail: String)
        -> ProjectObservation
    {
        let raw = RawFinding(rule: rule, range: range, secret: range, message: "", severity: rule.severity)
        let built = FindingBuilder.build([raw], in: file, settings: settings, context: self)[0]
        return ProjectObservation(
            file: file.path, line: built.line, column: built.column, endLine: built.endLine,
            endColumn: built.endColumn, key: key, detail: detail, snippet: built.snippet)
    }

    func noteTimeout(_ ruleID: String) { if !timedOutRules.contains(ruleID) { timedOutRules.append(ruleID) } }
}

/// A finding before positions, redaction and fingerprinting.
struct RawFinding {
    var rule: RuleDefinition
    var range: Range<Int>
    var secret: Range<Int>?
    var message: String
    var severity: Severity
    var related: [RelatedRange] = []
}

/// A related place of a finding in its file, by byte range (`FindingBuilder` turns it into a `RelatedLocation`).
public struct RelatedRange: Sendable {
    public var range: Range<Int>
    public var message: String

    public init(_ range: Range<Int>, _ message: String) {
        self.range = range
        self.message = message
    }
}
