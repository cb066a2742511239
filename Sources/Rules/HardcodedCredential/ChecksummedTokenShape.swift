import Engine
import Support

/// GitHub and npm tokens end with a CRC32 of their random part. One whose checksum fails is
/// not a provider finding (the provider rules validate it away), but written as a credential's
/// value it is still a literal someone put there: the generic rule reports it at warning and
/// says the checksum fails, so a user testing with a made-up token sees why.
enum ChecksummedTokenShape {
    private static let githubPrefixes = ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"]

    /// The provider name when `value` has a checksummed token's shape and its checksum fails.
    static func failingChecksum(_ value: String) -> String? {
        let token = value.trimmingSpaces
        let provider: String, validator: String
        if githubPrefixes.contains(where: { token.hasPrefix($0) }) {
            (provider, validator) = ("GitHub", "github-token-checksum")
        } else if token.hasPrefix("npm_") {
            (provider, validator) = ("npm", "npm-token-checksum")
        } else {
            return nil
        }
        let body = token.utf8.dropFirst(4)
        guard body.count == 36, body.allSatisfy(ASCII.isAlphanumeric) else { return nil }
        guard let check = SecretValidators.named(validator), !check(token[...]) else { return nil }
        return provider
    }
}
