import Config
import Discovery
import Engine
import LSP
import Model
import Reporting
import Rules
import Session
import Support
import Suppression

/// Every command-line flag, defined once: `ArgumentParser` parses from it, `--help` is
/// generated from it, and a test checks the README's usage block against it.
struct Flag: Sendable {
    var name: String
    /// What the value looks like in help (`FILE`, `text|json`); nil for a switch.
    var valueName: String?
    var repeatable = false
    var help: String
    var commands: [String]

    var takesValue: Bool { valueName != nil }
}

enum FlagTable {
    static let scanFormats = ReportFormat.allCases.map(\.rawValue).joined(separator: "|")

    static let flags: [Flag] = [
        Flag(name: "--format", valueName: scanFormats, help: "report format (default text)", commands: ["scan"]),
        Flag(
            name: "--output", valueName: "FILE", help: "write the report to FILE (atomically)",
            commands: ["scan", "merge"]),
        Flag(
            name: "--config", valueName: "FILE", help: "config file (default: nearest .authlint.json upward)",
            commands: ["scan"]),
        Flag(
            name: "--rules", valueName: "DIR", repeatable: true, help: "add user rule files from DIR (repeatable)",
            commands: ["scan"]),
        Flag(
            name: "--fail-on", valueName: "error|warning|note|never", help: "exit 1 threshold (default: error)",
            commands: ["scan"]),
        Flag(name: "--enable", valueName: "ID,...", repeatable: true, help: "switch rules on", commands: ["scan"]),
        Flag(name: "--disable", valueName: "ID,...", repeatable: true, help: "switch rules off", commands: ["scan"]),
        Flag(name: "--jobs", valueName: "N", help: "parallel workers (default: number of cores)", commands: ["scan"]),
        Flag(
            name: "--max-file-size", valueName: "BYTES", help: "skip larger files (default 10 MiB)", commands: ["scan"]),
        Flag(
            name: "--stdin-filename", valueName: "NAME", help: "scan standard input as the file NAME (editors)",
            commands: ["scan"]),
        Flag(name: "--staged", help: "scan the staged content of the git index (pre-commit)", commands: ["scan"]),
        Flag(
            name: "--history",
            help: "scan git history: every blob the commits of REV-RANGE ... (default: all refs) added or changed",
            commands: ["scan"]),
        Flag(
            name: "--since-date", valueName: "DATE",
            help: "with --history: only commits after DATE (as git log --since)",
            commands: ["scan"]),
        Flag(
            name: "--max-commits", valueName: "N", help: "with --history: only the N newest commits",
            commands: ["scan"]),
        Flag(
            name: "--since", valueName: "REV",
            help: "report only findings on lines changed since REV (with --staged: vs the index)", commands: ["scan"]),
        Flag(
            name: "--report-unused-suppressions",
            help: "report authlint:ignore comments that suppress nothing (as notes)", commands: ["scan"]),
        Flag(
            name: "--show-secrets", help: "print secrets in full (every format redacts by default)", commands: ["scan"]),
        Flag(
            name: "--write-baseline", valueName: "FILE",
            help: "record current findings by fingerprint (no secrets, sorted, atomic); exit 0", commands: ["scan"]),
        Flag(name: "--baseline", valueName: "FILE", help: "report only findings not in FILE", commands: ["scan"]),
        Flag(name: "--report-stale", help: "with --baseline: list entries that matched no finding", commands: ["scan"]),
        Flag(name: "--no-ignore", help: "do not honour .gitignore / .authlintignore", commands: ["scan"]),
        Flag(
            name: "--verbose", help: "list every skipped file (binary, too large, not regular), not just counts",
            commands: ["scan"]),
        Flag(
            name: "--color", valueName: "auto|always|never",
            help: "colour text output (auto: terminal; NO_COLOR off, FORCE_COLOR on)", commands: ["scan"]),
        Flag(
            name: "--shard", valueName: "I/N", help: "scan only part I of N (stable by path hash; CI matrix)",
            commands: ["scan"]),
        Flag(
            name: "--format", valueName: "text|json|markdown|keywords", help: "catalog format (default text)",
            commands: ["rules"]),
        Flag(
            name: "--validate", valueName: "DIR",
            help: "check a user rule folder: every file error at once, then each rule's examples", commands: ["rules"]),
        Flag(
            name: "--format", valueName: "json|sarif", help: "the shard reports' format (default: as they are)",
            commands: ["merge"]),
        Flag(
            name: "--pre-push", help: "write a pre-push hook scanning the commits being pushed",
            commands: ["install-hook"]),
        Flag(
            name: "--force", help: "replace an existing file (init) or a hook authlint did not write",
            commands: ["init", "install-hook"]),
    ]

    /// Every subcommand's synopsis and help, in `--help` (and README) order; `scan`'s flags
    /// follow its line.
    static let commands: [(name: String, synopsis: String, help: String)] = [
        ("scan", "authlint [scan] [PATH ...]", "scan paths (default: current directory)"),
        ("rules", "authlint rules [--format text|json|markdown|keywords]", "the rule catalog"),
        (
            "rules", "authlint rules --validate DIR",
            "check a user rule folder (every error at once, then each rule's examples)"
        ),
        ("explain", "authlint explain ID", "one rule's description, fix and examples"),
        ("init", "authlint init [--force] [FILE]", "write a commented starter .authlint.json (never overwrites)"),
        (
            "scan", "authlint scan --history [REV-RANGE ...]",
            "scan git history (default: all refs); see Scanning history"
        ),
        (
            "install-hook", "authlint install-hook [--force]",
            "write a git pre-commit hook running `authlint scan --staged`"
        ),
        (
            "install-hook", "authlint install-hook --pre-push",
            "write a git pre-push hook scanning the commits being pushed"
        ),
        (
            "merge", "authlint merge REPORT ... [--format json|sarif] [--output FILE]",
            "combine --shard reports into one"
        ),
        ("lsp", "authlint lsp", "language server on stdin/stdout (see Editor integration)"),
        ("version", "authlint version | --version", "print the version"),
        ("help", "authlint help | --help", "this usage text"),
    ]

    static var commandNames: [String] { Array(Set(commands.map(\.name))).sorted() }

    /// The usage block of `--help` and the README: each command's line, the scan flags under it.
    static func usageLines() -> [String] {
        commands.flatMap { command in
            let line = padded(command.synopsis, width: 32) + command.help
            // The scan flags once, under the first scan line.
            return command.synopsis.hasPrefix("authlint [scan]") ? [line] + helpLines(for: "scan") : [line]
        }
    }

    static func padded(_ head: String, width: Int) -> String {
        head + String(repeating: " ", count: head.count > width - 2 ? 3 : width - head.count)
    }

    static func flags(for command: String) -> [Flag] { flags.filter { $0.commands.contains(command) } }

    static func parser(for command: String) -> ArgumentParser {
        ArgumentParser(
            flags(for: command).map { .init(name: $0.name, takesValue: $0.takesValue, repeatable: $0.repeatable) })
    }

    /// One line per flag: name and value padded to a column, then the help text.
    static func helpLines(for command: String) -> [String] {
        let heads = flags(for: command).map { flag in "  " + flag.name + (flag.valueName.map { " " + $0 } ?? "") }
        let width = heads.map(\.count).filter { $0 < 32 }.max() ?? 0
        return zip(heads, flags(for: command)).map { head, flag in
            head + String(repeating: " ", count: head.count > width ? 3 : width + 2 - head.count) + flag.help
        }
    }
}
