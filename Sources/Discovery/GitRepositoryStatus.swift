import Foundation
import Model
import Support

/// The live `RepositoryStatus`: the work tree around each path, authlint's own ignore matcher
/// (`RepositoryIgnore`, never `git check-ignore`), and one hardened `git ls-files` only for an
/// ignored file (ignore rules do not apply to a file git already tracks).
public struct GitRepositoryStatus: RepositoryStatus {
    public init() {}

    public func isKeptOutOfGit(_ path: String) -> Bool {
        // The path may be an editor buffer or a staged file that is not on disk: its nearest
        // existing directory finds the work tree.
        let absolute = PathSyntax.absolute(path)
        var directory = PathSyntax.parent(absolute)
        while directory != "/" && !FileManager.default.fileExists(atPath: directory) {
            directory = PathSyntax.parent(directory)
        }
        guard let root = Git.workTreeRoot(containing: directory) else { return true }
        let components = absolute.dropFirst(root == "/" ? 1 : root.count + 1).split(separator: "/")
        guard absolute.hasPrefix(root + "/") || root == "/", !components.isEmpty else { return true }
        guard RepositoryIgnore.isIgnored(components, root: root) else { return false }
        // Tracked despite the ignore rule? A failing git counts as tracked: report, not stay silent.
        guard
            let listed = try? Git.run(
                ["ls-files", "-z", "--cached", "--", components.joined(separator: "/")], cwd: root)
        else { return false }
        return listed.isEmpty
    }
}
