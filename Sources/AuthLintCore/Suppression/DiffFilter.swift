import Foundation

/// `--since REV`: keep only findings on lines added or changed since REV, from git's own diff
/// (to the work tree, or to the index with `--staged`). Untracked files count as wholly new.
public struct DiffFilter: Sendable {
    /// Changed line ranges by path relative to the current directory; nil range = whole file.
    var changed: [String: [ClosedRange<Int>]] = [:]
    var wholeFiles: Set<String> = []

    public static func load(since rev: String, staged: Bool, cwd: String = FileManager.default.currentDirectoryPath) throws -> DiffFilter {
        let root = try GitIndex.topLevel(cwd: cwd)
        _ = try GitIndex.git(["rev-parse", "--verify", "--quiet", rev + "^{commit}"], cwd: root)
        var args = ["diff", "-U0", "--no-color", "--no-ext-diff", "--no-renames"]
        if staged { args.append("--cached") }
        args += [rev, "--"]
        let diff = try GitIndex.git(args, cwd: root)
        let base = PathSyntax.resolved(cwd)
        let rootPath = PathSyntax.resolved(root)
        func display(_ repoPath: String) -> String { PathSyntax.relative(rootPath + "/" + repoPath, from: base) }
        var filter = DiffFilter()
        var current: String?
        for line in diff.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("+++ ") {
                let target = line.dropFirst(4)
                current = target == "/dev/null" ? nil : display(String(target.hasPrefix("b/") ? target.dropFirst(2) : target))
            } else if line.hasPrefix("@@ "), let current {
                // @@ -a,b +c,d @@ : d lines starting at c were added (d = 0: a pure deletion).
                guard let plus = line.split(separator: " ").first(where: { $0.hasPrefix("+") }) else { continue }
                let parts = plus.dropFirst().split(separator: ",")
                guard let start = Int(parts[0]) else { continue }
                let count = parts.count > 1 ? Int(parts[1]) ?? 1 : 1
                if count > 0 { filter.changed[current, default: []].append(start...(start + count - 1)) }
            }
        }
        if !staged {
            let untracked = try GitIndex.git(["ls-files", "-z", "--others", "--exclude-standard"], cwd: root)
            for path in untracked.split(separator: "\0") { filter.wholeFiles.insert(display(String(path))) }
        }
        return filter
    }

    public func keeps(_ finding: Finding) -> Bool {
        let path = finding.file.hasPrefix("./") ? String(finding.file.dropFirst(2)) : finding.file
        if wholeFiles.contains(path) { return true }
        guard let ranges = changed[path] else { return false }
        return ranges.contains { $0.overlaps(finding.line...max(finding.line, finding.endLine)) }
    }
}
