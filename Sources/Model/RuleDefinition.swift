import Foundation
import Support

/// One rule as described by its `rules/<id>.json` file. Pattern rules are fully defined by this
/// data; structural rules pair it with Swift code registered under the same id.
public struct RuleDefinition: Sendable {
    package init(
        id: String, category: RuleCategory, severity: Severity, engine: Engine, summary: String, description: String,
        fix: String, keywords: [String], caseSensitiveKeywords: Bool = false, pattern: String?, secretGroup: Int?,
        minEntropy: Double, placeholderCheck: Bool, skipComments: Bool, multiline: Bool, windowReach: Int? = nil,
        validator: String?, files: [String], excludeFiles: [String], allowlist: [String], apiHosts: [String] = [],
        message: String?, fireExamples: [Example], passExamples: [Example], source: String,
        precedence: Precedence = .provider, severityIn: [FileRoleName: Severity] = [:],
        messages: [String: MessageTemplate] = [:]
    ) {
        self.id = id; self.category = category; self.severity = severity; self.engine = engine; self.summary = summary;
        self.description = description; self.fix = fix; self.keywords = keywords;
        self.caseSensitiveKeywords = caseSensitiveKeywords; self.pattern = pattern; self.secretGroup = secretGroup;
        self.minEntropy = minEntropy; self.placeholderCheck = placeholderCheck; self.skipComments = skipComments;
        self.multiline = multiline; self.windowReach = windowReach; self.validator = validator; self.files = files;
        self.excludeFiles = excludeFiles; self.allowlist = allowlist; self.apiHosts = apiHosts; self.message = message;
        self.fireExamples = fireExamples; self.passExamples = passExamples; self.source = source;
        self.precedence = precedence; self.severityIn = severityIn; self.messages = messages
    }
    /// `structural`: a `StructuralRule` per file; `project`: a `ProjectRule` over several files;
    /// `builtin`: produced by the scan itself (`unused-suppression`), no rule code.
    public enum Engine: String, Sendable { case pattern, structural, project, builtin }

    public struct Example: Sendable {
        package init(file: String, code: String, at: String? = nil) { self.file = file; self.code = code; self.at = at }
        public var file: String
        public var code: String
        /// Fire examples: the first finding starts at the `occurrence`-th (from 1) `at` text of
        /// the code, and the example gives `count` findings of its rule.
        public var at: String?
        public var occurrence = 1
        public var count = 1
    }

    public var id: String
    public var category: RuleCategory
    public var severity: Severity
    public var engine: Engine
    public var summary: String
    public var description: String
    public var fix: String
    /// Case-insensitive literals; the rule runs only where one occurs. Empty = runs on every
    /// file its `files` globs select (structural rules that key on syntax, not words).
    public var keywords: [String]
    /// Keyword hits count only when their bytes equal a keyword exactly (provider prefixes such
    /// as `SK`, `AKIA`, `eyJ` whose pattern is case-sensitive): the prefilter's pass stays
    /// case-insensitive, and `sk` in `task` no longer sends a window to the regex.
    public var caseSensitiveKeywords: Bool = false
    /// Pattern engine only.
    public var pattern: String?
    /// Capture group holding the secret: N, 0 for the whole match, or nil for the first group
    /// that took part in the match (patterns with alternative branches). Pattern engine only.
    public var secretGroup: Int?
    /// Shannon entropy floor (bits per character) for the secret. 0 = no check.
    public var minEntropy: Double
    /// Skip secrets that look like placeholders (`your-…`, `<…>`, `${…}`, `xxx`, `changeme`, …).
    public var placeholderCheck: Bool
    /// Skip matches inside comments and Markdown prose (generic assignments); provider tokens keep
    /// this false because a real key in a comment is still a leak.
    public var skipComments: Bool
    /// The regex window reaches `windowReach` bytes past the keyword across lines (PEM blocks),
    /// instead of stopping at the end of the keyword's line.
    public var multiline: Bool
    /// Bytes either side of a keyword hit the regex window may reach (default
    /// `PatternRuleRunner.windowReach`, 2048). Rules whose match always lies close around their
    /// keyword say so: on a minified one-line file every hit otherwise opens 4 KiB of regex work.
    public var windowReach: Int? = nil
    /// Named Swift check run on the secret after the regex (e.g. a checksum); see `SecretValidators`.
    public var validator: String?
    /// File globs (basename globs unless they contain `/`). Empty = every file.
    public var files: [String]
    public var excludeFiles: [String]
    /// Regexes: a secret matching any of them is not reported.
    public var allowlist: [String]
    /// Hosts of the product API the rule guards (`"apiHosts"`, rule data; `.authlint.json` adds
    /// more through `ScanSettings.apiHosts`).
    public var apiHosts: [String] = []
    /// Message override; defaults to `summary`.
    public var message: String?
    public var fireExamples: [Example]
    public var passExamples: [Example]
    /// Where this rule came from (`rules/x.json`, or a user rule folder path).
    public var source: String
    /// Compiled into the binary from `rules/` (reviewed, tested patterns), not a user rule.
    public var isBuiltin = false
    /// Pattern rules whose match holds no secret (`"secretless": true` in the rule file).
    public var secretless = false
    /// Hardcoded-credential rules: how specific the rule's evidence is (`"precedence"`); on an
    /// overlapping value the more specific rule's finding is kept (`CredentialPrecedence`).
    package var precedence: Precedence = .provider
    /// The most severe a finding may be in a file of a role (`"severityIn": {"test": "warning"}`):
    /// test code switches TLS checks off against local servers on purpose.
    public var severityIn: [FileRoleName: Severity] = [:]

    /// The file roles a rule file may name in `severityIn`.
    public enum FileRoleName: String, Sendable, CaseIterable {
        /// Test code or its data (`FileRole.isTestCode`: tests and fixtures).
        case test
        case fixture, documentation, generated, vendored

        /// The one role a report shows for a file of several (`vendor/x/test/y.go` is vendored
        /// first): where the code comes from, then what it is for; `shipped` for none.
        public static func primary(of roles: Set<FileRoleName>) -> String {
            [.vendored, .generated, .fixture, .test, .documentation].first(where: roles.contains)?.rawValue
                ?? "shipped"
        }

    }

    /// Named message texts of a structural or project rule (`"messages"`), filled by its code.
    public var messages: [String: MessageTemplate] = [:]

    public var reportMessage: String { message ?? summary }

    /// The rule file's message `variant` with its holes filled (the default message when the
    /// variant is missing; `RuleImplementations.checkMessages` makes sure none is).
    public func message(_ variant: String, _ values: [String: String] = [:]) -> String {
        messages[variant]?.render(values) ?? reportMessage
    }

    /// Lower-ranked findings on a value yield to higher-ranked ones.
    public enum Precedence: Int, Sendable, Comparable, CaseIterable {
        /// Name-based guesses (a secret-looking literal assigned to a secret-sounding name).
        case generic
        /// Credential shapes: an appkey, Basic or Bearer header, URL userinfo.
        case shape
        /// A token format several providers share or that carries no provider context (a JWT, an
        /// `AIza…` Google key, `sk_live_…`): a provider rule that also saw the provider's name wins.
        case format
        /// A provider's own token format (the default: the most specific evidence there is).
        case provider

        public init?(name: String) {
            switch name {
            case "generic": self = .generic
            case "shape": self = .shape
            case "format": self = .format
            case "provider": self = .provider
            default: return nil
            }
        }

        public static func < (a: Precedence, b: Precedence) -> Bool { a.rawValue < b.rawValue }
    }
}
