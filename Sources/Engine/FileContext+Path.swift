import Discovery
import Facts
import Model

/// What a file's path alone decides for a scan: its language and dialect (unless only a shebang
/// can tell), its roles, and which rules' `files` globs select it. A git history names each path
/// about ten times, blob after blob; the history scan computes this once per distinct path, on
/// its log thread, and hands it along with every blob at that path (no shared cache, no lock on
/// the workers' path). A work-tree scan, which meets each path once, computes the same per file.
package final class PathTraits: Sendable {
    package let path: String
    /// From the file name and extension; nil when they say nothing and the first bytes (a
    /// shebang) decide, per version.
    let language: Language?
    let dialect: Dialect
    /// The path's roles, with the test role of a package of an installed testing distribution.
    /// The first bytes' roles (`FileRole.ofHead`) are added per version.
    let role: FileRole
    /// Bit i set: rule i's `files` / `excludeFiles` globs leave this path out.
    private let unselected: [UInt64]

    init(path: String, engine: ScanEngine) {
        self.path = path
        // The first bytes are read only when name and extension say nothing (`plainText`).
        let byName = Language.detect(path: path)
        language = byName == .plainText ? nil : byName
        dialect = Dialect(path: path)
        var role = FileRole.ofPath(path)
        if engine.settings.testingDistributions.contains(path) { role.insert(.test) }
        self.role = role
        var unselected = [UInt64](repeating: 0, count: (engine.rules.count + 63) / 64)
        for index in engine.plans.indices where !engine.plans[index].files.matches(path) {
            unselected[index >> 6] |= 1 << UInt64(index & 63)
        }
        self.unselected = unselected
    }

    /// Whether rule `index`'s globs select this path.
    func selects(rule index: Int) -> Bool { unselected[index >> 6] & (1 << UInt64(index & 63)) == 0 }

    /// The file at this path with `bytes`, language and dialect as `SourceFile(path:bytes:)`
    /// would detect them.
    func file(_ bytes: [UInt8]) -> SourceFile {
        SourceFile(
            path: path, bytes: bytes, language: language ?? Language.detect(path: path, firstBytes: bytes.prefix(256)),
            dialect: dialect)
    }

    /// The roles of a version of this path with `head` as its first bytes: `FileContext.role(of:_:)`.
    func role(head: ArraySlice<UInt8>) -> FileRole { role.union(FileRole.ofHead(head)) }
}

extension ScanEngine {
    /// What `path` alone decides, for a caller that scans many versions of it (`scanEach`).
    package func pathTraits(for path: String) -> PathTraits {
        PathTraits(path: path, engine: self)
    }
}
