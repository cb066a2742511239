/// The hardcoded-credential family's Swift-coded rules (provider token formats are pattern rules
/// in `rules/*.json`; their checksum validators are in `ProviderTokenValidators.swift`).
public enum HardcodedCredentialRules {
    static let structural: [any StructuralRule] = [
        HardcodedAppkeyRule(), HardcodedSecretRule(), HardcodedBearerTokenRule(), HardcodedBasicAuthRule(), CredentialsInUrlRule(),
        KubernetesSecretManifestRule(),
    ]
    static let project: [any ProjectRule] = [CommittedDotenvRule(), CredentialSharedAcrossEnvironmentsRule()]
}
