import Discovery
import Facts
import Lexing
import Model
import Prefilter
import Support
import Suppression

/// A rule written in Swift over one file's tokens and facts. Its metadata, docs and examples live
/// in `rules/<id>.json` (`"engine": "structural"`); the type is `<PascalCaseId>Rule`, and the
/// build registers it from the rule file (`RuleImplementations.builtin`, generated).
public protocol StructuralRule: Sendable {
    /// A cheap look at the keyword hits before the file is lexed: rules whose keywords are
    /// common words (`key`, `token`) say here whether any hit could matter.
    func wantsFile(_ context: FileContext, _ rule: RuleDefinition) -> Bool
    /// Appends what the rule finds in the file to `matches`; the engine makes findings of them
    /// (the rule sees only its own matches, never the file's findings).
    func find(_ context: FileContext, _ rule: RuleDefinition, _ matches: inout [RuleMatch])
    /// The message variants the code reports (`rule.message(variant, values)`), each with the
    /// placeholders it fills; the rule file's `messages` must define exactly these.
    var messageFields: [String: Set<String>] { get }
}

extension StructuralRule {
    public func wantsFile(_ context: FileContext, _ rule: RuleDefinition) -> Bool { true }
    /// What the rule found in the file.
    public func check(_ context: FileContext, _ rule: RuleDefinition) -> [RuleMatch] {
        var matches: [RuleMatch] = []
        find(context, rule, &matches)
        return matches
    }
    public var messageFields: [String: Set<String>] { [:] }
}

/// What a project rule remembers about one file (small: it is kept until the scan ends).
public struct ProjectObservation: Sendable {
    public var file: String
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    /// Grouping key (e.g. a hash of a credential value; never the value itself).
    public var key: String
    /// Free-form facts the rule needs when concluding (e.g. "production").
    public var detail: String
    public var snippet: String
    /// Set by the engine when an inline directive hides a finding here (`inline:LINE`).
    public var suppressedBy: String? = nil

    public init(
        file: String, line: Int, column: Int, endLine: Int, endColumn: Int, key: String, detail: String, snippet: String
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.key = key
        self.detail = detail
        self.snippet = snippet
    }
}

/// A rule that needs several files (`"engine": "project"`): `collect` runs per file (in
/// parallel), `conclude` once.
public protocol ProjectRule: Sendable {
    func collect(_ context: FileContext, _ rule: RuleDefinition) -> [ProjectObservation]
    func conclude(_ observations: [ProjectObservation], _ rule: RuleDefinition, _ settings: ScanSettings) -> [Finding]
    /// As `StructuralRule.messageFields`.
    var messageFields: [String: Set<String>] { get }
}

extension ProjectRule {
    public var messageFields: [String: Set<String>] { [:] }
}

/// The Swift code of rules, by rule id. The engine runs what it is handed and names no rule:
/// the built-in table is generated from `rules/*.json` into the Rules stage.
public struct RuleImplementations: Sendable {
    public var fileRules: [String: any StructuralRule]
    public var projectRules: [String: any ProjectRule]

    public init(fileRules: [String: any StructuralRule] = [:], projectRules: [String: any ProjectRule] = [:]) {
        self.fileRules = fileRules
        self.projectRules = projectRules
    }

    public func has(_ id: String) -> Bool { fileRules[id] != nil || projectRules[id] != nil }

    /// Each rule file defines the message variants its code reports, and their texts use only
    /// the placeholders the code fills: a typo is an error naming the rule file, not a
    /// finding that prints `{heder}`.
    public func checkMessages(of rules: [RuleDefinition]) throws(RuleFileError) {
        for rule in rules {
            guard let fields = fileRules[rule.id]?.messageFields ?? projectRules[rule.id]?.messageFields else {
                continue
            }
            for variant in fields.keys.sorted() where rule.messages[variant] == nil {
                throw RuleFileError(
                    file: rule.source, line: 1, column: 1,
                    problem: "'messages' needs '\(variant)' (the rule's code reports it)")
            }
            for (variant, template) in rule.messages.sorted(by: { $0.key < $1.key }) {
                guard let filled = fields[variant] else {
                    throw RuleFileError(
                        file: rule.source, line: template.line, column: template.column,
                        problem:
                            "unknown message '\(variant)' (the rule reports: \(fields.keys.sorted().joined(separator: ", ")))"
                    )
                }
                for name in template.placeholders where !filled.contains(name) {
                    throw RuleFileError(
                        file: rule.source, line: template.line, column: template.column,
                        problem:
                            "unknown placeholder {\(name)} in message '\(variant)' (known: \(filled.sorted().joined(separator: ", ")))"
                    )
                }
            }
        }
    }
}
