import Glibc
import Model
import Support

/// One line of a `.gitignore`-syntax file, parsed by git's rules (gitignore(5)).
struct IgnorePattern: Sendable {
    let negated: Bool
    let directoryOnly: Bool
    /// Pattern contains a `/` (other than a trailing one): matched against the path relative to
    /// the ignore file's directory; otherwise against the base name at any depth.
    let anchored: Bool
    let segments: [String]

    init?(line rawLine: Substring) {
        var line = rawLine
        if line.hasSuffix("\r") { line = line.dropLast() }
        // Trailing spaces are ignored unless escaped with a backslash.
        while line.hasSuffix(" ") && !line.hasSuffix("\\ ") { line = line.dropLast() }
        guard !line.isEmpty, !line.hasPrefix("#") else { return nil }
        var negated = false
        if line.hasPrefix("!") { negated = true; line = line.dropFirst() }
        var directoryOnly = false
        if line.hasSuffix("/") && !line.hasSuffix("\\/") { directoryOnly = true; line = line.dropLast() }
        guard !line.isEmpty else { return nil }
        var anchored = line.contains("/")
        if line.hasPrefix("/") { line = line.dropFirst(); anchored = true }
        self.negated = negated
        self.directoryOnly = directoryOnly
        self.anchored = anchored
        self.segments = line.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    /// `relative` is the path from the ignore file's directory, `/`-separated.
    func matches(_ relative: [Substring], isDirectory: Bool) -> Bool {
        if directoryOnly && !isDirectory { return false }
        if !anchored {
            guard let name = relative.last else { return false }
            return Self.segmentMatches(segments[0], name)
        }
        return Self.match(segments[...], relative[...])
    }

    /// Table over (pattern segment, path component) suffixes: O(segments × components). The
    /// recursive backtracking it replaces was exponential in the number of `**` (fuzzing found
    /// a 216-byte .gitignore + path list that took 28 s; a hostile repository could stall CI).
    private static func match(_ pattern: ArraySlice<String>, _ path: ArraySlice<Substring>) -> Bool {
        // Most patterns have no `**`: one component per segment, no table needed.
        if !pattern.contains("**") {
            return pattern.count == path.count && zip(pattern, path).allSatisfy { segmentMatches($0, $1) }
        }
        let pat = Array(pattern), comps = Array(path)
        let p = pat.count, n = comps.count
        // row[j]: does pat[i...] match comps[j...]? Built from the last segment backwards.
        var next = [Bool](repeating: false, count: n + 1)
        next[n] = true  // empty pattern matches only the empty path
        for i in stride(from: p - 1, through: 0, by: -1) {
            var row = [Bool](repeating: false, count: n + 1)
            if pat[i] == "**" {
                if i == p - 1 {
                    // Trailing `/**` matches everything inside (at least one more component).
                    for j in 0..<n { row[j] = true }
                } else {
                    // `**` takes zero or more components: pat[i+1...] at j, or `**` again at j+1.
                    row[n] = next[n]
                    for j in stride(from: n - 1, through: 0, by: -1) { row[j] = next[j] || row[j + 1] }
                }
            } else {
                for j in 0..<n where next[j + 1] && segmentMatches(pat[i], comps[j]) { row[j] = true }
            }
            next = row
        }
        return next[0]
    }

    /// One path component against one pattern component (`*`, `?`, `[...]`, `\x`), via fnmatch
    /// without FNM_PATHNAME/FNM_PERIOD: components hold no `/`, and git gives dots no meaning.
    static func segmentMatches(_ pattern: String, _ name: Substring) -> Bool {
        if !pattern.contains(where: { $0 == "*" || $0 == "?" || $0 == "[" || $0 == "\\" }) { return pattern == name }
        return fnmatch(pattern, String(name), 0) == 0
    }
}

/// The patterns of one ignore file and the directory (relative to the walk's base) it governs.
struct IgnoreFile: Sendable {
    let directory: [Substring]
    /// For ignore files above the walk root: the root's components below the file's directory.
    let pathPrefix: [Substring]
    let patterns: [IgnorePattern]

    init(contents: String, directory: [Substring], pathPrefix: [Substring] = []) {
        self.directory = directory
        self.pathPrefix = pathPrefix
        self.patterns = contents.split(separator: "\n", omittingEmptySubsequences: false).compactMap(
            IgnorePattern.init(line:))
    }

    /// true = ignored, false = re-included (negation), nil = no pattern spoke.
    func verdict(_ path: [Substring], isDirectory: Bool) -> Bool? {
        guard path.count > directory.count, path.starts(with: directory) else { return nil }
        let relative = pathPrefix + Array(path[directory.count...])
        for pattern in patterns.reversed() where pattern.matches(relative, isDirectory: isDirectory) {
            return !pattern.negated
        }
        return nil
    }
}

/// Ignore files in force for one directory of the walk, deepest last. Lookups ask the deepest
/// file first; the first that has a verdict decides (git's precedence).
struct IgnoreStack: Sendable {
    var files: [IgnoreFile] = []

    func isIgnored(_ path: [Substring], isDirectory: Bool) -> Bool {
        for file in files.reversed() {
            if let verdict = file.verdict(path, isDirectory: isDirectory) { return verdict }
        }
        return false
    }
}
