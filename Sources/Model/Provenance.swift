import Support

/// Where a finding from git history came in (`scan --history`): the first commit whose content
/// held it, and the later commits whose changes still did. The fingerprint never depends on it,
/// so a baseline written from history and one from the work tree agree.
public struct CommitProvenance: Sendable, Equatable {
    public var commit: String
    /// `Name <email>`, as git records the author.
    public var author: String
    /// Author date, strict ISO 8601.
    public var date: String
    /// Later commits that added or changed the file and kept the finding, oldest first.
    public var occurrences: [CommitOccurrence]

    public init(commit: String, author: String, date: String, occurrences: [CommitOccurrence] = []) {
        self.commit = commit
        self.author = author
        self.date = date
        self.occurrences = occurrences
    }
}

public struct CommitOccurrence: Sendable, Equatable {
    public var commit: String
    public var file: String
    public var line: Int
    public init(commit: String, file: String, line: Int) {
        self.commit = commit
        self.file = file
        self.line = line
    }
}

/// What a history scan read and left out, for the summary of every format.
public struct HistorySummary: Sendable, Equatable {
    /// The revisions asked for (`--all` when none were given).
    public var revisions: [String] = []
    public var commits = 0
    /// Distinct blobs read (each scanned once, whatever number of commits and paths held it).
    public var blobs = 0
    public var binaryBlobs = 0
    public var lfsPointers = 0
    public var submodules = 0
    public var symlinks = 0
    /// Blobs at paths the config's `exclude` leaves out.
    public var excluded = 0
    /// A shallow clone's boundary: commits whose parents are not in the repository.
    public var shallowBoundary: [String] = []
    /// The commit HEAD names, and where the repository lives (no credentials), for SARIF.
    public var headCommit: String?
    public var repositoryURI: String?
    public init() {}
}
