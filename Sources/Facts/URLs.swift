import Foundation
import Lexing
import Model
import Support

/// A plain-http URL literal that code or config would connect to.
public struct URLUse: Sendable {
    package init(token: Int, range: Range<Int>, host: String, hasUserinfo: Bool) {
        self.token = token; self.range = range; self.host = host; self.hasUserinfo = hasUserinfo
    }
    public var token: Int
    /// Byte range of the URL inside the file.
    public var range: Range<Int>
    public var host: String
    public var hasUserinfo: Bool
}

extension FileFacts {
    private static let httpURLUsesKey = FactKey<[URLUse]>("httpURLUses")
    /// `http://` URLs that are a whole value: a string literal, config value or shell word that is
    /// the URL itself. Prose that mentions a URL (docstrings, help texts, comments, README-style
    /// files), XML namespaces and links, schema ids and comparison prefixes are not uses.
    public var httpURLUses: [URLUse] { memo(Self.httpURLUsesKey) { extractHTTPURLUses() } }

    /// Calls whose string argument is a prefix to compare or rewrite, not a target.
    private static let comparisonCalls: Set<String> = [
        "startsWith", "startswith", "hasPrefix", "HasPrefix", "endsWith", "replace", "replaceAll",
        "replacingOccurrences",
        "Replace", "ReplaceAll", "TrimPrefix", "removeprefix", "lstrip", "match", "search", "test", "includes",
        "contains",
        "indexOf", "index", "find", "StartsWith", "Contains", "split", "sub", "format",
    ]
    /// Keys whose value identifies or documents rather than connects.
    private static let identifierKeys: Set<String> = [
        "$schema", "$id", "$ref", "xmlns", "homepage", "repository", "bugs", "license", "documentation", "docs",
        "home_page",
        "namespace", "schemalocation", "xsi:schemalocation", "author_url", "project_urls", "source", "changelog",
        "funding",
        "download_url", "website", "help", "helpuri", "informationuri", "spec", "specification", "reference", "see",
        "example", "examples", "externaldocs", "termsofservice", "externalvalue", "ns", "xsd", "dtd", "xmlnamespace",
        "id",
    ]

    /// Objects whose `url` documents something (licences, contacts, external docs, SBOM and
    /// package metadata) rather than naming a target.
    private static let documentingParents: Set<String> = [
        "license", "licenses", "contact", "externaldocs", "info", "author", "authors", "maintainer", "maintainers",
        "publisher", "organization", "supplier", "manufacturer", "vendor", "externalreferences", "bugs", "repository",
        "funding",
    ]

    /// Calls that open a connection to (or fetch from) their URL argument.
    static let connectionCalls: Set<String> = [
        "fetch", "get", "post", "put", "patch", "delete", "head", "options", "request", "urlopen", "urlretrieve",
        "Request",
        "NewRequest", "NewRequestWithContext", "Get", "Post", "Head", "PostForm", "Dial", "DialContext", "connect",
        "create_connection", "HTTPConnection", "Session", "Client", "AsyncClient", "ClientSession", "ws_connect",
        "axios",
        "got", "ky", "superagent", "ajax", "getJSON", "URLRequest", "dataTask", "downloadTask", "uploadTask",
        "WebSocket",
        "EventSource", "open", "load", "send", "execute", "exchange", "getForObject", "postForObject", "getForEntity",
        "retrieve", "HttpGet", "HttpPost", "GetAsync", "PostAsync", "SendAsync", "GetStringAsync", "newCall",
        "url", "baseUrl", "baseURL", "setBaseUrl", "create", "connectionString", "getenv", "Getenv", "fetchall",
        "environ",
    ]

    /// Constructors of URL objects (the name of the call).
    static let urlConstructors: Set<String> = ["Uri", "URI", "uri", "URL", "HttpUrl"]

    /// XML parents whose `<url>` a build tool fetches from or deploys to (Maven repositories,
    /// distribution management, settings.xml mirrors and proxies, Ivy resolvers).
    static let fetchingXMLParents: Set<String> = [
        "repository", "pluginrepository", "snapshotrepository", "mirror", "proxy", "site", "ibiblio", "url",
    ]

    /// Words in a variable, key or parameter name that make its value a connection target.
    static let connectionNameWords: [String] = [
        "url", "uri", "endpoint", "host", "server", "base", "api", "webhook", "callback", "proxy", "registry", "origin",
        "target", "remote", "upstream", "address", "addr", "broker", "dsn", "gateway", "service", "domain",
    ]

    private func extractHTTPURLUses() -> [URLUse] {
        // Prose is not code; Markdown's code fences are (its prose lexes to comments, not strings).
        if (file.dialect.isProse && file.language != .markdown) || file.language == .plainText { return [] }
        var uses: [URLUse] = []
        for index in tokens.indices where tokens[index].kind == .string {
            let token = tokens[index]
            guard let value = value(of: token) else { continue }
            let trimmed = value.trimmingSpaces
            guard trimmed.count > 7, trimmed.prefix(7).lowercased() == "http://",
                !trimmed.contains(where: { $0 == " " || $0 == "\n" || $0 == "\t" })
            else { continue }
            guard isConnectionContext(index) else { continue }
            guard let authority = URLAuthority(trimmed, schemes: ["http"]) else { continue }
            // Locate the URL in the file: after the opening quote, or the token start when bare.
            let start = token.quote == 0 ? token.start : token.contentStart
            let offset = value.utf8.count - value.drop(while: { $0 == " " || $0 == "\t" }).utf8.count
            let urlStart = start + offset
            uses.append(
                URLUse(
                    token: index, range: urlStart..<min(token.end, urlStart + trimmed.utf8.count), host: authority.host,
                    hasUserinfo: authority.hasUserinfo))
        }
        return uses
    }

    /// False when the string at `index` is a comparison prefix, an identifier-like value, an XML
    /// link or namespace, or a JSON/YAML key.
    private func isConnectionContext(_ index: Int) -> Bool {
        let prev = previous(index)
        // A key (`"http://…": …`) is not a target.
        if let after = next(index), isPunct(after, ":"), file.language == .json || file.language == .yaml {
            return false
        }
        // The value of an identifying key.
        if let p = prev, isPunct(p, ":") || isPunct(p, "=") || isPunct(p, "=>"), let keyIndex = previous(p) {
            let key = value(keyIndex).lowercased()
            let bareKey = key.hasPrefix("@") ? String(key.dropFirst()) : key
            if Self.identifierKeys.contains(bareKey) || bareKey.hasPrefix("xmlns") || bareKey.hasSuffix("_ns") {
                return false
            }
            // JSON: `"license": {"url": "http://…"}`, `"externalDocs": {"url": …}`.
            if file.language == .json, let open = enclosingBracket(of: keyIndex, lookingBack: 4000), isPunct(open, "{"),
                let colon = previous(open), isPunct(colon, ":"), let parentKey = previous(colon),
                Self.documentingParents.contains(value(parentKey).lowercased())
            {
                return false
            }
            if file.language == .xml && !Self.isConnectionAttribute(key) { return false }
        } else if file.language == .xml, let tag = xmlElementName(enclosingText: index) {
            // `<url>` of a Maven `<repository>`, `<mirror>` or `<pluginRepository>`: a build fetches from it;
            // the project's, licence's or developer's `<url>` only documents.
            guard Self.isConnectionAttribute(tag), let parent = xmlParentElement(ofTextAt: index) else { return false }
            return Self.fetchingXMLParents.contains(parent)
        } else if file.language == .xml {
            // Element text (plist `<string>`) counts only after a key that names an endpoint.
            guard let keyIndex = (0..<index).reversed().first(where: { tokens[$0].kind == .string }) else {
                return false
            }
            if !Self.isConnectionAttribute(value(keyIndex).lowercased()) { return false }
        }
        // The call the literal is a direct argument of (looked up once; both checks below use it).
        let callName = prev.flatMap {
            isPunct($0, "(") || isPunct($0, ",") || isPunct($0, "[") ? enclosingCallName(of: index) : nil
        }
        // An argument of a comparison / rewrite call, or an operand of `==`.
        if let p = prev, isPunct(p, "(") || isPunct(p, ","), let call = callName, Self.comparisonCalls.contains(call) {
            return false
        }
        if let p = prev, isPunct(p, "==") || isPunct(p, "!=") || (p > 0 && text(p) == "in") { return false }
        if let n = next(index), isPunct(n, "==") || isPunct(n, "!=") { return false }
        // In code, a URL literal is a target only where something connects to it: an argument of
        // a connection call, or the value of a connection-named variable, key or parameter.
        // (Config formats and shell words are values of settings and commands already.)
        if file.language.isProgrammingLanguage {
            return isConnectionSinkInCode(index, callName: callName)
        }
        return true
    }

    private func isConnectionSinkInCode(_ index: Int, callName: String?) -> Bool {
        guard let p = previous(index) else { return false }
        if let call = callName, Self.connectionCalls.contains(call) { return true }
        if callName != nil && isForwardedToConnection(index) { return true }
        // A URL object built from the literal (`new Uri("http://…")`, Kotlin/Java `URL(…)`, Gradle
        // `uri(…)`): made to be connected to. Swift's `URL(string:)` is judged by its consumer below.
        if let call = callName, Self.urlConstructors.contains(call), isPunct(p, "("), file.dialect != .swift {
            return true
        }
        // Factory forms of the same: Dart `Uri.parse("http://…")`, Java `URI.create("http://…")`.
        if let call = callName, ["parse", "tryParse", "create"].contains(call), isPunct(p, "("),
            let name = previous(p), let dot = previous(name), isPunct(dot, "."), let owner = previous(dot),
            Self.urlConstructors.contains(text(owner))
        {
            return true
        }
        // Command syntax without `=`: Gradle `maven { url "http://…" }`, a Gemfile's `source 'http://…'`.
        if tokens[p].kind == .identifier, tokens[p].end < tokens[index].start {
            let word = text(p)
            if word == "url" || word == "uri" { return true }
            if word == "source", PathSyntax.lastComponent(file.path) == "Gemfile" { return true }
        }
        // `name = "…"`, `name: "…"`, `"name": "…"`, `name => "…"`, keyword arguments.
        var op = p
        if isPunct(op, "("), let n = previous(op), tokens[n].kind == .identifier, text(n) == "URL" || text(n) == "NSURL"
        {
            // Swift `URL(string: "…")`: judge by what the URL is given to.
            op = previous(n) ?? op
        } else if isPunct(op, ":"), let label = previous(op), tokens[label].kind == .identifier,
            text(label) == "string",
            let paren = previous(label), isPunct(paren, "("), let n = previous(paren),
            text(n) == "URL" || text(n) == "NSURL",
            let before = previous(n)
        {
            // Swift `URL(string: "…")`: judge by what the URL is given to.
            op = before
        }
        if isPunct(op, ":") || isPunct(op, "=") || isPunct(op, "=>") || isPunct(op, ":="), let keyIndex = previous(op),
            tokens[keyIndex].kind == .identifier || tokens[keyIndex].kind == .string
        {
            let key = value(keyIndex).lowercased()
            if Self.identifierKeys.contains(key) || key.hasSuffix("_ns") || key.hasSuffix("namespace") { return false }
            // A Python class attribute `url = '…'` beside `name`/`aliases` is a homepage (pygments
            // lexers, plugin metadata), not something the class connects to.
            if key == "url" && file.language == .python && blockHeaderLine(of: keyIndex)?.hasPrefix("class ") == true {
                return false
            }
            let words = CredentialNames.words(value(keyIndex))
            return words.contains { word in Self.connectionNameWords.contains { word == $0 || word.hasPrefix($0) } }
        }
        return false
    }

    /// The text of the line that opens the indented block holding token `index` (Python, Ruby).
    func blockHeaderLine(of index: Int) -> String? {
        let key = scopeKey(of: index)
        guard key <= -1_000_000 else { return nil }
        let line = -(key + 1_000_000)
        return file.lineText(line).trimmingSpaces
    }

    private static func isConnectionAttribute(_ name: String) -> Bool {
        [
            "url", "uri", "endpoint", "host", "server", "address", "baseurl", "base_url", "api", "proxy", "registry",
            "value",
        ].contains { name.contains($0) }
    }

    /// `url` for the text of `<url>…</url>` (lower-cased), when token `index` is an element's text.
    private func xmlElementName(enclosingText index: Int) -> String? {
        guard let close = previous(index), isPunct(close, ">"), let name = previous(close),
            tokens[name].kind == .identifier, let open = previous(name), isPunct(open, "<")
        else { return nil }
        return text(name).lowercased()
    }

    /// The element that holds the element whose text is token `index` (`repository` for a
    /// `<repository><id>…</id><url>…</url>`), skipping closed siblings; nil at the root.
    private func xmlParentElement(ofTextAt index: Int) -> String? {
        var depth = 0
        var k = index - 3  // before the `<url>` open tag
        while k > 0, index - k < 4000 {
            defer { k -= 1 }
            guard isPunct(k - 1, "<") || (isPunct(k - 1, "/") && k >= 2 && isPunct(k - 2, "<")),
                tokens[k].kind == .identifier
            else { continue }
            if isPunct(k - 1, "/") {
                depth += 1
            } else if isSelfClosing(tagAt: k) {
                continue
            } else if depth == 0 {
                return text(k).lowercased()
            } else {
                depth -= 1
            }
        }
        return nil
    }

    /// `<br/>`: the tag whose name is token `k` ends with `/>`.
    private func isSelfClosing(tagAt k: Int) -> Bool {
        var j = k + 1
        while j < tokens.count, !isPunct(j, ">"), j - k < 200 { j += 1 }
        return j < tokens.count && isPunct(j - 1, "/")
    }

    /// Name of the call whose argument list contains token `index`, if any.
    private func enclosingCallName(of index: Int) -> String? {
        guard let open = enclosingBracket(of: index, lookingBack: 200), isPunct(open, "("),
            let name = previous(open), tokens[name].kind == .identifier
        else { return nil }
        return text(name)
    }
}
