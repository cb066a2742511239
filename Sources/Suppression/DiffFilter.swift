import Foundation
import Model
import Support

/// `--since REV`: keep only findings on lines added or changed since REV, from git's own diff
/// (to the work tree, or to the index with `--staged`). Untracked files count as wholly new.
/// Paths on both sides are compared as absolute paths with symlinked directories resolved, so
/// `scan /abs/repo`, `scan ../repo` and `scan sub//a.py` match git's repository-relative names.
public struct DiffFilter: Sendable {
    /// Changed line ranges by canonical absolute path.
    var changed: [String: [ClosedRange<Int>]] = [:]
    var wholeFiles: Set<String> = []

    /// `scanPaths`: what the scan covers; each one's repository is diffed (the current
    /// directory's with `staged`, or when there are none).
    public static func load(
        since rev: String, staged: Bool, scanPaths: [String] = [],
        cwd: String = PathSyntax.currentDirectory()
    ) throws -> DiffFilter {
        // A revision starting with `-` would be read as an option (`--output=FILE` writes a file).
        guard !rev.hasPrefix("-"), !rev.isEmpty else { throw Git.Failure(description: "'\(rev)' is not a revision") }
        var roots: [String] = []
        for start in staged || scanPaths.isEmpty ? [cwd] : scanPaths.map(Self.directory(of:)) {
            let root: String
            do { root = try Git.topLevel(cwd: start) } catch {
                throw Git.Failure(
                    description:
                        "\(PrintableText.escaped(start)) is not inside a git repository (--since compares with its history): \(error)"
                )
            }
            if !roots.contains(root) { roots.append(root) }
        }
        var filter = DiffFilter()
        for root in roots { try filter.add(since: rev, staged: staged, root: root) }
        return filter
    }

    private mutating func add(since rev: String, staged: Bool, root: String) throws {
        let commit = try Self.verify(rev, root: root)
        let rootPath = PathSyntax.resolved(root)
        func key(_ name: [UInt8]) -> String { rootPath + "/" + RawPath.displayName(name) }
        // Fixed prefixes (diff.noprefix / mnemonicPrefix), --text (a `-diff` attribute), raw
        // names (quotePath off; still C-quoted for tabs, newlines, quotes), no textconv, no
        // external diff, no colour, no filters on the work-tree side.
        var args = [
            "diff", "-U0", "--text", "--no-color", "--no-ext-diff", "--no-textconv", "--no-renames",
            "--no-relative", "--src-prefix=a/", "--dst-prefix=b/", "--ignore-submodules=all",
        ]
        if staged { args.append("--cached") }
        args += [commit, "--"]
        let config =
            ["core.quotePath=false", "diff.noprefix=false", "diff.mnemonicPrefix=false"]
            + (staged ? [] : Git.filterOverrides(cwd: root))
        let diff = try Git.run(args, cwd: root, config: config)
        for (name, ranges) in try UnifiedDiff.changedLines(diff) { changed[key(name), default: []] += ranges }
        if !staged {
            let untracked = try Git.run(["ls-files", "-z", "--others", "--exclude-standard"], cwd: root)
            for path in untracked.split(separator: 0) { wholeFiles.insert(key(Array(path))) }
        }
    }

    /// The commit REV names, or an error that names it and says why not: a shallow clone (CI's
    /// default checkout) lacks the history, and the error gives the fix.
    static func verify(_ rev: String, root: String) throws -> String {
        if let id = try? Git.line(
            ["rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}"], cwd: root)
        {
            return id
        }
        let shown = PrintableText.escaped(rev)
        let shallow = (try? Git.text(["rev-parse", "--is-shallow-repository"], cwd: root))?.hasPrefix("true") ?? false
        if shallow {
            throw Git.Failure(
                description:
                    "'\(shown)' is not in this shallow clone of \(root): only the latest commits were fetched. Fetch the history with `git fetch --unshallow` (plus the branch it names, e.g. `git fetch origin main`), or clone it whole: `fetch-depth: 0` on actions/checkout, `GIT_DEPTH: 0` in GitLab CI"
            )
        }
        if (try? Git.line(["rev-parse", "--verify", "--quiet", "HEAD"], cwd: root)) == nil {
            throw Git.Failure(description: "'\(shown)' is not a commit: the repository at \(root) has no commits yet")
        }
        throw Git.Failure(
            description:
                "'\(shown)' is not a commit in the repository at \(root) (a branch, tag or commit id; is it fetched?)")
    }

    /// The directory a scan path lives in (itself for a directory).
    static func directory(of path: String) -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return path
        }
        let parent = PathSyntax.parent(path)
        return parent.isEmpty ? "." : parent
    }

    /// A finding's file (relative to the current directory or absolute) in the form of the keys.
    static func canonical(_ file: String) -> String {
        let parent = PathSyntax.parent(file)
        return PathSyntax.join(PathSyntax.resolved(parent.isEmpty ? "." : parent), PathSyntax.lastComponent(file))
    }

    public func keeps(_ finding: Finding) -> Bool {
        let path = Self.canonical(finding.file)
        if wholeFiles.contains(path) { return true }
        guard let ranges = changed[path] else { return false }
        return ranges.contains { $0.overlaps(finding.line...max(finding.line, finding.endLine)) }
    }
}

/// Reads `git diff -U0` output: which lines of which new-side files were added or changed.
enum UnifiedDiff {
    /// New-side name bytes → added line ranges. Hunk bodies are counted, so an added line
    /// reading `++ x` (shown as `+++ x`) is content, never a file header.
    static func changedLines(_ diff: [UInt8]) throws -> [([UInt8], [ClosedRange<Int>])] {
        var result: [([UInt8], [ClosedRange<Int>])] = []
        var current: [UInt8]?
        var oldLeft = 0, newLeft = 0
        for line in diff.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if oldLeft > 0 || newLeft > 0 {
                switch line.first {
                case UInt8(ascii: "-"): oldLeft -= 1
                case UInt8(ascii: "+"): newLeft -= 1
                case UInt8(ascii: " "): oldLeft -= 1; newLeft -= 1
                default: break  // `\ No newline at end of file`
                }
                continue
            }
            if line.starts(with: Array("diff --git ".utf8)) {
                current = nil
            } else if line.starts(with: Array("+++ ".utf8)) {
                current = newSideName(Array(line.dropFirst(4)))
            } else if line.starts(with: Array("@@ ".utf8)) {
                // @@ -a,b +c,d @@ : d lines starting at c were added (d = 0: a pure deletion).
                let fields = String(decoding: line, as: UTF8.self).split(separator: " ")
                guard fields.count >= 3, let old = hunkRange(fields[1], sign: "-"),
                    let new = hunkRange(fields[2], sign: "+")
                else {
                    throw Git.Failure(description: "git diff: unreadable hunk header")
                }
                oldLeft = old.count
                newLeft = new.count
                if let current, new.count > 0 {
                    if result.last?.0 != current { result.append((current, [])) }
                    result[result.count - 1].1.append(new.start...(new.start + new.count - 1))
                }
            }
        }
        return result
    }

    static func hunkRange(_ field: Substring, sign: Character) -> (start: Int, count: Int)? {
        guard field.first == sign else { return nil }
        let parts = field.dropFirst().split(separator: ",")
        guard let start = Int(parts[0]), start >= 0 else { return nil }
        guard parts.count > 1 else { return (start, 1) }
        guard let count = Int(parts[1]), count >= 0 else { return nil }
        return (start, count)
    }

    /// The name after `+++ `: `/dev/null`, `b/name` (a tab follows names with spaces), or a
    /// C-quoted `"b/..."` with `\t`, `\n`, `\"`, `\\` and octal escapes.
    static func newSideName(_ field: [UInt8]) -> [UInt8]? {
        var name: [UInt8]
        if field.first == UInt8(ascii: "\"") {
            name = unquote(field)
        } else {
            name = field
            if name.last == 0x09 { name.removeLast() }
        }
        if name == Array("/dev/null".utf8) { return nil }
        return name.starts(with: Array("b/".utf8)) ? Array(name.dropFirst(2)) : name
    }

    static func unquote(_ quoted: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 1
        while i < quoted.count {
            let byte = quoted[i]
            if byte == UInt8(ascii: "\"") { break }
            guard byte == UInt8(ascii: "\\"), i + 1 < quoted.count else { out.append(byte); i += 1; continue }
            let next = quoted[i + 1]
            let simple: [UInt8: UInt8] = [
                UInt8(ascii: "a"): 7, UInt8(ascii: "b"): 8, UInt8(ascii: "t"): 9, UInt8(ascii: "n"): 10,
                UInt8(ascii: "v"): 11, UInt8(ascii: "f"): 12, UInt8(ascii: "r"): 13,
            ]
            if let value = simple[next] {
                out.append(value); i += 2
            } else if (0x30...0x37).contains(next), i + 3 < quoted.count {
                let digits = quoted[(i + 1)...(i + 3)].map { Int($0) - 0x30 }
                out.append(UInt8(truncatingIfNeeded: digits[0] * 64 + digits[1] * 8 + digits[2])); i += 4
            } else {
                out.append(next); i += 2
            }
        }
        return out
    }
}
