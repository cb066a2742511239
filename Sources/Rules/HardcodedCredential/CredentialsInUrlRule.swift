import Engine
import Facts
import Foundation
import Model
import Prefilter
import Support

/// `credentials-in-url`: a password written into a URL's userinfo (`https://user:pass@host`,
/// `postgres://u:p@db.prod/app`, `mongodb+srv://…`, `redis://:p@host`), in strings, config
/// values and comments. Loopback and reserved example hosts (not `.internal` or `.local`, which
/// name real machines), and template holes, are left alone.
struct CredentialsInUrlRule: StructuralRule {
    let messageFields: [String: Set<String>] = ["password": ["identity", "host"]]

    private static let userinfoURL = try! NSRegularExpression(
        pattern: "\\b([a-zA-Z][a-zA-Z0-9+.-]{1,20})://([^\\s:/@,'\"`]*):([^\\s/@,'\"`]+)@([^\\s/:?#'\"`]+)")
    /// Passwords that stand for "no real password here" in docs and local setups.
    private static let trivialPasswords: Set<String> = [
        "pass", "password", "passwd", "secret", "pwd", "pw", "root", "admin", "guest", "test", "user", "postgres",
        "mysql",
        "redis", "changeme", "example", "p", "x", "xxx", "token", "apikey", "api_key", "key", "foo", "bar", "letmein",
    ]

    /// Before lexing: some `://` is followed, within the URL, by `user:password@`.
    func wantsFile(_ context: FileContext, _ rule: RuleDefinition) -> Bool {
        let bytes = context.file.bytes
        return context.hits(for: rule).contains { hit in
            var i = hit.end, sawColon = false
            while i < bytes.count && i < hit.end + 256 {
                let b = bytes[i]
                if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x22 || b == 0x27 || b == 0x60
                    || b == UInt8(ascii: "/") || b == UInt8(ascii: ">")
                {
                    return false
                }
                if b == UInt8(ascii: ":") { sawColon = true }
                if b == UInt8(ascii: "@") { return sawColon }
                i += 1
            }
            return false
        }
    }

    func find(_ context: FileContext, _ rule: RuleDefinition, _ matches: inout [RuleMatch]) {
        let facts = context.facts
        for (index, token) in facts.tokens.enumerated() where token.kind == .string || token.kind == .comment {
            let text = facts.value(of: token) ?? facts.text(index)
            guard text.containsBytes("://"), text.containsBytes("@") else { continue }
            let ns = text as NSString
            for match in Self.userinfoURL.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                let identity = ns.substring(with: match.range(at: 2))
                var password = ns.substring(with: match.range(at: 3))
                var host = ns.substring(with: match.range(at: 4)).lowercased()
                // The userinfo ends at the last `@` before the host: `u:p@ss@db` is password `p@ss`,
                // host `db` (the host named in the message must never hold a piece of the password).
                let rawHost = ns.substring(with: match.range(at: 4))
                if let at = rawHost.lastIndex(of: "@") {
                    password += "@" + rawHost[..<at]
                    host = rawHost[rawHost.index(after: at)...].lowercased()
                }
                let lowerPassword = password.lowercased()
                guard !Self.trivialPasswords.contains(lowerPassword), !lowerPassword.contains("password"),
                    !lowerPassword.contains("passwd"),
                    LiteralSecretShape.isPlausibleLiteral(password.count >= 4 ? password : password + "    "),
                    !password.contains("{"), !password.hasPrefix("$"), !password.hasPrefix("%"),
                    !password.hasPrefix("<"),
                    !facts.hosts.classify(host).isStandIn, !host.contains("{"), !host.hasPrefix("$")
                else { continue }
                if token.kind == .string && token.isTemplate && (password.contains("$") || password.contains("\\(")) {
                    continue
                }
                let range = facts.contentRange(of: index, part: ":" + password + "@")
                let secret = range.count > password.utf8.count ? (range.lowerBound + 1)..<(range.upperBound - 1) : range
                matches.add(
                    range: secret, secret: secret,
                    message: rule.message(
                        "password", ["identity": LiteralSecretShape.kindOfIdentity(identity), "host": host]))
            }
        }
    }
}
