import Discovery
import Facts
import Lexing
import Model
import Prefilter
import Support
import Suppression

/// What a structural rule found at one place. Rules return their matches; the engine turns them
/// into findings (precedence, positions, redaction of `secret` and every known credential span,
/// severity caps, fingerprints), so no rule can skip a step.
public struct RuleMatch: Sendable {
    public var range: Range<Int>
    /// The credential inside `range`, masked in every output.
    public var secret: Range<Int>?
    /// Nil: the rule file's default message.
    public var message: String?
    /// Nil: the rule's severity.
    public var severity: Severity?
    /// Other places the finding involves (never a position in `message`).
    public var related: [RelatedRange]

    public init(
        range: Range<Int>, secret: Range<Int>? = nil, message: String? = nil, severity: Severity? = nil,
        related: [RelatedRange] = []
    ) {
        self.range = range
        self.secret = secret
        self.message = message
        self.severity = severity
        self.related = related
    }
}

extension Array where Element == RuleMatch {
    /// `matches.add(range: …)`: the one way rules record a match.
    public mutating func add(
        range: Range<Int>, secret: Range<Int>? = nil, message: String? = nil, severity: Severity? = nil,
        related: [RelatedRange] = []
    ) {
        append(RuleMatch(range: range, secret: secret, message: message, severity: severity, related: related))
    }
}
