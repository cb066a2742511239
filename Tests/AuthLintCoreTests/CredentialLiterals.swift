import Foundation

/// "The credential literals of an example", found by shape alone (never by the scanner's secret
/// ranges): quoted values, `=` / `:` separated values, Basic/Bearer payloads, URL userinfo,
/// query values and webhook path tails that are at least 8 characters and credential-shaped.
enum CredentialLiterals {
    private static let extractors: [(NSRegularExpression, Int)] = [
        (#"(["'`])([^"'`\r\n]{8,})\1"#, 2),  // quoted values
        (#"[=:]\s*([^\s"'`,;(){}\[\]<>]{8,})"#, 1),  // name = value, name: value
        (#"(?i)\b(?:basic|bearer|token)\s+([A-Za-z0-9+/=._~-]{8,})"#, 1),  // auth scheme payloads
        (#"://([^/@\s:'"`]+):([^@/\s'"`]+)@"#, 2),  // userinfo password
        (#"://([^/@\s:'"`]{8,})(?::[^@/\s'"`]*)?@"#, 1),  // userinfo user (a token)
        (#"[?&;][^=&\s"']+=([^&#\s"'`<>)]{8,})"#, 1),  // query values
        // webhook tokens (the last segment; ids before it are public)
        (#"/(?:services|webhooks|webhookb2)/(?:[^\s"'`<>?#)/]+/)*([^\s"'`<>?#)/]{8,})"#, 1),
    ].map { (try! NSRegularExpression(pattern: $0.0), $0.1) }

    static func of(_ code: String, fileName: String) -> Set<String> {
        // JSON may escape slashes (`https:\/\/hooks…`): read URLs as URLs, so their public parts
        // (scheme, host, ids) are told from the token the same way in both spellings.
        let code = code.replacingOccurrences(of: "\\/", with: "/")
        let ns = code as NSString
        var found = Set<String>()
        for (regex, group) in extractors {
            for match in regex.matches(in: code, range: NSRange(location: 0, length: ns.length)) {
                let range = match.range(at: group)
                guard range.location != NSNotFound else { continue }
                // A Basic payload is checked on its own; the scheme word is not the credential.
                var value = ns.substring(with: range).trimmingCharacters(in: .whitespaces)
                for scheme in ["Basic ", "Bearer ", "Token ", "token "] where value.hasPrefix(scheme) {
                    value = String(value.dropFirst(scheme.count))
                }
                // Connection strings and query strings: each `name=value` part on its own.
                for part in value.split(whereSeparator: { $0 == ";" || $0 == "&" }) {
                    var piece = String(part)
                    while let eq = piece.firstIndex(of: "="),
                        piece[..<eq].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }),
                        !piece[..<eq].isEmpty
                    {
                        piece = String(piece[piece.index(after: eq)...])
                    }
                    if isCredentialShaped(piece, fileName: fileName) { found.insert(piece) }
                }
            }
        }
        return found
    }

    /// At least 8 characters, no spaces, letters mixed with digits (or long and mixed-case), and
    /// none of the legitimate words of an example: URLs (their parts are extracted separately),
    /// host names, paths, the file name, template holes and variable references, dates and versions.
    static func isCredentialShaped(_ value: String, fileName: String) -> Bool {
        guard value.count >= 8, !value.contains(where: \.isWhitespace) else { return false }
        if value.contains("://") || value.hasPrefix("/") || value.hasPrefix("./") || value.hasPrefix("~/") {
            return false
        }
        if fileName.hasSuffix(value) || value.hasSuffix(fileName) { return false }
        // A YAML key on the next line (`providers:\n  1password_api_token:`): a name, not a value.
        if value.range(of: #"^[A-Za-z0-9_-]+:$"#, options: .regularExpression) != nil { return false }
        for hole in ["${", "{{", "#{", "\\(", "$", "%", "<"] where value.contains(hole) { return false }
        // Host names and dotted identifiers: lower-case labels only (`api.reeflow.com`, `os.environ`).
        if value.range(of: #"^[a-z0-9-]+(\.[a-z0-9-]+)+$"#, options: .regularExpression) != nil
            && !value.contains(where: \.isNumber)
        {
            return false
        }
        if value.range(of: #"^[0-9][0-9.:-]*$"#, options: .regularExpression) != nil && value.count <= 19
            && value.contains(where: { !$0.isNumber })
        {
            return false
        }
        // Dotted code paths (`base64.b64encode`, `org.apache.hc.client5.http.wire`), host[:port], URL pieces.
        if value.range(of: #"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+:?$"#, options: .regularExpression)
            != nil
        {
            return false
        }
        if value.range(of: #"^(tcp:)?[a-z0-9.-]+\.[a-z]{2,}([:,]\d+)?$"#, options: .regularExpression) != nil
            || value.contains("?")
        {
            return false
        }
        // Twilio account SIDs are account identifiers that sit beside the auth token, not credentials.
        if value.range(of: #"^AC[0-9a-f]{32}$"#, options: .regularExpression) != nil { return false }
        // Names with a digit in a provider's name (`auth0_client_secret:`, `AUTH0_CLIENT_SECRET`):
        // snake-case words ending in a credential word, an optional separator after it.
        if value.range(
            of: #"^[A-Za-z][A-Za-z0-9]*([_-][A-Za-z0-9]+)*[_-](secret|token|key|password|id)[:=]?$"#,
            options: [.regularExpression, .caseInsensitive]) != nil
            || value.range(
                of: #"^[a-z][a-z0-9]*([A-Z][a-z0-9]*)*(Secret|Token|Key|Password|Id)$"#, options: .regularExpression)
                != nil
        {
            return false
        }
        // dates, expiries
        if value.range(of: #"^\d{4}-\d{2}-\d{2}"#, options: .regularExpression) != nil { return false }
        return value.contains(where: \.isNumber) && value.contains(where: \.isLetter)
    }
}
