import Engine
import Facts
import Model
import Prefilter
import Support

/// `access-log-credentials`: a server or proxy access-log format that records a credential
/// header — nginx `log_format … $http_authorization` (any credential header, dashes as
/// underscores), Apache `LogFormat`/`CustomLog … %{Authorization}i`, HAProxy
/// `capture request header Authorization` / `capture req.hdr(authorization)`, Envoy
/// `%REQ(AUTHORIZATION)%`, Traefik access-log `Authorization: keep` (or `defaultMode: keep`
/// with Authorization not dropped), Caddy `log_credentials`.
/// Works on lines, not tokens: these directives live in `.conf`, YAML, TOML, JSON and
/// Caddyfiles alike, and a line is enough to judge them (nginx formats may span lines up to `;`).
struct AccessLogCredentialsRule: StructuralRule {
    let messageFields: [String: Set<String>] = ["logged": ["what"]]

    /// Credential header names as they appear in variables: `authorization`, `x_api_key`.
    static let underscoredHeaders: Set<String> = Set(
        CredentialNames.headers.map { $0.replacingOccurrences(of: "-", with: "_") })

    /// Before reading lines: only configuration files (keywords like `capture` are common in code).
    func wantsFile(_ context: FileContext, _ rule: RuleDefinition) -> Bool {
        switch context.file.language {
        case .serverConfig, .keyValue, .yaml, .json, .xml, .plainText: return true
        default: return false
        }
    }

    func find(_ context: FileContext, _ rule: RuleDefinition, _ matches: inout [RuleMatch]) {
        let file = context.file
        let hits = context.hits(for: rule)
        // Traefik keeps headers on lines that carry no keyword (`Authorization: keep` under
        // `accessLog:`), so only such files are read line by line; elsewhere only keyword lines
        // (and the continuation of an nginx `log_format`) can fire.
        let traefik =
            hits.contains { hit in
                let word = file.bytes[hit.start..<hit.end].map { $0 | 0x20 }
                return word.elementsEqual("accesslog".utf8) || word.elementsEqual("access_log".utf8)
            } || file.bytes.containsIgnoringASCIICase("access-log")
        let hitLines = Set(hits.map { file.line(at: $0.start) })
        var traefikDropsAuth = false
        if traefik {
            let lower = file.text(0..<file.bytes.count).lowercased()
            traefikDropsAuth =
                lower.containsBytes("authorization: drop") || lower.containsBytes("authorization: redact")
                || lower.containsBytes("authorization=drop") || lower.containsBytes("authorization = \"drop\"")
                || lower.containsBytes("authorization=redact")
        }
        var nginxFormat = false  // inside a multi-line `log_format … ;`
        for lineNumber in 1...max(1, file.lineCount) {
            guard traefik || nginxFormat || hitLines.contains(lineNumber) else { continue }
            let range = file.lineRange(lineNumber)
            let line = file.text(range).lowercased()
            let trimmed = Substring(line.drop(while: { $0 == " " || $0 == "\t" }))
            if trimmed.hasPrefix("#") || trimmed.hasPrefix("//") { continue }
            func fire(_ what: String) {
                matches.add(range: range, message: rule.message("logged", ["what": what]))
            }
            // nginx
            if trimmed.hasPrefix("log_format ") || trimmed.hasPrefix("log_format\t") { nginxFormat = true }
            if nginxFormat {
                if let header = Self.nginxCredentialVariable(trimmed) {
                    fire("nginx log_format records $http_\(header)")
                }
                if Self.endsStatement(trimmed) { nginxFormat = false }
                continue
            }
            // Apache
            if trimmed.hasPrefix("logformat") || trimmed.hasPrefix("customlog") {
                if let header = Self.apacheCredentialHeader(trimmed) { fire("Apache log format records %{\(header)}i") }
                continue
            }
            // HAProxy
            if trimmed.containsBytes("capture") {
                if let header = Self.afterWords(trimmed, "capture request header "), Self.isCredentialHeader(header) {
                    fire("HAProxy captures the \(header) request header into the log"); continue
                }
            }
            if trimmed.containsBytes("req.hdr(") || trimmed.containsBytes("req.fhdr("),
                trimmed.containsBytes("capture") || trimmed.containsBytes("log-format")
            {
                if let header = Self.afterWords(trimmed, "hdr("), Self.isCredentialHeader(header) {
                    fire("HAProxy logs the \(header) request header"); continue
                }
            }
            // Envoy
            if trimmed.containsBytes("%req("),  // a byte test first: `components` is Foundation's
                let header = trimmed.components(separatedBy: "%req(").dropFirst()
                    .map({ String($0.prefix { $0 != ")" && $0 != ":" }) }).first(where: Self.isCredentialHeader)
            {
                fire("Envoy access log records %REQ(\(header.uppercased()))%"); continue
            }
            // Traefik
            if traefik {
                for header in CredentialNames.headers where trimmed.containsBytes(header) {
                    let afterName = trimmed[trimmed.range(of: header)!.upperBound...]
                    let value = afterName.drop(while: { " \"':=".contains($0) })
                    if value.hasPrefix("keep") { fire("Traefik access log keeps the \(header) header"); break }
                }
                if trimmed.containsBytes("defaultmode") && trimmed.containsBytes("keep") && !traefikDropsAuth {
                    fire("Traefik access log keeps every header, Authorization included")
                }
            }
            // Caddy
            if trimmed.hasPrefix("log_credentials") || trimmed.containsBytes("\"log_credentials\": true")
                || trimmed.containsBytes("\"log_credentials\":true")
            {
                fire("Caddy log_credentials logs Authorization and Cookie headers")
            }
        }
    }

    /// `$http_authorization`, `${http_x_api_key}` in an nginx line.
    static func nginxCredentialVariable(_ line: Substring) -> String? {
        var rest = line[...]
        while let found = rest.range(of: "http_") {
            let dollar = rest[..<found.lowerBound].last
            var name = ""
            for ch in rest[found.upperBound...] {
                if ch.isLetter || ch.isNumber || ch == "_" { name.append(ch) } else { break }
            }
            if dollar == "$" || dollar == "{", underscoredHeaders.contains(name) { return name }
            rest = rest[found.upperBound...]
        }
        return nil
    }

    /// `%{Authorization}i` in an Apache format.
    static func apacheCredentialHeader(_ line: Substring) -> String? {
        var rest = line[...]
        while let open = rest.range(of: "%{") {
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else { return nil }
            let name = String(rest[open.upperBound..<close])
            let next = rest.index(after: close)
            if next < rest.endIndex, rest[next] == "i", isCredentialHeader(name) { return name }
            rest = rest[next...]
        }
        return nil
    }

    static func isCredentialHeader(_ name: String) -> Bool {
        CredentialNames.mechanism(ofHeader: name.trimmingSpaces) != nil
            || underscoredHeaders.contains(name.trimmingSpaces)
    }

    /// The header name right after `marker` (up to a space, `)`, `,` or quote).
    static func afterWords(_ line: Substring, _ marker: String) -> String? {
        guard let found = line.range(of: marker) else { return nil }
        let name = line[found.upperBound...].prefix { !" ),\"'\t".contains($0) }
        return name.isEmpty ? nil : String(name)
    }

    /// nginx statements end at a `;` outside quotes.
    static func endsStatement(_ line: Substring) -> Bool {
        var quote: Character?
        for ch in line {
            if let q = quote {
                if ch == q { quote = nil }
            } else if ch == "'" || ch == "\"" {
                quote = ch
            } else if ch == ";" {
                return true
            }
        }
        return false
    }
}
