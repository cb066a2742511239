import Model
import Support

/// Reads a repository's history as one `git log` stream, oldest commit first: each commit, then
/// the blobs it added or changed (raw diff output, no patches, so no diff driver or textconv
/// can run). Merges are read with `-c`: only paths whose merged content differs from every
/// parent (conflict resolutions, evil merges) are new content there.
public enum GitHistory {
    /// Which commits to read (`scan --history [REV-RANGE...] --since-date --max-commits`).
    public struct Selection: Sendable, Equatable {
        /// Revisions and ranges as for `git log`; empty means every ref (`--all`).
        public var revisions: [String] = []
        public var sinceDate: String?
        public var maxCommits: Int?
        public init(revisions: [String] = [], sinceDate: String? = nil, maxCommits: Int? = nil) {
            self.revisions = revisions
            self.sinceDate = sinceDate
            self.maxCommits = maxCommits
        }
    }

    public struct Commit: Sendable {
        public var id: String
        public var author: String
        /// Author date, strict ISO 8601.
        public var date: String
    }

    /// A blob a commit added or changed, at its path in that commit (bytes as git gives them).
    public struct Change: Sendable {
        public var mode: String
        public var blob: String
        public var rawPath: [UInt8]
    }

    /// The options among revisions that select refs rather than name one (`--not --remotes`:
    /// what no remote-tracking ref holds, the pre-push hook's new branch).
    static let refSelectors: Set<String> = ["--all", "--branches", "--tags", "--remotes", "--not"]

    /// Every revision must name something: a typo is a usage error naming it, not an empty scan.
    /// Anything else starting with `-` would be read as an option, so it is refused outright.
    public static func checkRevisions(_ revisions: [String], root: String) throws(Git.Failure) {
        for revision in revisions where !refSelectors.contains(revision) {
            guard !revision.hasPrefix("-"), !revision.isEmpty else {
                throw Git.Failure(description: "bad revision '\(PrintableText.escaped(revision))'")
            }
            do {
                _ = try Git.run(["rev-list", "--max-count=1", "--end-of-options", revision, "--"], cwd: root)
            } catch {
                throw Git.Failure(description: "bad revision '\(PrintableText.escaped(revision))'")
            }
        }
    }

    /// Streams the selection: `commit` for each commit (parents before children), then `change`
    /// for each blob it brought. Nothing is held but the current record. `beforeRead` runs before
    /// each read of git's output (which may wait for git).
    public static func read(
        _ selection: Selection, root: String, commit: (Commit) -> Void, change: (Change) -> Void,
        beforeRead: (() -> Void)? = nil
    ) throws(Git.Failure) {
        var args = [
            "log", "--date-order", "--reverse", "-c", "--raw", "-z", "--no-abbrev", "--no-renames", "--root",
            "--no-ext-diff", "--no-textconv", "--no-color", "--format=%x01%H%x00%aI%x00%an <%ae>",
        ]
        if let since = selection.sinceDate { args.append("--since=\(since)") }
        if let count = selection.maxCommits { args.append("--max-count=\(count)") }
        // No `--end-of-options`: revisions were checked (only the ref selectors start with `-`).
        args += (selection.revisions.isEmpty ? ["--all"] : selection.revisions) + ["--"]
        let log = try GitProcess(args, cwd: root)
        log.beforeRead = beforeRead
        while var field = log.read(until: 0) {
            if field.first == UInt8(ascii: "\n") { field.removeFirst() }
            if field.isEmpty { continue }
            if field.first == 0x01 {
                guard let date = log.read(until: 0), let author = log.read(until: 0) else { break }
                let id = String(decoding: field.dropFirst(), as: UTF8.self)
                commit(
                    Commit(
                        id: id, author: String(decoding: author, as: UTF8.self),
                        date: String(decoding: date, as: UTF8.self)
                    ))
            } else if field.first == UInt8(ascii: ":"), let path = log.read(until: 0) {
                if let parsed = parseRawHeader(field) {
                    change(Change(mode: parsed.mode, blob: parsed.blob, rawPath: path))
                }
            } else {
                throw Git.Failure(description: "git log: unexpected output")
            }
        }
        try log.finish()
    }

    /// `:old new oldid newid S` (one colon per parent for a merge's combined form: every
    /// parent's mode and id, then the result's). Nil for a deletion: nothing to scan.
    static func parseRawHeader(_ header: [UInt8]) -> (mode: String, blob: String)? {
        let parents = header.prefix { $0 == UInt8(ascii: ":") }.count
        let parts = header.dropFirst(parents).split(separator: UInt8(ascii: " "))
        guard parts.count >= 2 * parents + 3 else { return nil }
        let mode = parts[parents], blob = parts[2 * parents + 1]
        if mode.elementsEqual("000000".utf8) || blob.allSatisfy({ $0 == UInt8(ascii: "0") }) { return nil }
        return (String(decoding: mode, as: UTF8.self), String(decoding: blob, as: UTF8.self))
    }

    /// Commits whose parents a shallow clone does not have (`.git/shallow`); empty when complete.
    public static func shallowBoundary(root: String) -> [String] {
        guard (try? Git.line(["rev-parse", "--is-shallow-repository"], cwd: root)) == "true",
            let path = try? Git.line(["rev-parse", "--git-path", "shallow"], cwd: root)
        else { return [] }
        let file = path.hasPrefix("/") ? path : PathSyntax.join(root, path)
        guard case .success(let bytes) = FileReader.input(path: file, maxSize: 1 << 26, streamAbove: 1 << 26),
            case .bytes(let content) = bytes
        else { return [] }
        return String(decoding: content, as: UTF8.self).split(separator: "\n").map(String.init).sorted()
    }
}
