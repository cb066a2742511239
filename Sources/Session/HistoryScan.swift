import Config
import Discovery
import Engine
import Foundation
import Model
import Support

/// `scan --history`: every blob any selected commit added or changed, scanned once (deduplicated
/// by blob id across commits, renames and merges) as a file at its path in that commit, so the
/// lexers, facts, file roles, config excludes and inline suppressions are those of a work-tree
/// scan. One `git log` stream feeds the workers as it goes; `git cat-file` processes hand them
/// the content; only blobs with something to report are kept. Findings are then attributed to
/// the first commit whose content held them, later ones listed as occurrences.
extension ScanPlan {
    func scanHistory(_ selection: GitHistory.Selection) throws -> ScanResult {
        let repository = try HistoryRepository.open(selection)
        let state = HistoryState()
        let excludes = PathExcludes(globs: config.exclude)
        let engine = engine
        let progress = overrides.historyProgress
        // `--shard I/N`: a path's blobs all go to one part, so its edits are attributed as one scan would.
        let shard = overrides.shard
        let deliver: @Sendable (HistoryRead, ScanResult) -> Void = { read, result in
            state.keep(read.blob, result)
            if let progress, let line = state.progressLine() { progress(line) }
        }
        let limits = (maxSize: settings.maxFileSize, streamAbove: settings.windowThreshold)
        // The log thread finds blobs and asks git for them; this producer reads the answers.
        var counts = engine.scanEach(
            jobs: overrides.jobs,
            produce: { push in
                Self.readBlobs(root: repository.root, limits: limits, state: state, push: push) { request, flush in
                    // Each blob's first file name: met again under another name, it may be
                    // another language to the rules (a.txt renamed a.js), so it is scanned again.
                    var seen: [String: ArraySlice<UInt8>] = [:]
                    // What depends on the path alone, once per path (a history names each ~10 times):
                    // how it is shown, shard and excludes here, and for the engine `PathTraits`.
                    var paths: [[UInt8]: (shown: String, wanted: Bool, excluded: Bool, traits: PathTraits?)] = [:]
                    try GitHistory.read(
                        selection, root: repository.root, commit: { state.add($0) },
                        change: { change in
                            let path: (shown: String, wanted: Bool, excluded: Bool, traits: PathTraits?)
                            if let known = paths[change.rawPath] {
                                path = known
                            } else {
                                let name = RawPath.displayName(change.rawPath)
                                let shown = repository.display(name)
                                let wanted = shard?.contains(relativePath: name) ?? true,
                                    excluded = excludes.excludes(name)
                                let traits = wanted && !excluded ? engine.pathTraits(for: shown) : nil
                                path = (shown, wanted, excluded, traits)
                                paths[change.rawPath] = path
                            }
                            guard path.wanted, let commit = state.classify(change.mode, excluded: path.excluded) else {
                                return
                            }
                            let blob = HistoryBlob(blob: change.blob, path: path.shown, commit: commit)
                            let slash = change.rawPath.lastIndex(of: UInt8(ascii: "/"))
                            let fileName = change.rawPath[(slash.map { $0 + 1 } ?? 0)...]
                            if let first = seen[change.blob] {
                                return state.reappear(blob, renamed: first != fileName)
                            }
                            seen[change.blob] = fileName
                            state.queued()
                            request(HistoryRequest(blob: blob, traits: path.traits))
                        }, beforeRead: flush)
                }
            }, open: { ($0.blob.path, $0.input, $0.traits) }, deliver: deliver)
        if let failure = state.failure { throw ScanStepFailure(description: "--history: \(failure)") }

        // A blob with findings that also appears at another path (renamed, copied) is scanned
        // again there: the path is part of the fingerprint, so a work-tree scan of the renamed
        // file must find the same fingerprints.
        let rescans = state.unscannedAppearances()
        if !rescans.isEmpty {
            let more = engine.scanEach(
                jobs: overrides.jobs,
                produce: { push in
                    Self.readBlobs(root: repository.root, limits: limits, state: state, push: push) { request, _ in
                        // Few, so no traits: each is scanned as a work-tree file would be.
                        for blob in rescans { request(HistoryRequest(blob: blob, traits: nil)) }
                    }
                }, open: { ($0.blob.path, $0.input, $0.traits) }, deliver: deliver)
            counts.filesScanned += more.filesScanned
            counts.bytesScanned += more.bytesScanned
            counts.filesLexed += more.filesLexed
            counts.filesWindowed += more.filesWindowed
        }
        var result = state.attributed(counts: counts)
        result.history?.revisions = selection.revisions.isEmpty ? ["--all"] : selection.revisions
        result.history?.shallowBoundary = GitHistory.shallowBoundary(root: repository.root)
        result.history?.headCommit = try? Git.line(["rev-parse", "--verify", "--quiet", "HEAD"], cwd: repository.root)
        result.history?.repositoryURI = repository.uri
        return result
    }

    /// Runs `find` on a thread of its own, handing each blob it requests to one
    /// `git cat-file` process, and pushes the answers, read here in order, to the workers.
    /// Requests go to git in batches: `find` calls `flush` before it may wait (for git log).
    private static func readBlobs(
        root: String, limits: (maxSize: Int, streamAbove: Int), state: HistoryState, push: (HistoryRead) -> Void,
        find: @escaping @Sendable (_ request: (HistoryRequest) -> Void, _ flush: @escaping () -> Void) throws -> Void
    ) {
        let reader: GitBlobReader<HistoryRequest>
        do { reader = try GitBlobReader(root: root) } catch { return state.fail(error.description) }
        let finder = Thread {
            do {
                try find(
                    { wanted in
                        do { try reader.request(wanted.blob.blob, tag: wanted) } catch { state.fail("\(error)") }
                    },
                    {
                        do { try reader.flush() } catch { state.fail("\(error)") }
                    })
            } catch {
                state.fail("\(error)")
            }
            do { try reader.close() } catch { state.fail("\(error)") }
        }
        finder.stackSize = 8 << 20
        finder.start()
        while let (wanted, input) = reader.next(
            path: \.blob.path, blob: \.blob.blob, maxSize: limits.maxSize, streamAbove: limits.streamAbove)
        {
            push(HistoryRead(blob: wanted.blob, input: input, traits: wanted.traits))
        }
    }
}

/// A blob asked of git, with what its path decides for the engine.
struct HistoryRequest: Sendable {
    var blob: HistoryBlob
    var traits: PathTraits?
}

/// A blob and its content as read, handed to a worker.
struct HistoryRead: Sendable {
    var blob: HistoryBlob
    var input: Result<FileInput, ScanIssue>
    var traits: PathTraits?
}

/// One blob to scan: its id, and the path and commit (index in log order) it was met at.
struct HistoryBlob: Sendable, Hashable {
    var blob: String
    var path: String
    var commit: Int
}

/// Where the repository is and how its paths are shown: relative to the current directory in a
/// work tree (as `--staged` shows them, so fingerprints match a work-tree scan), as git names
/// them in a bare repository.
struct HistoryRepository: Sendable {
    var root: String
    var uri: String
    var display: @Sendable (String) -> String

    static func open(_ selection: GitHistory.Selection) throws -> HistoryRepository {
        let cwd = PathSyntax.currentDirectory()
        let root: String
        var display: @Sendable (String) -> String = { $0 }
        do {
            if try Git.line(["rev-parse", "--is-bare-repository"], cwd: cwd) == "true" {
                root = try Git.line(["rev-parse", "--absolute-git-dir"], cwd: cwd)
            } else {
                root = try Git.topLevel(cwd: cwd)
                let base = PathSyntax.resolved(cwd), rootPath = PathSyntax.resolved(root)
                display = { PathSyntax.relative(rootPath + "/" + $0, from: base) }
            }
        } catch {
            throw ScanStepFailure(description: "--history: \(error)")
        }
        do { try GitHistory.checkRevisions(selection.revisions, root: root) } catch {
            throw UsageError("--history: \(error.description)")
        }
        return HistoryRepository(root: root, uri: repositoryURI(root: root), display: display)
    }

    /// `remote.origin.url` without any user name or password in it; else the local path.
    static func repositoryURI(root: String) -> String {
        if let url = try? Git.line(["config", "--get", "remote.origin.url"], cwd: root), !url.isEmpty {
            if let scheme = url.range(of: "://"), let at = url[scheme.upperBound...].firstIndex(of: "@"),
                !url[scheme.upperBound..<at].contains("/")
            {
                return String(url[..<scheme.upperBound]) + String(url[url.index(after: at)...])
            }
            return url
        }
        let path = PathSyntax.resolved(root)
        return "file://" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path)
    }
}
