import Foundation

/// `authlint [scan] [PATH ...]`: discovery, scan, report, exit code.
enum ScanCommand {
    static let parser = ArgumentParser([
        .init(name: "--format", takesValue: true), .init(name: "--output", takesValue: true),
        .init(name: "--config", takesValue: true), .init(name: "--rules", takesValue: true, repeatable: true),
        .init(name: "--fail-on", takesValue: true), .init(name: "--enable", takesValue: true, repeatable: true),
        .init(name: "--disable", takesValue: true, repeatable: true), .init(name: "--jobs", takesValue: true),
        .init(name: "--max-file-size", takesValue: true), .init(name: "--stdin-filename", takesValue: true),
        .init(name: "--show-secrets", takesValue: false), .init(name: "--no-ignore", takesValue: false),
        .init(name: "--baseline", takesValue: true), .init(name: "--write-baseline", takesValue: true),
        .init(name: "--report-stale", takesValue: false), .init(name: "--staged", takesValue: false),
        .init(name: "--since", takesValue: true), .init(name: "--report-unused-suppressions", takesValue: false),
    ])

    static func run(_ args: [String], console: inout Console) throws -> Int32 {
        let options = try parser.parse(args)
        if options.has("--baseline") && options.has("--write-baseline") {
            throw UsageError("--baseline and --write-baseline do not go together")
        }
        let format = try parseFormat(options.value("--format") ?? "text")
        var jobs = ProcessInfo.processInfo.activeProcessorCount
        if let text = options.value("--jobs") {
            guard let n = Int(text), n >= 1, n <= 512 else { throw UsageError("--jobs needs a whole number from 1 to 512, got '\(text)'") }
            jobs = n
        }
        var maxFileSize: Int?
        if let text = options.value("--max-file-size") {
            guard let n = Int(text), n >= 1 else { throw UsageError("--max-file-size needs a positive number of bytes, got '\(text)'") }
            maxFileSize = n
        }
        var failOn: FailThreshold?
        if let text = options.value("--fail-on") {
            guard let t = FailThreshold(text) else { throw UsageError("--fail-on must be error, warning, note or never, got '\(text)'") }
            failOn = t
        }
        let stdinName = options.value("--stdin-filename")
        if (stdinName != nil || options.has("--staged")) && !options.positional.isEmpty {
            throw UsageError("--stdin-filename and --staged choose the input; do not also give paths")
        }
        let paths = options.positional.isEmpty ? ["."] : options.positional

        // Config: explicit, or the nearest one upward from the first path (or the stdin name).
        let configPath = options.value("--config") ?? Configuration.find(from: configSearchStart(stdinName ?? paths[0]))
        let config = try configPath.map { path throws(ConfigError) in try Configuration.load(path: path) } ?? Configuration()

        let ruleFolders = config.rulePaths + (options.values["--rules"] ?? [])
        if let output = options.value("--output") {
            try OutputGuard.refuse(output: output, inputs: options.positional + [configPath, options.value("--baseline") ?? config.baseline,
                                   options.value("--write-baseline"), stdinName].compactMap { $0 }, ruleFolders: ruleFolders)
        }
        let split: ([String]) -> [String] = { $0.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } } }
        let allRules = try RuleSetup.loadAll(extraFolders: ruleFolders)
        let rules = try RuleSetup.apply(config: config, enable: split(options.values["--enable"] ?? []),
                                        disable: split(options.values["--disable"] ?? []), to: allRules)

        var settings = ScanSettings(config: config)
        settings.repository = GitRepositoryStatus()
        settings.showSecrets = options.has("--show-secrets")
        settings.maxFileSize = maxFileSize ?? settings.maxFileSize
        // --staged: ask git for the index while the engine is built; the size limit (flag or
        // config) must be known first, since blobs over it are never read.
        let stagedLimit = settings.maxFileSize
        let stagedLoad = options.has("--staged") ? BackgroundWork { try GitIndex.stagedFiles(maxSize: stagedLimit) } : nil
        // Fingerprint keys come before the scan: a baseline is read (or its salt reused) first.
        let environmentKey = FingerprintKey.fromEnvironment()
        var writingBaseline: Baseline?
        var readBaseline: Baseline?
        if let path = options.value("--write-baseline") {
            let (key, empty) = Baseline.keyForWriting(to: path, environmentKey: environmentKey)
            settings.fingerprintKey = key
            writingBaseline = empty
        } else {
            let path = options.value("--baseline") ?? config.baseline
            readBaseline = try path.map { path throws(ConfigError) in try Baseline.load(path: path) }
            settings.fingerprintKey = try Baseline.scanKey(reading: readBaseline, path: path ?? "", environmentKey: environmentKey)
        }
        let scanner = try ScanEngine(rules: rules, settings: settings)

        var result: ScanResult
        if let stagedLoad {
            let staged: GitIndex.Staged
            do { staged = try stagedLoad.wait() } catch {
                console.err("authlint: --staged: \(error)\n")
                return 2
            }
            let contents = Dictionary(staged.files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
            let maxSize = settings.maxFileSize
            result = scanner.scan(paths: Array(contents.keys).sorted(), jobs: jobs) { path in
                FileReader.classify(contents[path] ?? [], path: path, maxSize: maxSize)
            }
            result.issues = (staged.issues + result.issues).sorted { $0.file < $1.file }
        } else if let stdinName {
            result = scanStandardInput(as: PrintableText.escaped(stdinName), scanner: scanner, settings: settings)
        } else {
            for path in paths where !FileManager.default.fileExists(atPath: path) {
                throw UsageError("no such file or directory: \(PrintableText.escaped(path))")
            }
            var walkOptions = WalkOptions()
            walkOptions.maxFileSize = settings.maxFileSize
            walkOptions.excludeGlobs = config.exclude
            walkOptions.respectIgnoreFiles = !options.has("--no-ignore")
            let walker = FileWalker(options: walkOptions)
            let maxSize = settings.maxFileSize, streamAbove = settings.windowThreshold
            let walkIssues = WalkIssues()
            // The walk feeds the scan as it goes; files over the window threshold are streamed
            // and scanned in windows, never held whole; non-UTF-8 names are opened by their bytes.
            result = scanner.scan(jobs: jobs, produce: { push in walkIssues.value = walker.walk(paths, emit: push) }, open: { file in
                FileReader.input(rawPath: file.rawPath ?? Array(file.path.utf8), display: file.path, maxSize: maxSize, streamAbove: streamAbove)
            })
            result.issues = (walkIssues.value + result.issues).sorted { $0.file < $1.file }
        }

        result.configFile = configPath.map { options.value("--config") == nil ? displayPath($0) : $0 }

        // Diff gating: only findings on lines changed since REV.
        if let rev = options.value("--since") {
            let filter: DiffFilter
            do { filter = try DiffFilter.load(since: rev, staged: options.has("--staged"), scanPaths: stdinName.map { [$0] } ?? paths) } catch {
                console.err("authlint: --since \(rev): \(error)\n")
                return 2
            }
            result.findings = result.findings.filter(filter.keeps)
        }
        if options.has("--report-unused-suppressions") {
            result.findings += result.unusedSuppressions
            result.findings.sort(by: Finding.reportOrder)
        }

        // Baselines: write the current findings, or hide the ones already known.
        if let path = options.value("--write-baseline"), let written = writingBaseline {
            let baseline = Baseline(findings: result.findings, salt: written.salt, keying: written.keying)
            do { try ReportOutput.write(baseline.render(), to: path) } catch {
                console.err("authlint: \(error)\n")
                return 2
            }
            console.err("authlint: wrote \(result.findings.count) findings to baseline \(PrintableText.escaped(path))\n")
        } else if let baseline = readBaseline {
            let stale = baseline.apply(to: &result)
            if options.has("--report-stale") {
                for entry in stale { console.err("authlint: stale baseline entry \(entry.file) [\(entry.rule)] \(entry.fingerprint.prefix(12))\n") }
            }
        }

        let color = format == .text && console.stdoutIsTerminal && options.value("--output") == nil
            && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
        let report = format.reporter.render(ReportInput(result: result, rules: allRules, color: color))
        if let output = options.value("--output") {
            do {
                try ReportOutput.write(report, to: output)
            } catch {
                console.err("authlint: \(error)\n")
                return 2
            }
        } else {
            console.out(report)
        }
        let threshold = failOn ?? config.failOn ?? .severity(.error)
        // Fail closed: a file not fully checked (a rule cut short, token rules skipped) may hide
        // findings, so the gate must not pass. `--fail-on never` still exits 0; the report says it.
        let incomplete = result.incompleteChecks
        if !incomplete.isEmpty && threshold != .never {
            console.err("authlint: \(incomplete.count) file check\(incomplete.count == 1 ? "" : "s") did not complete (see the report): exit 2\n")
            return 2
        }
        return threshold.fails(on: result.findings) ? 1 : 0
    }

    /// `--stdin-filename`: the same path as a file of that size: whole up to the window
    /// threshold, in windows beyond it, skipped as too large over `--max-file-size` (found out
    /// while streaming, since a pipe has no size: what was scanned of it is then dropped).
    static func scanStandardInput(as name: String, scanner: ScanEngine, settings: ScanSettings) -> ScanResult {
        let maxSize = settings.maxFileSize
        let input = FileReader.standardInput(path: name, maxSize: maxSize, streamAbove: settings.windowThreshold)
        var result = scanner.scan(paths: [name], jobs: 1, open: { _ in input })
        if case .success(.stream(let stream)) = input, stream.rawBytesRead > maxSize {
            result = ScanResult()
            result.issues = [ScanIssue(file: name, kind: .tooLarge, message: "larger than --max-file-size (more than \(maxSize) bytes on standard input)")]
        }
        return result
    }

    static func parseFormat(_ text: String) throws(UsageError) -> ReportFormat {
        guard let format = ReportFormat(rawValue: text) else {
            throw UsageError("unknown format '\(text)' (expected \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return format
    }

    /// A found (absolute) path as the user would type it: relative when under the current directory.
    static func displayPath(_ path: String) -> String {
        let cwd = PathSyntax.currentDirectory()
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }

    /// The directory a config search starts from for a scanned path.
    static func configSearchStart(_ path: String) -> String {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue { return path }
        let parent = PathSyntax.parent(path)
        return parent.isEmpty ? "." : parent
    }
}

/// Writes a report file: atomically (temp file + rename) for regular files, directly for
/// `/dev/null`, `/dev/stdout` and FIFOs, which a rename would replace.
enum ReportOutput {
    static func write(_ text: String, to path: String) throws {
        var info = stat()
        if stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG {
            // write(2), not FileHandle.write, which traps on ENOSPC (`--output /dev/full`).
            let fd = open(path, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
            let failure = AtomicFile.writeAll(fd, Array(text.utf8))
            close(fd)
            if let failure { throw FileWriteError(path: path, reason: String(cString: strerror(failure))) }
            return
        }
        try AtomicFile.write(Array(text.utf8), to: path)
    }
}

/// The walk's own issues, written by the walking thread before the scan returns.
private final class WalkIssues: @unchecked Sendable {
    var value: [ScanIssue] = []
}
