import Config
import Discovery
import Engine
import Foundation
import Model
import Rules
import Support
import Suppression

/// How each input is read and fed to the engine: the walk and read policy of a `ScanPlan`.
extension ScanPlan {
    func scanOnly(_ input: ScanInput) throws -> ScanResult {
        switch input {
        case .paths(let paths): return try scanPaths(paths)
        case .stagedIndex: return try scanStagedIndex()
        case .standardInput(let name): return scanStandardInput(as: PrintableText.escaped(name))
        case .document(let path, let bytes): return engine.scan(file: SourceFile(path: path, bytes: bytes))
        case .history(let selection): return try scanHistory(selection)
        }
    }

    /// The index, read while the engine was built (or now, when the plan was not told `staged`).
    private func scanStagedIndex() throws -> ScanResult {
        let staged: GitIndex.Staged
        do {
            staged = try stagedLoadOrNow()
        } catch {
            throw ScanStepFailure(description: "--staged: \(error)")
        }
        let files = staged.files.filter { overrides.shard?.contains(relativePath: $0.path) ?? true }
        let contents = Dictionary(files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        let maxSize = settings.maxFileSize
        var result = engine.scan(paths: Array(contents.keys).sorted(), jobs: overrides.jobs) { path in
            FileReader.classify(contents[path] ?? [], path: path, maxSize: maxSize)
        }
        result.addIssues(before: staged.issues, listing: settings.listSkippedFiles)
        return result
    }

    /// `--stdin-filename`: the same path as a file of that size: whole up to the window
    /// threshold, in windows beyond it, skipped as too large over `--max-file-size` (found out
    /// while streaming, since a pipe has no size: what was scanned of it is then dropped).
    private func scanStandardInput(as name: String) -> ScanResult {
        let maxSize = settings.maxFileSize
        let input = FileReader.standardInput(path: name, maxSize: maxSize, streamAbove: settings.windowThreshold)
        var result = engine.scan(paths: [name], jobs: 1, open: { _ in input })
        if case .success(.stream(let stream)) = input, stream.rawBytesRead > maxSize {
            result = ScanResult()
            result.issues = [
                ScanIssue(
                    file: name, kind: .tooLarge,
                    message: "larger than --max-file-size (more than \(maxSize) bytes on standard input)")
            ]
        }
        return result
    }

    private func scanPaths(_ paths: [String]) throws -> ScanResult {
        for path in paths where !FileManager.default.fileExists(atPath: path) {
            throw UsageError("no such file or directory: \(PrintableText.escaped(path))")
        }
        var walkOptions = WalkOptions()
        walkOptions.maxFileSize = settings.maxFileSize
        walkOptions.excludeGlobs = config.exclude
        walkOptions.respectIgnoreFiles = overrides.respectIgnoreFiles
        let walker = FileWalker(options: walkOptions)
        let maxSize = settings.maxFileSize, streamAbove = settings.windowThreshold
        let walkIssues = WalkIssues()
        // --shard: files outside this part are dropped as the walk finds them, before they are
        // read; so are the walk's issues about them (a file too large, a directory unreadable),
        // so N shards together report each issue once, as one full scan does.
        let shard = overrides.shard
        let inShard: @Sendable (String) -> Bool = { path in shard?.contains(path: path, roots: paths) ?? true }
        // The walk feeds the scan as it goes; files over the window threshold are streamed
        // and scanned in windows, never held whole; non-UTF-8 names are opened by their bytes.
        var result = engine.scan(
            jobs: overrides.jobs,
            produce: { push in
                walkIssues.value = walker.walk(paths) { file in if inShard(file.path) { push(file) } }
                    .filter { inShard($0.file) }
            },
            open: { file in
                FileReader.input(
                    rawPath: file.rawPath ?? Array(file.path.utf8), display: file.path, maxSize: maxSize,
                    streamAbove: streamAbove)
            })
        result.addIssues(before: walkIssues.value, listing: settings.listSkippedFiles)
        return result
    }
}

/// The walk's own issues, written by the walking thread before the scan returns.
private final class WalkIssues: @unchecked Sendable {
    var value: [ScanIssue] = []
}
