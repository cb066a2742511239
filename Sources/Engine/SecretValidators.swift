import Discovery
import Facts
import Lexing
import Model
import Prefilter
import Support
import Suppression

/// Named checks a pattern rule can run on its secret after the regex matched, for formats that
/// carry more structure than a regex can see (checksums, embedded JSON). `nil` = no such name.
public enum SecretValidators {
    public typealias Check = @Sendable (Substring) -> Bool

    /// Every validator: the shared ones below plus each rule family's own table.
    private static let all: [String: Check] =
        shared
        .merging(ruleFamilyValidators, uniquingKeysWith: { first, _ in first })

    private static let shared: [String: Check] = [
        // Basic credentials: base64 of `id:secret` where both halves are non-empty.
        "basic-credentials": { value in
            guard let decoded = Base64.decode(String(value)) else { return false }
            guard let text = String(validating: decoded, as: UTF8.self),
                let colon = text.firstIndex(of: ":")
            else { return false }
            return colon != text.startIndex && text.index(after: colon) != text.endIndex
                && !text.contains(where: { $0.isNewline || $0 == "\0" })
        }
    ]

    public static var names: [String] { all.keys.sorted() }

    public static func named(_ name: String) -> Check? { all[name] }
}

extension SecretValidators {
    /// Rule families contribute validators here (one static table per family file).
    static var ruleFamilyValidators: [String: Check] {
        providerTokenValidators.merging(structuredTokenValidators, uniquingKeysWith: { first, _ in first })
    }
}
