/// The mixed-auth-headers family: header sets of one request, judged as a whole.
public enum AuthHeaderRules {
    static let structural: [any StructuralRule] = [
        MixedAuthHeadersRule(), DuplicateAuthHeaderRule(), AppkeyHeaderCasingRule(), MalformedBasicAuthRule(),
    ]
}
