import Support

/// How bad a finding is. Ordered so that `error > warning > note`.
public enum Severity: String, Sendable, Comparable, CaseIterable, Codable {
    case note, warning, error

    private var rank: Int {
        switch self {
        case .note: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// The rule categories; the raw value is the JSON `category` (and the `Rules/` folder, in PascalCase).
public enum RuleCategory: String, Sendable, CaseIterable, Codable {
    case hardcodedCredential = "hardcoded-credential"
    case insecureTransport = "insecure-transport"
    case loggedCredential = "logged-credential"
    case mixedAuthHeaders = "mixed-auth-headers"
    /// Notes about `authlint:ignore` directives themselves (`unused-suppression`).
    case suppression
}
