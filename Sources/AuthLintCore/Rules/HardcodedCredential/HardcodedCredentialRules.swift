/// The hardcoded-credential family's Swift-coded rules.
public enum HardcodedCredentialRules {
    static let structural: [any StructuralRule] = []
    static let project: [any ProjectRule] = []
}
