import Foundation

/// Where a work tree starts. Support, so the staged-index reader, `--since` and the hook
/// installer share it without depending on each other's stage.
extension Git {
    /// The work tree's top directory: the nearest ancestor holding `.git` (a directory, or a file
    /// in linked worktrees and submodules) found without starting git; git itself decides
    /// otherwise (GIT_DIR, GIT_WORK_TREE, bare repositories) and explains failures.
    package static func topLevel(cwd: String) throws(Failure) -> String {
        let env = ProcessInfo.processInfo.environment
        if env["GIT_DIR"] == nil && env["GIT_WORK_TREE"] == nil, let root = workTreeRoot(containing: cwd) {
            return root
        }
        return try line(["rev-parse", "--show-toplevel"], cwd: cwd)
    }

    /// The nearest directory at or above `directory` holding `.git`, without running git.
    package static func workTreeRoot(containing directory: String) -> String? {
        var dir = PathSyntax.absolute(directory.isEmpty ? "." : directory)
        while true {
            if FileManager.default.fileExists(atPath: dir + "/.git") { return dir }
            let parent = PathSyntax.parent(dir)
            if parent == dir || parent.isEmpty { return nil }
            dir = parent
        }
    }
}
