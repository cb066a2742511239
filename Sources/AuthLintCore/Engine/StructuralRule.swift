/// A rule written in Swift over one file's tokens and facts. Its metadata, docs and examples live
/// in `rules/<id>.json` like every other rule; `id` ties the two together.
public protocol StructuralRule: Sendable {
    var id: String { get }
    /// A cheap look at the keyword hits before the file is lexed: rules whose keywords are
    /// common words (`key`, `token`) say here whether any hit could matter.
    func wantsFile(_ context: FileContext, _ rule: RuleDefinition) -> Bool
    func check(_ context: FileContext, _ rule: RuleDefinition)
}

extension StructuralRule {
    public func wantsFile(_ context: FileContext, _ rule: RuleDefinition) -> Bool { true }
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

    public init(file: String, line: Int, column: Int, endLine: Int, endColumn: Int, key: String, detail: String, snippet: String) {
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

/// A rule that needs several files: `collect` runs per file (in parallel), `conclude` once.
public protocol ProjectRule: Sendable {
    var id: String { get }
    func collect(_ context: FileContext, _ rule: RuleDefinition) -> [ProjectObservation]
    func conclude(_ observations: [ProjectObservation], _ rule: RuleDefinition, _ settings: ScanSettings) -> [Finding]
}

/// All Swift-coded rules, gathered from one table per rule family file.
public enum StructuralRuleRegistry {
    public static let fileRules: [String: any StructuralRule] = {
        var table: [String: any StructuralRule] = [:]
        for rule in HardcodedCredentialRules.structural + InsecureTransportRules.structural
            + LoggedCredentialRules.structural + AuthHeaderRules.structural {
            precondition(table[rule.id] == nil, "structural rule \(rule.id) registered twice")
            table[rule.id] = rule
        }
        return table
    }()

    public static let projectRules: [String: any ProjectRule] = {
        var table: [String: any ProjectRule] = [:]
        for rule in HardcodedCredentialRules.project { table[rule.id] = rule }
        return table
    }()

    public static func has(_ id: String) -> Bool { fileRules[id] != nil || projectRules[id] != nil }
}
