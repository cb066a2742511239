/// The logged-credential family's Swift-coded rules.
public enum LoggedCredentialRules {
    static let structural: [any StructuralRule] = [CredentialInLogRule()]
}
