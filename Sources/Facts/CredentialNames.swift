import Lexing
import Model
import Support

/// Which names and header names carry credentials. Shared by the logging, header and
/// hardcoded-credential families so they agree on what a credential is.
public enum CredentialNames {
    /// Header names that carry a credential (lower-cased). `Authorization` covers every scheme.
    public static let headers: Set<String> = [
        "authorization", "proxy-authorization", "x-api-key", "api-key", "apikey", "appkey", "x-auth-token",
        "x-access-token", "x-api-token", "x-app-key", "x-appkey", "private-token", "x-goog-api-key",
        "ocp-apim-subscription-key",
    ]

    private static let asciiHeaders: [[UInt8]] = headers.map { Array($0.utf8) }

    /// `headers.contains(name.lowercased())` without making a String for an ASCII name (asked for
    /// every binding). A non-ASCII name takes the String path: lower-casing may change its length.
    public static func isHeaderName(_ name: String) -> Bool {
        let utf8 = name.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return headers.contains(name.lowercased()) }
        let count = utf8.count
        return asciiHeaders.contains { header in
            header.count == count && zip(header, utf8).allSatisfy { $0 == ($1 >= 0x41 && $1 <= 0x5A ? $1 | 0x20 : $1) }
        }
    }

    /// `isHeaderName` of an ASCII name's bytes; nil when a byte is not ASCII (ask with the String).
    public static func isHeaderName(_ bytes: ArraySlice<UInt8>) -> Bool? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        let count = bytes.count
        return asciiHeaders.contains { header in
            header.count == count && zip(header, bytes).allSatisfy { $0 == ($1 >= 0x41 && $1 <= 0x5A ? $1 | 0x20 : $1) }
        }
    }

    /// The mechanism a credential header belongs to: two different mechanisms in one request are
    /// "multiple credentials"; the same mechanism twice is a duplicate.
    public static func mechanism(ofHeader name: String, extra: [String] = []) -> String? {
        guard !extra.isEmpty || mayContainCredentialWord(name) else { return nil }
        let lower = name.lowercased()
        if headers.contains(lower) || extra.contains(where: { $0.lowercased() == lower }) {
            return lower == "proxy-authorization" ? "proxy-authorization" : lower
        }
        return nil
    }

    /// Words (from camelCase, snake_case, kebab-case or SCREAMING_CASE names) that mark a value as a
    /// credential.
    package static let credentialWords: Set<String> = [
        "authorization", "apikey", "appkey", "secret", "secrets", "token", "tokens", "password", "passwd", "pwd",
        "credential", "credentials", "creds", "bearer", "passphrase", "privatekey", "accesskey", "authheader",
        "authtoken",
        "secretkey", "signingkey", "encryptionkey", "masterkey",
        // Redis: `--requirepass`, `masterauth`.
        "requirepass", "masterauth",
    ]
    /// Words that make a following "token" a credential.
    package static let tokenQualifiers: Set<String> = [
        "access", "auth", "bearer", "refresh", "api", "app", "oauth", "session", "jwt", "id", "personal", "secret",
        "user", "github", "gitlab", "slack", "csrf", "xsrf", "security", "identity", "service", "bot", "deploy", "npm",
        "pypi",
    ]
    /// Trailing words that make the name about a credential rather than the credential itself.
    package static let metadataWords: Set<String> = [
        "count", "length", "len", "size", "type", "types", "id", "ids", "name", "names", "url", "uri", "endpoint",
        "expiry",
        "expires", "expiration", "ttl", "path", "file", "filename", "hash", "hashed", "digest", "prefix", "present",
        "valid", "exists", "enabled", "kind", "field", "fields", "header", "key", "label", "hint", "placeholder",
        "regex", "pattern", "policy", "rotation", "version", "ref", "env", "var", "parameter", "param", "mask",
        "masked",
        "redacted", "fingerprint", "required", "error", "errors", "message", "format", "dir", "location", "source",
    ]

    /// Splits `apiKeySecret`, `API_KEY_SECRET`, `x-api-key` into lower-case words.
    public static func words(_ name: String) -> [String] {
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(name) }
        var words: [String] = []
        var current = ""
        var previousWasLower = false
        for ch in name {
            if ch == "_" || ch == "-" || ch == "." || ch == " " || ch == "$" || ch == "@" {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousWasLower = false
                continue
            }
            if ch.isUppercase && previousWasLower && !current.isEmpty {
                words.append(current)
                current = ""
            }
            current.append(Character(ch.lowercased()))
            previousWasLower = ch.isLowercase || ch.isNumber
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// `words` on bytes for ASCII names (nearly all): the same splits without Character properties.
    private static func asciiWords(_ name: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        var previousWasLower = false
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: " "), UInt8(ascii: "$"),
                UInt8(ascii: "@"):
                if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll(keepingCapacity: true)
                previousWasLower = false
            case 0x41...0x5A:
                if previousWasLower && !current.isEmpty {
                    words.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
                current.append(byte | 0x20)
                previousWasLower = false
            default:
                current.append(byte)
                previousWasLower = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    /// Every credential word and header name contains one of these stems.
    private static let stems: [[UInt8]] = ["auth", "key", "secret", "token", "pass", "pwd", "cred", "bearer"].map {
        Array($0.utf8)
    }

    /// A cheap necessary condition for `isCredentialName`, on bytes: with separators removed and
    /// ASCII lower-cased, the name (and so every word or joined pair of words) must contain a
    /// stem. Most names in a file fail it, and splitting them into words was 8% of a scan.
    /// Non-ASCII names take the full path.
    package static func mayContainCredentialWord(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { mayContainCredentialWord(utf8: $0) }
    }

    /// `mayContainCredentialWord` of a name's UTF-8 bytes (a fact's name read in the file).
    package static func mayContainCredentialWord(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Folded on the stack: this runs for every keyword hit's name, and a heap array per call
        // (plus an unspecialised generic search) was a tenth of a scan.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, bytes.count)) { buffer in
            var count = 0
            for byte in bytes {
                if byte >= 0x80 { return true }
                switch byte {
                case UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: " "), UInt8(ascii: "$"),
                    UInt8(ascii: "@"):
                    continue
                case 0x41...0x5A: buffer[count] = byte | 0x20
                default: buffer[count] = byte
                }
                count += 1
            }
            let folded = UnsafeBufferPointer(rebasing: buffer[0..<count])
            for stem in stems
            where stem.withUnsafeBufferPointer({ ASCII.findBytes($0, in: folded, from: 0) }) != nil {
                return true
            }
            return false
        }
    }

    /// Words before a bare `token`/`key` that make the name about something other than a
    /// credential: database and cache keys, pagination and lexer tokens, i18n keys.
    package static let nonCredentialQualifiers: Set<String> = [
        "sort", "primary", "foreign", "partition", "cache", "map", "dict", "hash", "lookup", "unique", "composite",
        "row", "object", "storage", "translation", "i18n", "l10n", "idempotency", "public", "pub", "list", "item",
        "group", "index", "search", "field", "column", "table", "entry", "message", "registry", "redis", "cursor",
        "query", "bucket", "file", "hot", "short", "dedup", "dedupe", "routing", "shard", "cancel", "cancellation",
        "continuation", "page", "pagination", "next", "prev", "previous", "lexer", "parser", "syntax", "sync",
        "resume", "change", "start", "end", "stop", "eos", "bos", "pad", "unk", "mask", "sep", "cls", "special",
        "word", "input", "output", "max", "min", "num", "total", "current", "last", "first", "split", "delimiter",
        "notification", "push", "device", "fcm", "apns", "registration", "sub", "event", "state", "theme", "locale",
        "lang", "label", "css", "style", "react", "vue", "node", "tree", "sequence", "seq", "position", "type", "kind",
        "name", "id", "prop", "meta", "config", "setting", "settings", "option", "options", "feature", "flag", "step",
        "route", "tab", "menu", "view", "form", "storybook", "story", "test", "mock", "fake", "dummy", "sample",
        "example", "cipher", "nonce", "iv", "salt", "result", "context", "cluster", "new", "old", "mixin", "request",
        "response", "websocket", "hex", "verification", "grant", "activation", "constraint", "constraints",
        "dictionary", "property", "attribute", "attr", "env", "environment", "header", "path", "url",
    ]

    /// Names whose only credential word is a bare trailing `token` or `key` (`token`, `key`,
    /// `myToken`, `asanaToken`, `DIGITALOCEAN_TOKEN`, `stripe_key`). Weak evidence: the value
    /// must pass the stricter `LiteralSecretShape.looksLikeSecretForWeakName`.
    package static func isWeakCredentialName(_ name: String) -> Bool {
        let parts = words(name)
        guard let last = parts.last, last == "token" || last == "key", parts.count <= 5 else { return false }
        guard parts.count >= 2 else { return true }
        let before = parts[parts.count - 2]
        if nonCredentialQualifiers.contains(before) || before.allSatisfy(\.isNumber) { return false }
        return !parts.dropLast().contains { metadataWords.contains($0) && $0 != "key" }
            && !parts.contains(where: notRealWords.contains)
    }

    /// Words in a name that say its value is deliberately not a working credential
    /// (`nonMatchingToken`, `invalidKey`, `fakeToken`): test data for a parser or validator;
    /// and anti-forgery tokens (`csrf_token`, `X-XSRF-TOKEN`), per-session form values that
    /// grant nothing on their own.
    package static let notRealWords: Set<String> = [
        "non", "invalid", "bad", "wrong", "fake", "mock", "dummy", "malformed", "bogus", "unknown", "nonexistent",
        "authenticity", "expected", "sample", "example", "csrf", "xsrf",
    ]

    /// True when a variable / field / key name denotes a credential value
    /// (`apiKey`, `API_KEY_SECRET`, `authHeader`, `password`; not `tokenCount`, `secretName`).
    public static func isCredentialName(_ name: String) -> Bool {
        guard mayContainCredentialWord(name) else { return false }
        let parts = words(name)
        guard let last = parts.last else { return false }
        // Join neighbours so `api_key`, `app_key`, `private_key`, `access_key`, `auth_header` count as one word.
        var joined: [String] = []
        for (i, part) in parts.enumerated() {
            joined.append(part)
            if i + 1 < parts.count { joined.append(part + parts[i + 1]) }
        }
        guard joined.contains(where: credentialWords.contains) || isHeaderName(name) else {
            return false
        }
        // "token" alone is usually a lexer, pagination or semaphore token: it needs a qualifier
        // (`accessToken`, `auth_token`, `BEARER_TOKEN`) to mean a credential.
        let strongWords = joined.filter { credentialWords.contains($0) && $0 != "token" && $0 != "tokens" }
        if strongWords.isEmpty && !isHeaderName(name) {
            guard let at = parts.firstIndex(where: { $0 == "token" || $0 == "tokens" }), at > 0,
                tokenQualifiers.contains(parts[at - 1])
            else { return false }
        }
        if metadataWords.contains(last) {
            // `api_key`, `auth_header`, `private_key`: the last word completes a credential word.
            if parts.count >= 2 && credentialWords.contains(parts[parts.count - 2] + last) { return true }
            return false
        }
        return true
    }
}
