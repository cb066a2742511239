import Glibc

/// Path arithmetic on plain strings, split on `/`. Foundation's `NSString` path methods trap on
/// one-character strings in this toolchain (`authlint scan x` died with SIGILL), and `URL`
/// normalisation goes through the same code, so nothing in authlint uses either for paths.
public enum PathSyntax {
    /// The directory part: `a/b` → `a`, `/a` → `/`, `a` → `` (empty: the current directory),
    /// `a/b/` → `a`, `/` → `/`. Matches what `NSString.deletingLastPathComponent` returns where
    /// that does not trap.
    public static func parent(_ path: String) -> String {
        let trimmed = trimTrailingSlashes(path)
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        let head = trimTrailingSlashes(String(trimmed[..<slash]))
        if head.isEmpty { return trimmed.hasPrefix("/") ? "/" : "" }
        return head
    }

    /// The last component: `a/b` → `b`, `a/b/` → `b`, `/` → `/`, `` → ``.
    public static func lastComponent(_ path: String) -> String {
        let trimmed = trimTrailingSlashes(path)
        if trimmed == "/" { return "/" }
        guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// `directory/name`, without doubling a slash; an empty directory means the current one.
    public static func join(_ directory: String, _ name: String) -> String {
        if directory.isEmpty { return name }
        if name.isEmpty { return directory }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// An absolute, lexically normalised path: relative paths are taken from the current
    /// directory; `.`, empty components and `..` are folded (`..` at the root stays at the root).
    /// Symlinks are not resolved (see `resolved`).
    public static func absolute(_ path: String) -> String {
        let start = path.hasPrefix("/") ? path : join(currentDirectory(), path)
        var parts: [Substring] = []
        for component in start.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(component)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `absolute(path)` with symlinks resolved by `realpath(3)` when the path exists.
    public static func resolved(_ path: String) -> String {
        let lexical = absolute(path)
        guard let real = realpath(lexical, nil) else { return lexical }
        defer { free(real) }
        return String(cString: real)
    }

    /// The process's working directory (`/` if it cannot be read, e.g. removed under us).
    public static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `target` relative to directory `base`, both absolute (`../` where needed; `.` for itself).
    public static func relative(_ target: String, from base: String) -> String {
        let t = target.split(separator: "/"), b = base.split(separator: "/")
        var common = 0
        while common < min(t.count, b.count) && t[common] == b[common] { common += 1 }
        let parts = Array(repeating: "..", count: b.count - common) + t[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    private static func trimTrailingSlashes(_ path: String) -> String {
        var s = Substring(path)
        while s.count > 1 && s.hasSuffix("/") { s = s.dropLast() }
        return String(s)
    }
}
