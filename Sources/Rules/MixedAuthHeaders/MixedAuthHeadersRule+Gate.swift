import Engine
import Facts
import Model
import Support

/// Before lexing: two mechanisms in one request need two different credential header names, at
/// most one of them `Authorization` made up by the facts (curl `-u`, HTTPie `-a`, an `auth=`
/// option, `setBasicAuth`, a Postman `auth` block, an OpenAPI security scheme).
extension MixedAuthHeadersRule {
    /// `CredentialNames.headers`, then the words of the sources that make up an `Authorization`
    /// header (`-u` is in `--user`; `auth` in `--auth`, `auth=`, `setBearerAuth`, `oauth2-bearer`).
    static let headerNames = CredentialNames.headers.sorted()
    static let impliedAuthorizationWords = ["auth", "-u", "-a", "security"]
    private static let gate = WordMatcher(headerNames + impliedAuthorizationWords)

    /// Two mechanisms need at least two keyword hits (most files mention one header once), and
    /// two header names.
    func wantsFile(_ context: FileContext, _ rule: RuleDefinition) -> Bool {
        guard context.hits(for: rule).count >= 2 else { return false }
        // A header the user configured may be any name.
        guard context.settings.credentialHeaders.isEmpty else { return true }
        return context.file.bytes.withUnsafeBufferPointer { Self.namesTwoMechanisms($0) }
    }

    /// Whether the bytes name two different credential headers, counting an implied
    /// `Authorization`. A header name inside a longer one (`api-key` in `X-API-Key`) is that one;
    /// a name is read whole, so the shorter is no header of its own.
    static func namesTwoMechanisms(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var names = Set<Int>()
        var impliesAuthorization = false
        var coveredUntil = 0
        return gate.firstMatch(in: bytes) { match in
            guard match.end > coveredUntil else { return false }
            if match.word < headerNames.count {
                coveredUntil = match.end
                names.insert(match.word)
            } else {
                impliesAuthorization = true
            }
            let authorization = names.contains(authorizationIndex)
            return names.count >= 2 || (impliesAuthorization && !names.isEmpty && !authorization)
        }
    }

    private static let authorizationIndex = headerNames.firstIndex(of: "authorization")!
}
