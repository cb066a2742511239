import Glibc

/// A rule's `files` / `excludeFiles` globs. A glob without `/` matches the base name
/// (`*.swift`, `.env*`); one with `/` matches the whole path (`**/nginx/*.conf`).
struct RuleFileFilter: Sendable {
    let include: [String]
    let exclude: [String]

    func matches(_ path: String) -> Bool {
        if !include.isEmpty && !include.contains(where: { Self.glob($0, path) }) { return false }
        return !exclude.contains(where: { Self.glob($0, path) })
    }

    static func glob(_ pattern: String, _ path: String) -> Bool {
        if pattern == "*" { return true }
        if pattern.contains("/") {
            // `**/` may match zero directories: try the pattern with and without it.
            if pattern.hasPrefix("**/") && glob(String(pattern.dropFirst(3)), path) { return true }
            return fnmatch(pattern, path, 0) == 0
        }
        let base = path.split(separator: "/").last.map(String.init) ?? path
        return fnmatch(pattern, base, 0) == 0
    }
}
