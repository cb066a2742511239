import Model
import Support

/// `--shard I/N`: this run scans the I-th of N disjoint parts of the files, for a CI matrix.
/// A file belongs to part `FNV-1a-64(path relative to its scan root) % N + 1`: the same on
/// every machine and run, so N jobs running the same command scan every file exactly once.
public struct Shard: Sendable, Equatable {
    /// 1-based, as a CI matrix counts.
    public let index: Int
    public let count: Int

    public init(index: Int, count: Int) throws(UsageError) {
        guard count >= 1, count <= 10_000 else {
            throw UsageError("--shard I/N needs N from 1 to 10000, got \(count)")
        }
        guard index >= 1, index <= count else {
            throw UsageError("--shard I/N needs I from 1 to N (\(count)), got \(index)")
        }
        self.index = index
        self.count = count
    }

    /// `I/N` as typed (`2/7`).
    public init(parsing text: String) throws(UsageError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw UsageError("--shard needs I/N (this job's part and the number of parts, e.g. 2/4), got '\(text)'")
        }
        try self.init(index: index, count: count)
    }

    /// Whether the file at `relativePath` (relative to its scan root) is this shard's.
    public func contains(relativePath: String) -> Bool {
        Int(FNV1a.hash64(relativePath.utf8) % UInt64(count)) == index - 1
    }

    /// Whether the file a walk of `roots` reported as `path` is this shard's: the path is taken
    /// relative to the root it was found under (`scan src` and `scan ./src/` agree), a file named
    /// on the command line as given.
    public func contains(path: String, roots: [String]) -> Bool {
        contains(relativePath: Self.relative(path, roots: roots))
    }

    static func relative(_ path: String, roots: [String]) -> String {
        for root in roots {
            var base = PrintableText.escaped(root)
            while base.count > 1 && base.hasSuffix("/") { base.removeLast() }
            if base == "." { return path.hasPrefix("./") ? String(path.dropFirst(2)) : path }
            if path.hasPrefix(base + "/") { return String(path.dropFirst(base.count + 1)) }
        }
        return path
    }
}
