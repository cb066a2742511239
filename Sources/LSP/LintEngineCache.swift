import Engine
import Foundation
import Lexing
import Model
import Session
import Support
import Suppression

/// Scans editor documents exactly as `authlint scan --stdin-filename PATH` would: the nearest
/// `.authlint.json` upward from the document, the same rule setup, settings and baseline.
/// Engines are built once per config file and rebuilt when the config (or its baseline) changes
/// on disk, so an edited config takes effect without the editor having to tell us.
final class LintEngineCache {
    struct Setup {
        var plan: ScanPlan
        var rules: [String: RuleDefinition]
    }

    /// What a document's scan produced: findings, or why there could be none.
    enum Outcome {
        case findings([Finding])
        case configError(String)
    }

    private struct Entry {
        var stamp: [FileStamp]
        var setup: Result<Setup, ConfigProblem>
    }

    private struct ConfigProblem: Error { var message: String }

    /// Identity of a file's contents on disk, cheap to compare.
    struct FileStamp: Equatable {
        var path: String
        var exists: Bool
        var modified: Int
        var size: Int
        var inode: UInt64

        init(_ path: String) {
            self.path = path
            var info = stat()
            exists = stat(path, &info) == 0
            modified = exists ? info.st_mtim.tv_sec * 1_000_000_000 + info.st_mtim.tv_nsec : 0
            size = exists ? Int(info.st_size) : 0
            inode = exists ? UInt64(info.st_ino) : 0
        }
    }

    /// Keyed by config path; "" is the no-config setup.
    private var entries: [String: Entry] = [:]
    private let workingDirectory = FileManager.default.currentDirectoryPath

    /// Forget every engine (a watched config changed): the next scan reloads.
    func invalidate() { entries.removeAll() }

    /// The path findings are reported under: relative to the server's working directory when
    /// the document is inside it, like the CLI's paths (fingerprints, and so baselines, use it).
    func displayPath(for path: String) -> String {
        let prefix = workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    func scan(_ document: TextDocument) -> Outcome {
        switch setup(forDocumentAt: document.path) {
        case .failure(let problem):
            return .configError(problem.message)
        case .success(let setup):
            do {
                return .findings(
                    try setup.plan.scan(.document(path: displayPath(for: document.path), bytes: document.bytes))
                        .findings)
            } catch {
                return .configError("authlint: \(error)")
            }
        }
    }

    /// The rule definition behind a finding, for code actions and links.
    func rule(_ id: String, forDocumentAt path: String) -> RuleDefinition? {
        if case .success(let setup) = setup(forDocumentAt: path), let rule = setup.rules[id] { return rule }
        return ScanPlan.builtinRule(id)
    }

    private func setup(forDocumentAt path: String) -> Result<Setup, ConfigProblem> {
        let configPath = ScanPlan.findConfiguration(for: path)
        if let entry = entries[configPath ?? ""], entry.stamp.allSatisfy({ FileStamp($0.path) == $0 }) {
            return entry.setup
        }
        // Stamps are taken before reading, so a write racing the load triggers another reload.
        var stamp = configPath.map { [FileStamp($0)] } ?? []
        let (built, baselinePath) = Self.build(configPath: configPath)
        if let baselinePath { stamp.append(FileStamp(baselinePath)) }
        entries[configPath ?? ""] = Entry(stamp: stamp, setup: built)
        return built
    }

    /// The CLI's `ScanPlan` for one config file, without command-line switches.
    private static func build(configPath: String?) -> (Result<Setup, ConfigProblem>, baselinePath: String?) {
        var baselinePath: String?
        do {
            let config = try ScanPlan.loadConfiguration(configPath)
            baselinePath = config.baseline
            let plan = try ScanPlan(overrides: ScanOverrides(), config: config, configPath: configPath)
            return (
                .success(Setup(plan: plan, rules: Dictionary(plan.allRules.map { ($0.id, $0) }) { first, _ in first })),
                baselinePath
            )
        } catch {
            return (.failure(ConfigProblem(message: "authlint: \(error)")), baselinePath)
        }
    }
}
