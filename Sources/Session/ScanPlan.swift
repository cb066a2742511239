import Config
import Discovery
import Engine
import Foundation
import Model
import Rules
import Support
import Suppression

/// The one composition root of a scan, for the CLI and the language server alike: made from
/// the configuration and the command-line overrides, it owns rule setup, settings, fingerprint
/// keys and baselines, walk and read policy, one `scan(_:)` for every input, and one post-scan
/// chain (`--since`, unused-suppression notes, baseline) applied in one place.
public final class ScanPlan: Sendable {
    public let overrides: ScanOverrides
    public let config: Configuration
    /// The config file obeyed (as found or given); nil when none.
    public let configPath: String?
    /// Every loaded rule, enabled or not (reports and code actions describe any of them).
    public let allRules: [RuleDefinition]
    public let settings: ScanSettings
    let engine: ScanEngine
    private let readBaseline: Baseline?
    /// The empty baseline `--write-baseline` fills: its salt and keying, chosen before the scan.
    private let writingBaseline: Baseline?
    private let stagedLoad: BackgroundWork<GitIndex.Staged>?

    /// The nearest config upward from `searchFrom` (a scanned path or document), or `--config`.
    public convenience init(overrides: ScanOverrides, searchFrom: String) throws {
        let configPath = overrides.configPath ?? Self.findConfiguration(for: searchFrom)
        try self.init(overrides: overrides, config: Self.loadConfiguration(configPath), configPath: configPath)
    }

    public init(overrides: ScanOverrides, config: Configuration, configPath: String?) throws {
        self.overrides = overrides
        self.config = config
        self.configPath = configPath
        let ruleFolders = config.rulePaths + overrides.ruleFolders
        if let output = overrides.output {
            let inputs = [
                configPath, overrides.baselinePath ?? config.baseline, overrides.writeBaselinePath,
                overrides.standardInputName,
            ]
            try OutputGuard.refuse(
                output: output, inputs: overrides.namedPaths + inputs.compactMap { $0 }, ruleFolders: ruleFolders)
        }
        allRules = try RuleSetup.loadAll(extraFolders: ruleFolders)
        let rules = try RuleSetup.apply(
            config: config, enable: overrides.enable, disable: overrides.disable, to: allRules)

        var settings = Self.settings(config: config)
        // committed-dotenv asks the live repository what git tracks (rules run no git themselves).
        settings.repository = GitRepositoryStatus()
        settings.showSecrets = overrides.showSecrets
        settings.progress = overrides.progress
        settings.listSkippedFiles = overrides.listSkippedFiles
        settings.maxFileSize = overrides.maxFileSize ?? settings.maxFileSize
        // --staged: ask git for the index while the engine is built; the size limit (flag or
        // config) must be known first, since blobs over it are never read.
        let stagedLimit = settings.maxFileSize
        stagedLoad = overrides.staged ? BackgroundWork { try GitIndex.stagedFiles(maxSize: stagedLimit) } : nil
        // Fingerprint keys come before the scan: a baseline is read (or its salt reused) first.
        let environmentKey = FingerprintKey.fromEnvironment()
        if let path = overrides.writeBaselinePath {
            let (key, empty) = Baseline.keyForWriting(to: path, environmentKey: environmentKey)
            settings.fingerprintKey = key
            writingBaseline = empty
            readBaseline = nil
        } else {
            let path = overrides.baselinePath ?? config.baseline
            readBaseline = try path.map { path throws(ConfigError) in try Baseline.load(path: path) }
            settings.fingerprintKey = try Baseline.scanKey(
                reading: readBaseline, path: path ?? "", environmentKey: environmentKey)
            writingBaseline = nil
        }
        self.settings = settings
        engine = try ScanEngine(rules: rules, settings: settings)
    }

    /// `.authlint.json` at `path`, or the defaults when there is none.
    public static func loadConfiguration(_ path: String?) throws(ConfigError) -> Configuration {
        try path.map { path throws(ConfigError) in try Configuration.load(path: path) } ?? Configuration()
    }

    /// The settings a configuration asks for, before command-line switches.
    static func settings(config: Configuration) -> ScanSettings {
        var settings = ScanSettings()
        settings.allowedHosts = config.allowedHosts
        settings.apiHosts += config.apiHosts
        settings.credentialHeaders = config.credentialHeaders
        settings.maxFileSize = config.maxFileSize ?? settings.maxFileSize
        settings.ruleTimeBudgetSeconds = config.ruleTimeout ?? settings.ruleTimeBudgetSeconds
        settings.lowerSeverityIn = config.lowerSeverityIn ?? settings.lowerSeverityIn
        return settings
    }

    /// The staged files: read in the background since setup when `staged` was asked for.
    func stagedLoadOrNow() throws -> GitIndex.Staged {
        if let stagedLoad { return try stagedLoad.wait() }
        return try GitIndex.stagedFiles(maxSize: settings.maxFileSize)
    }

    /// A built-in rule by id, when no plan could be built (a broken config still gets explanations).
    public static func builtinRule(_ id: String) -> RuleDefinition? {
        (try? RuleLoader.builtinRules())?.first { $0.id == id }
    }

    /// `--fail-on`, else the config's `failOn`, else error.
    public var failThreshold: FailThreshold { overrides.failOn ?? config.failOn ?? .severity(.error) }

    /// Scans `input`, then runs the post-scan chain. `note` receives messages for the user
    /// (stderr in the CLI): the baseline written, stale baseline entries.
    public func scan(_ input: ScanInput, note: (String) -> Void = { _ in }) throws -> ScanResult {
        var result = try scanOnly(input)
        try finish(&result, input: input, note: note)
        return result
    }

    /// The post-scan chain, in one place for every input: `--since`, unused-suppression notes,
    /// then the baseline (written, or known findings hidden). Inline directives were applied per
    /// file by the engine's finisher, where the source text is at hand.
    private func finish(_ result: inout ScanResult, input: ScanInput, note: (String) -> Void) throws {
        result.configFile = configPath.map { overrides.configPath == nil ? Self.displayPath($0) : $0 }
        if let rev = overrides.since {
            let filter: DiffFilter
            do { filter = try DiffFilter.load(since: rev, staged: overrides.staged, scanPaths: input.diffScope) } catch
            {
                throw ScanStepFailure(description: "--since \(rev): \(error)")
            }
            result.findings = result.findings.filter(filter.keeps)
        }
        if overrides.reportUnusedSuppressions {
            result.findings += result.unusedSuppressions
            result.findings.sort(by: Finding.reportOrder)
        }
        if let path = overrides.writeBaselinePath, let written = writingBaseline {
            let baseline = Baseline(findings: result.findings, salt: written.salt, keying: written.keying)
            try ReportOutput.write(baseline.render(), to: path)
            let count = result.findings.count
            note("authlint: wrote \(count) finding\(count == 1 ? "" : "s") to \(PrintableText.escaped(path))\n")
        } else if let baseline = readBaseline {
            let stale = baseline.apply(to: &result)
            if overrides.reportStaleBaselineEntries {
                for entry in stale {
                    note(
                        "authlint: stale baseline entry \(entry.file) [\(entry.rule)] \(entry.fingerprint.prefix(12))\n"
                    )
                }
            }
        }
    }

    /// A found (absolute) path as the user would type it: relative when under the current directory.
    static func displayPath(_ path: String) -> String {
        let cwd = PathSyntax.currentDirectory()
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }

    /// The nearest `.authlint.json` upward from a scanned path or document (never above its repository).
    public static func findConfiguration(for path: String) -> String? {
        Configuration.find(from: configSearchStart(path))
    }

    /// The directory a config search starts from for a scanned path.
    static func configSearchStart(_ path: String) -> String {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue { return path }
        let parent = PathSyntax.parent(path)
        return parent.isEmpty ? "." : parent
    }
}

/// A scan step that failed after setup (`--staged`, `--since`): one line naming the step, exit 2.
struct ScanStepFailure: Error, CustomStringConvertible {
    var description: String
}

extension ScanInput {
    /// What `--since` diffs: the repositories of the scanned paths.
    var diffScope: [String] {
        switch self {
        case .paths(let paths): return paths
        case .stagedIndex, .history: return ["."]
        case .standardInput(let name): return [name]
        case .document(let path, _): return [path]
        }
    }
}
