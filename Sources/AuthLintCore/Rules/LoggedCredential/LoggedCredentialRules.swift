/// The logged-credential family's Swift-coded rules (`http-wire-logging` is a pattern rule).
public enum LoggedCredentialRules {
    static let structural: [any StructuralRule] = [CredentialInLogRule(), HttpDebugLoggingRule(), AccessLogCredentialsRule()]
}
