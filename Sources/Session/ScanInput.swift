import Config
import Discovery
import Engine
import Model
import Rules
import Support
import Suppression

/// What one scan reads. Every input goes through the same plan and post-scan chain.
public enum ScanInput: Sendable {
    /// Files and directories (the walk); files named here are always scanned.
    case paths([String])
    /// The staged content of the git index (`--staged`).
    case stagedIndex
    /// Standard input, reported as the file `name` (`--stdin-filename`).
    case standardInput(name: String)
    /// An editor document: its unsaved bytes, reported under `path` (the language server).
    case document(path: String, bytes: [UInt8])
    /// Every blob the selected commits added or changed (`--history [REV-RANGE...]`).
    case history(GitHistory.Selection)
}

/// Command-line choices that override or extend the configuration, resolved once (ripgrep's
/// "resolved arguments"): the CLI fills it from flags, the language server leaves it empty.
public struct ScanOverrides: Sendable {
    /// `--config`: this file instead of the nearest `.authlint.json` upward.
    public var configPath: String?
    public var ruleFolders: [String] = []
    public var enable: [String] = []
    public var disable: [String] = []
    public var maxFileSize: Int?
    public var showSecrets = false
    public var respectIgnoreFiles = true
    public var jobs = 1
    /// `--output`: checked against every input before anything is read or written.
    public var output: String?
    /// Paths and the standard-input name as given, which `--output` must not replace.
    public var namedPaths: [String] = []
    public var standardInputName: String?
    public var baselinePath: String?
    public var writeBaselinePath: String?
    public var reportStaleBaselineEntries = false
    /// `--staged`: the index is read while the engine is built, and `--since` diffs against it.
    public var staged = false
    public var since: String?
    public var reportUnusedSuppressions = false
    public var failOn: FailThreshold?
    /// Where the engine counts files, bytes and findings as it goes (a progress display).
    public var progress: ScanProgress?
    /// `--shard I/N`: only this part of the walked (or staged) files is read and scanned.
    public var shard: Shard?
    /// Keep every skipped file's name for the report (`--verbose`, HTML); else they are counted.
    public var listSkippedFiles = true
    /// A one-line progress report, every quarter second of a long scan (`--history` on a terminal).
    public var historyProgress: (@Sendable (String) -> Void)?

    public init() {}
}
