import Foundation
import Model
import Support

/// Reads what is about to be committed: the staged content of added, copied, modified, renamed
/// and type-changed files (deleted files have nothing to scan), straight from the git index.
/// Machine formats only: NUL-terminated names, blobs asked for by object id, sizes learnt
/// before anything is read.
public enum GitIndex {
    public struct StagedFile: Sendable {
        /// Path as reported: relative to the current directory, `\xHH` for bytes that are not UTF-8.
        public var path: String
        public var bytes: [UInt8]
    }

    public struct Staged: Sendable {
        public var files: [StagedFile] = []
        /// Entries not scanned: submodules, symlinks, blobs over the size limit, missing objects.
        public var issues: [ScanIssue] = []
    }

    public typealias GitError = Git.Failure

    /// One staged entry from `git diff --cached --raw -z`.
    struct Entry {
        var mode: Substring
        var object: String
        var name: [UInt8]
    }

    public static func stagedFiles(cwd: String = PathSyntax.currentDirectory(), maxSize: Int = .max) throws -> Staged {
        let root = try Git.topLevel(cwd: cwd)
        let raw = try Git.run(
            [
                "diff", "--cached", "--raw", "-z", "--no-renames", "--no-relative", "--no-ext-diff",
                "--no-textconv", "--diff-filter=ACMRT", "--no-abbrev",
            ], cwd: root)
        let entries = try parseRaw(raw)
        let base = PathSyntax.resolved(cwd)
        let rootPath = PathSyntax.resolved(root)
        func display(_ name: [UInt8]) -> String {
            PathSyntax.relative(rootPath + "/" + RawPath.displayName(name), from: base)
        }

        var staged = Staged()
        var wanted: [(path: String, object: String)] = []
        for entry in entries.sorted(by: { $0.name.lexicographicallyPrecedes($1.name) }) {
            let path = display(entry.name)
            switch entry.mode {
            case "160000":
                staged.issues.append(
                    ScanIssue(file: path, kind: .notRegular, message: "submodule (gitlink): not scanned"))
            case "120000":
                staged.issues.append(ScanIssue(file: path, kind: .notRegular, message: "symbolic link: not scanned"))
            default:
                // All zeros: an intent-to-add entry, nothing staged yet.
                if entry.object.allSatisfy({ $0 == "0" }) { continue }
                wanted.append((path, entry.object))
            }
        }
        guard !wanted.isEmpty else { return staged }

        // Sizes first: a blob over the limit is never read (a 1.4 GB blob used to be read whole).
        let sizes = try objectSizes(Array(Set(wanted.map(\.object))), root: root)
        var toRead: [(path: String, object: String)] = []
        for item in wanted {
            guard let size = sizes[item.object] else {
                staged.issues.append(
                    ScanIssue(
                        file: item.path, kind: .unreadable,
                        message: "staged object \(item.object.prefix(12)) is missing"))
                continue
            }
            if size > maxSize {
                staged.issues.append(.tooLarge(item.path, size: size, limit: maxSize))
            } else {
                toRead.append(item)
            }
        }
        guard !toRead.isEmpty else { return staged }
        let contents = try readBlobs(Array(Set(toRead.map(\.object))), root: root)
        for item in toRead {
            staged.files.append(StagedFile(path: item.path, bytes: contents[item.object] ?? []))
        }
        return staged
    }

    /// `:oldmode newmode oldid newid status NUL path NUL`, repeated (no renames: one path each).
    static func parseRaw(_ raw: [UInt8]) throws(Git.Failure) -> [Entry] {
        var fields = raw.split(separator: 0, omittingEmptySubsequences: false)[...]
        if fields.last?.isEmpty == true { fields.removeLast() }
        var entries: [Entry] = []
        while let header = fields.popFirst() {
            guard let name = fields.popFirst(), header.first == UInt8(ascii: ":") else {
                throw Git.Failure(description: "git diff --raw: unexpected output")
            }
            let parts = String(decoding: header.dropFirst(), as: UTF8.self).split(separator: " ")
            guard parts.count >= 5 else { throw Git.Failure(description: "git diff --raw: unexpected record") }
            entries.append(Entry(mode: parts[1], object: String(parts[3]), name: Array(name)))
        }
        return entries
    }

    /// `cat-file --batch-check` on object ids: `<id> <type> <size>` or `<id> missing`.
    static func objectSizes(_ objects: [String], root: String) throws(Git.Failure) -> [String: Int] {
        let request = Array((objects.joined(separator: "\n") + "\n").utf8)
        let output = try Git.run(["cat-file", "--batch-check"], cwd: root, input: request)
        var sizes: [String: Int] = [:]
        for line in output.split(separator: UInt8(ascii: "\n")) {
            let parts = String(decoding: line, as: UTF8.self).split(separator: " ")
            if parts.count == 3, parts[1] == "blob", let size = Int(parts[2]), size >= 0 {
                sizes[String(parts[0])] = size
            }
        }
        return sizes
    }

    /// `cat-file --batch` on object ids (never names: a name holding a newline would split the
    /// request); each answer is a header line, exactly `size` bytes and a newline, always consumed
    /// whole so the next answer is read from the right place.
    static func readBlobs(_ objects: [String], root: String) throws(Git.Failure) -> [String: [UInt8]] {
        let request = Array((objects.joined(separator: "\n") + "\n").utf8)
        let output = try Git.run(["cat-file", "--batch"], cwd: root, input: request)
        var blobs: [String: [UInt8]] = [:]
        var offset = 0
        for object in objects {
            guard let newline = output[offset...].firstIndex(of: 0x0A) else { break }
            let header = String(decoding: output[offset..<newline], as: UTF8.self).split(separator: " ")
            offset = newline + 1
            guard header.count == 3, header[0] == object, let size = Int(header[2]), size >= 0,
                offset + size + 1 <= output.count
            else {
                if header.count == 2 && header[1] == "missing" { continue }
                throw Git.Failure(description: "git cat-file --batch: unexpected answer for \(object.prefix(12))")
            }
            blobs[object] = Array(output[offset..<(offset + size)])
            offset += size + 1
        }
        return blobs
    }
}
