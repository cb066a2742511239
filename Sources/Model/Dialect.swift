import Support

/// A finer language inside a `Language` family, for the facts and rules that care (Go's
/// `fmt.Fprint*`, PHP's `echo`, C#'s `$"…"` holes), and the prose formats whose URLs are
/// documentation. Named after the file's extension (or its name when it has none).
public enum Dialect: Hashable, Sendable {
    case js, ts, swift, java, kotlin, go, csharp, c, cpp, rust, php, scala, dart, groovy, gradle
    case python, ruby, shell, yaml, json, jsonc, json5
    // Prose and markup: text that mentions URLs rather than connecting to them.
    case rst, txt, metadata, css, html, htm, md, markdown, license, pkgInfo, svg, rdf, tex
    /// Any other extension or file name (lower-cased), kept so formats can still be told apart.
    case other(String)

    private static let named: [String: Dialect] = [
        "js": .js, "ts": .ts, "swift": .swift, "java": .java, "kotlin": .kotlin, "go": .go, "csharp": .csharp, "c": .c,
        "cpp": .cpp, "rust": .rust, "php": .php, "scala": .scala, "dart": .dart, "groovy": .groovy, "gradle": .gradle,
        "python": .python, "ruby": .ruby, "shell": .shell, "yaml": .yaml, "json": .json, "jsonc": .jsonc,
        "json5": .json5,
        "rst": .rst, "txt": .txt, "metadata": .metadata, "css": .css, "html": .html, "htm": .htm, "md": .md,
        "markdown": .markdown, "license": .license, "pkg-info": .pkgInfo, "svg": .svg, "rdf": .rdf, "tex": .tex,
    ]

    public init(path: String) {
        let ext = Language.fileExtension(path)
        let name: String
        switch ext {
        case "js", "mjs", "cjs", "jsx": name = "js"
        case "ts", "tsx", "mts", "cts": name = "ts"
        case "kt", "kts": name = "kotlin"
        case "cs": name = "csharp"
        case "h", "c": name = "c"
        case "cc", "cpp", "cxx", "hpp", "hh", "m", "mm": name = "cpp"
        case "rs": name = "rust"
        case "py", "pyi", "pyw": name = "python"
        case "rb", "rake", "gemspec": name = "ruby"
        case "sh", "bash", "zsh", "ksh": name = "shell"
        case "yml": name = "yaml"
        case "": name = Language.baseName(path).lowercased()
        default: name = ext
        }
        self = Self.named[name] ?? .other(name)
    }

    /// Prose and markup formats (`.md`, `.rst`, `.txt`, `LICENSE`, `METADATA`, HTML, SVG, ...).
    public var isProse: Bool {
        switch self {
        case .rst, .txt, .metadata, .css, .html, .htm, .md, .markdown, .license, .pkgInfo, .svg, .rdf, .tex: return true
        default: return false
        }
    }
}
