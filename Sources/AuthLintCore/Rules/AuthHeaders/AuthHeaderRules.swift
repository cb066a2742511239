/// The mixed-auth-headers family's Swift-coded rules.
public enum AuthHeaderRules {
    static let structural: [any StructuralRule] = [MixedAuthHeadersRule()]
}
