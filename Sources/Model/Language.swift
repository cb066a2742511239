import Support

/// Language families: each has one lexer. Detected from file name, extension, then shebang.
public enum Language: String, Sendable, CaseIterable {
    case cLike  // Swift, JS/TS, Java, Kotlin, Go, C#, C/C++, Rust, PHP, Scala, Dart, Groovy
    case python
    case ruby
    case shell
    case yaml
    case json
    case keyValue  // .env, INI, TOML, .properties, .cfg, .conf that is not a server config
    case dockerfile
    case xml  // XML, plist, HTML, SVG
    case serverConfig  // nginx, Apache, HAProxy, Caddy
    case http  // .http / .rest request files
    case markdown
    case plainText

    /// General-purpose programming languages (statements, calls, variables), as opposed to
    /// configuration, markup and shell command lines. Facts and rules that read code as code ask
    /// this rather than listing families, so a new code lexer is one line here.
    public var isProgrammingLanguage: Bool {
        switch self {
        case .cLike, .python, .ruby: return true
        case .shell, .yaml, .json, .keyValue, .dockerfile, .xml, .serverConfig, .http, .markdown, .plainText:
            return false
        }
    }

    public static func detect(path: String, firstBytes: ArraySlice<UInt8> = []) -> Language {
        let name = baseName(path).lowercased()
        // File names first: they are more specific than extensions.
        switch name {
        case "dockerfile", "containerfile": return .dockerfile
        case "gemfile", "rakefile", "podfile", "fastfile", "appfile", "vagrantfile", "brewfile": return .ruby
        case "jenkinsfile": return .cLike
        case "nginx.conf", "httpd.conf", "apache2.conf", "haproxy.cfg", "caddyfile", ".htaccess": return .serverConfig
        case ".npmrc", ".pypirc", ".gitconfig", ".netrc", ".editorconfig", "pip.conf", ".yarnrc": return .keyValue
        case ".bashrc", ".zshrc", ".profile", ".bash_profile", "makefile", "gnumakefile": return .shell
        default: break
        }
        if name.hasPrefix("dockerfile.") || name.hasSuffix(".dockerfile") { return .dockerfile }
        if name == ".env" || name.hasPrefix(".env.") || name.hasSuffix(".env") { return .keyValue }
        switch fileExtension(path) {
        case "swift", "js", "mjs", "cjs", "jsx", "ts", "tsx", "mts", "cts", "java", "kt", "kts", "go",
            "cs", "c", "h", "cc", "cpp", "cxx", "hpp", "hh", "m", "mm", "rs", "php", "scala", "sc",
            "dart", "groovy", "gradle", "vue", "svelte":
            return .cLike
        case "py", "pyi", "pyw": return .python
        case "rb", "rake", "gemspec", "erb": return .ruby
        case "sh", "bash", "zsh", "ksh", "fish", "command", "ps1", "bat", "cmd", "mk": return .shell
        case "yml", "yaml": return .yaml
        case "json", "jsonc", "json5", "har", "postman_collection", "ipynb", "geojson", "webmanifest": return .json
        case "env", "ini", "toml", "properties", "cfg", "conf", "config", "tfvars", "hcl", "tf", "npmrc",
            "editorconfig":
            return name.contains("nginx") || name.contains("apache") || name.contains("httpd")
                || name.contains("haproxy") || path.contains("nginx/") || path.contains("sites-")
                ? .serverConfig : .keyValue
        case "xml", "plist", "html", "htm", "xhtml", "svg", "xsd", "xsl", "xslt", "wsdl", "csproj",
            "storyboard", "xib", "pom", "config.xml", "resx", "jsp":
            return .xml
        case "http", "rest": return .http
        case "md", "markdown", "mdx": return .markdown
        default: break
        }
        // Shebang: `#!/usr/bin/env python3`, `#!/bin/bash`, ...
        if firstBytes.starts(with: [0x23, 0x21]) {
            let line = String(decoding: firstBytes.prefix(while: { $0 != 0x0A }), as: UTF8.self)
            if line.contains("python") { return .python }
            if line.contains("ruby") { return .ruby }
            if line.contains("node") || line.contains("deno") || line.contains("swift") { return .cLike }
            if line.contains("sh") { return .shell }
        }
        return .plainText
    }

    package static func baseName(_ path: String) -> String {
        if let slash = path.lastIndex(of: "/") { return String(path[path.index(after: slash)...]) }
        return path
    }

    package static func fileExtension(_ path: String) -> String {
        let name = baseName(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}

/// How to write a one-line comment, for tools that add one (the language server's "ignore"
/// quick fix). Inline suppressions are found by text, so any of these carries a directive.
public struct CommentSyntax: Sendable, Equatable {
    public var prefix: String
    /// Closing marker for block-only syntaxes (`-->`), else empty.
    public var suffix: String
    /// Whether the comment may follow code on the same line. False where a trailing marker would
    /// change a value (`.env`, INI) or is not allowed (Dockerfile, Apache, `.http` files).
    public var trailingAllowed: Bool

    public func wrap(_ text: String) -> String { prefix + " " + text + (suffix.isEmpty ? "" : " " + suffix) }
}

extension Language {
    /// Nil where the format has no comments at all (strict JSON).
    public func commentSyntax(dialect: Dialect) -> CommentSyntax? {
        switch self {
        case .cLike: return CommentSyntax(prefix: "//", suffix: "", trailingAllowed: true)
        case .python, .ruby, .shell, .yaml: return CommentSyntax(prefix: "#", suffix: "", trailingAllowed: true)
        case .keyValue, .dockerfile, .serverConfig, .http, .plainText:
            return CommentSyntax(prefix: "#", suffix: "", trailingAllowed: false)
        case .json:
            return dialect == .jsonc || dialect == .json5
                ? CommentSyntax(prefix: "//", suffix: "", trailingAllowed: true) : nil
        case .xml, .markdown: return CommentSyntax(prefix: "<!--", suffix: "-->", trailingAllowed: true)
        }
    }
}
