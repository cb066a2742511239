import Config
import Discovery
import Engine
import Foundation
import LSP
import Model
import Reporting
import Rules
import Session
import Support
import Suppression

/// `authlint [scan] [PATH ...]`: parse flags, build the `ScanPlan`, scan, render, exit code.
enum ScanCommand {
    static let parser = FlagTable.parser(for: "scan")

    static func run(_ args: [String], console: inout Console) throws -> Int32 {
        let options = try parser.parse(args)
        var (overrides, input, format) = try resolve(options)
        let colorText = options.value("--color") ?? "auto"
        guard let colorChoice = ColorChoice(rawValue: colorText) else {
            throw UsageError("--color must be auto, always or never, got '\(colorText)'")
        }
        // A progress line only on a terminal's stderr, never when output is captured or in CI. A
        // history scan reports commits and blobs itself; other scans count files.
        let isHistory: Bool
        if case .history = input { isHistory = true } else { isHistory = false }
        let progress =
            console.captured == nil && !isHistory
            ? ProgressDisplay.make(environment: ProcessInfo.processInfo.environment) : nil
        overrides.progress = progress?.progress
        overrides.listSkippedFiles = format.listsSkippedFiles(verbose: options.has("--verbose"))
        let showHistoryProgress =
            isHistory && console.captured == nil && isatty(2) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
        if showHistoryProgress { overrides.historyProgress = { writeStandardError("\r\u{1B}[K" + $0) } }
        defer { if showHistoryProgress { writeStandardError("\r\u{1B}[K") } }
        let plan = try ScanPlan(
            overrides: overrides, searchFrom: overrides.standardInputName ?? overrides.namedPaths.first ?? ".")
        var notes: [String] = []
        let result: ScanResult
        do {
            progress?.begin()
            defer { progress?.finish() }
            result = try plan.scan(input) { notes.append($0) }
        }
        for note in notes { console.err(note) }

        let color =
            format == .text
            && colorChoice.enabled(
                stdoutIsTerminal: console.stdoutIsTerminal, writesToFile: overrides.output != nil,
                environment: ProcessInfo.processInfo.environment)
        let report = format.reporter.render(
            ReportInput(
                result: result, rules: plan.allRules, color: color, verbose: options.has("--verbose"),
                scannedPaths: scannedNames(input),
                // Only the HTML report prints a date; ICU's formatter costs ~5 M instructions at start-up.
                generatedAt: format == .html ? ISO8601DateFormatter().string(from: Date()) : nil))
        if let output = overrides.output {
            do {
                try ReportOutput.write(report, to: output)
            } catch {
                console.err("authlint: \(error)\n")
                return 2
            }
        } else if overrides.writeBaselinePath == nil {
            console.out(report)
        }
        let threshold = plan.failThreshold
        // Fail closed: a file not fully checked (a rule cut short, token rules skipped) may hide
        // findings, so the gate must not pass (nor a baseline written from it be complete).
        // `--fail-on never` still exits 0; the report says it.
        let incomplete = result.incompleteChecks
        if !incomplete.isEmpty && threshold != .never {
            if overrides.writeBaselinePath != nil && overrides.output == nil {
                for issue in incomplete {
                    console.err("authlint: \(PrintableText.escaped(issue.file)): not fully checked: \(issue.message)\n")
                }
            }
            console.err(
                "authlint: \(incomplete.count) file check\(incomplete.count == 1 ? "" : "s") did not complete (see the report): exit 2\n"
            )
            return 2
        }
        // Writing a baseline records the findings (its note said how many went where): they are
        // accepted, not a failed gate.
        if overrides.writeBaselinePath != nil { return 0 }
        return threshold.fails(on: result.findings) ? 1 : 0
    }

    /// The flags as overrides, the input they choose, and the report format; usage errors first.
    static func resolve(_ options: ArgumentParser.Parsed) throws(UsageError) -> (ScanOverrides, ScanInput, ReportFormat)
    {
        if options.has("--baseline") && options.has("--write-baseline") {
            throw UsageError("--baseline and --write-baseline do not go together")
        }
        let format = try parseFormat(options.value("--format") ?? "text")
        var overrides = ScanOverrides()
        overrides.jobs = ProcessInfo.processInfo.activeProcessorCount
        if let text = options.value("--jobs") {
            guard let n = Int(text), n >= 1, n <= 512 else {
                throw UsageError("--jobs needs a whole number from 1 to 512, got '\(text)'")
            }
            overrides.jobs = n
        }
        if let text = options.value("--max-file-size") {
            guard let n = Int(text), n >= 1 else {
                throw UsageError("--max-file-size needs a positive number of bytes, got '\(text)'")
            }
            overrides.maxFileSize = n
        }
        if let text = options.value("--fail-on") {
            guard let t = FailThreshold(text) else {
                throw UsageError("--fail-on must be error, warning, note or never, got '\(text)'")
            }
            overrides.failOn = t
        }
        let stdinName = options.value("--stdin-filename")
        if (stdinName != nil || options.has("--staged")) && !options.positional.isEmpty {
            throw UsageError("--stdin-filename and --staged choose the input; do not also give paths")
        }
        let history = try historySelection(options)
        let split: ([String]) -> [String] = {
            $0.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
        }
        overrides.configPath = options.value("--config")
        overrides.ruleFolders = options.values["--rules"] ?? []
        overrides.enable = split(options.values["--enable"] ?? [])
        overrides.disable = split(options.values["--disable"] ?? [])
        overrides.showSecrets = options.has("--show-secrets")
        overrides.respectIgnoreFiles = !options.has("--no-ignore")
        overrides.output = options.value("--output")
        overrides.namedPaths = history == nil ? options.positional : []
        overrides.standardInputName = stdinName
        overrides.baselinePath = options.value("--baseline")
        overrides.writeBaselinePath = options.value("--write-baseline")
        overrides.reportStaleBaselineEntries = options.has("--report-stale")
        overrides.staged = options.has("--staged")
        overrides.since = options.value("--since")
        overrides.reportUnusedSuppressions = options.has("--report-unused-suppressions")
        if let text = options.value("--shard") {
            guard stdinName == nil else { throw UsageError("--shard splits a walk or the index, not standard input") }
            overrides.shard = try Shard(parsing: text)
        }
        let input: ScanInput
        if let history {
            input = .history(history)
        } else if options.has("--staged") {
            input = .stagedIndex
        } else {
            input =
                stdinName.map { .standardInput(name: $0) }
                ?? .paths(options.positional.isEmpty ? ["."] : options.positional)
        }
        return (overrides, input, format)
    }

    /// What the run read, as the user named it (the HTML report's header).
    static func scannedNames(_ input: ScanInput) -> [String] {
        switch input {
        case .paths(let paths): return paths
        case .stagedIndex: return ["staged index"]
        case .standardInput(let name): return ["standard input as \(name)"]
        case .document(let path, _): return [path]
        case .history(let selection):
            return [
                "history of " + (selection.revisions.isEmpty ? "all refs" : selection.revisions.joined(separator: " "))
            ]
        }
    }

    /// `--history [REV-RANGE...]`: the positional arguments are revisions, not paths.
    static func historySelection(_ options: ArgumentParser.Parsed) throws(UsageError) -> GitHistory.Selection? {
        guard options.has("--history") else {
            for flag in ["--since-date", "--max-commits"] where options.has(flag) {
                throw UsageError("\(flag) goes with --history")
            }
            return nil
        }
        for flag in ["--staged", "--stdin-filename", "--since"] where options.has(flag) {
            throw UsageError("--history and \(flag) do not go together")
        }
        var selection = GitHistory.Selection(revisions: options.positional, sinceDate: options.value("--since-date"))
        if let text = options.value("--max-commits") {
            guard let n = Int(text), n >= 1 else {
                throw UsageError("--max-commits needs a positive whole number, got '\(text)'")
            }
            selection.maxCommits = n
        }
        if let date = selection.sinceDate, date.isEmpty || date.hasPrefix("-") {
            throw UsageError("--since-date needs a date, got '\(date)'")
        }
        return selection
    }

    /// Straight to descriptor 2, from any thread (the progress line comes from scan workers).
    @Sendable static func writeStandardError(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }

    static func parseFormat(_ text: String) throws(UsageError) -> ReportFormat {
        guard let format = ReportFormat(rawValue: text) else {
            throw UsageError(
                "unknown format '\(text)' (expected \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return format
    }
}
