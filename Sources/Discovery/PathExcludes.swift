import Model
import Support

/// The config's `exclude` globs (gitignore syntax, relative to the repository root) applied to
/// one path at a time, for content that has no directory to walk: blobs in git history. A path
/// is left out when it, or any directory above it, matches, as the walk would leave it out.
public struct PathExcludes: Sendable {
    private let stack: IgnoreStack

    public init(globs: [String]) {
        var stack = IgnoreStack()
        if !globs.isEmpty { stack.files = [IgnoreFile(contents: globs.joined(separator: "\n"), directory: [])] }
        self.stack = stack
    }

    public func excludes(_ path: String) -> Bool {
        guard !stack.files.isEmpty else { return false }
        let components = path.split(separator: "/")
        guard !components.isEmpty else { return false }
        for depth in 1..<components.count where stack.isIgnored(Array(components[..<depth]), isDirectory: true) {
            return true
        }
        return stack.isIgnored(components, isDirectory: false)
    }
}
