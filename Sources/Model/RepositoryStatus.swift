import Support

/// What git knows about the scanned files, for rules that judge a file by whether the next
/// commit would publish it. Provided from outside the rules, which never run git themselves:
/// the scan's composition root passes the live one (`GitRepositoryStatus`), tests a fixed one.
public protocol RepositoryStatus: Sendable {
    /// True when git would not publish `path`: it is ignored and untracked, or it is not inside a
    /// git work tree at all (then nothing can be said, and nothing is reported).
    func isKeptOutOfGit(_ path: String) -> Bool
}

/// No repository: every file is kept out of git. The default, so a scan that was not told about
/// a repository reports nothing that depends on one.
public struct NoRepository: RepositoryStatus {
    public init() {}
    public func isKeptOutOfGit(_ path: String) -> Bool { true }
}

/// A repository described by the paths it keeps out of git; every other path would be published.
public struct FixedRepositoryStatus: RepositoryStatus {
    public var keptOut: Set<String>
    public init(keptOut: Set<String> = []) { self.keptOut = keptOut }
    public func isKeptOutOfGit(_ path: String) -> Bool { keptOut.contains(path) }
}
