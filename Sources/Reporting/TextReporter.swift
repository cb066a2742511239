import Model
import Support

/// Human output: `path:line:col: severity[rule] message`, the redacted snippet indented below,
/// one `related: path:line:col: message` line per related location, then counts by category and
/// rule and a one-line summary. `path:line:col` first so terminals and editors make it clickable.
struct TextReporter: Reporter {
    func render(_ input: ReportInput) -> String {
        let paint = Paint(enabled: input.color)
        var out = ""
        for finding in input.result.findings {
            out += paint.bold("\(PrintableText.escaped(finding.file)):\(finding.line):\(finding.column):") + " "
            out += paint.severity(finding.severity) + paint.dim("[\(finding.rule)]") + " " + finding.message + "\n"
            if !finding.snippet.isEmpty { out += "    " + finding.snippet + "\n" }
            if let provenance = finding.provenance {
                out += "    " + paint.dim(HistoryReport.textLine(provenance)) + "\n"
            }
            for related in finding.related {
                out +=
                    "    "
                    + paint.dim("related: \(PrintableText.escaped(related.file)):\(related.line):\(related.column):")
                out += " " + related.message + "\n"
            }
        }
        for issue in input.result.errors {
            let what = issue.isIncompleteCheck ? "not fully checked" : "cannot read"
            out += paint.severity(.error) + " \(PrintableText.escaped(issue.file)): \(what): \(issue.message)\n"
        }
        // Skipped files are policy, not trouble: counted in the summary, listed only when asked.
        if input.verbose {
            for issue in input.result.skippedFiles {
                out += paint.dim("skipped \(PrintableText.escaped(issue.file)): \(issue.message)") + "\n"
            }
        }
        out += CountTable.render(input.result.findings, verbose: input.verbose)
        if let history = input.result.history { out += HistoryReport.summaryLine(history) + "\n" }
        out += SummaryLine.render(input.result) + "\n"
        return out
    }
}

/// Findings by category and by rule, most first: 142 `private-key-pem` lines read as one line
/// here. Nothing when there are no findings (the summary line says so). The rule table stops
/// after `ruleRows` rows unless `--verbose` (a tree can hit hundreds of rules once each).
enum CountTable {
    static let ruleRows = 20

    static func render(_ findings: [Finding], verbose: Bool) -> String {
        guard !findings.isEmpty else { return "" }
        let categories = ReportCounts.byCategory(findings)
        let rules = ReportCounts.byRule(findings)
        let shown = verbose ? rules : Array(rules.prefix(ruleRows))
        let width = max(24, (categories + shown).map(\.key.count).max() ?? 0)
        let countWidth = String(findings.count).count
        func line(_ row: ReportCounts.Row) -> String {
            let severities = row.severities.map { "\($0.1) \($0.0.rawValue)\($0.1 == 1 ? "" : "s")" }
            let count = String(row.count)
            return "  " + row.key.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                + String(repeating: " ", count: countWidth - count.count) + count + "  "
                + severities.joined(separator: ", ") + "\n"
        }
        var out = "by category:\n" + categories.map(line).joined() + "by rule:\n" + shown.map(line).joined()
        let hidden = rules.dropFirst(shown.count)
        if !hidden.isEmpty {
            let count = hidden.map(\.count).reduce(0, +)
            out +=
                "  … \(hidden.count) more rule\(hidden.count == 1 ? "" : "s") with \(count) finding\(count == 1 ? "" : "s") (all with --verbose, or JSON summary.byRule)\n"
        }
        return out
    }
}

package enum SummaryLine {
    static func render(_ result: ScanResult) -> String {
        let counts = Dictionary(grouping: result.findings, by: \.severity).mapValues(\.count)
        var text =
            "\(result.filesScanned) file\(result.filesScanned == 1 ? "" : "s") (\(formatBytes(result.bytesScanned))) scanned in \(result.durationMs) ms: "
        text += "\(counts[.error, default: 0]) error\(counts[.error, default: 0] == 1 ? "" : "s"), "
        text += "\(counts[.warning, default: 0]) warning\(counts[.warning, default: 0] == 1 ? "" : "s"), "
        text += "\(counts[.note, default: 0]) note\(counts[.note, default: 0] == 1 ? "" : "s")"
        if !result.suppressed.isEmpty { text += ", \(result.suppressed.count) suppressed" }
        let incomplete = result.incompleteChecks.count
        let unreadable = result.errors.count - incomplete
        if incomplete > 0 { text += ", \(incomplete) not fully checked (rule cut short or skipped)" }
        if unreadable > 0 { text += ", \(unreadable) unreadable" }
        for (reason, count) in ReportCounts.skipped(result) where count > 0 {
            text += ", " + ReportCounts.skipPhrase(reason, count)
        }
        if result.filesWindowed > 0 {
            text += " (\(result.filesWindowed) large file\(result.filesWindowed == 1 ? "" : "s") scanned in windows)"
        }
        if let config = result.configFile { text += "; config \(config)" }
        return text
    }

    package static func formatBytes(_ n: Int) -> String {
        if n < 1024 { return "\(n) B" }
        if n < 1024 * 1024 { return "\(n / 1024) KiB" }
        return "\((n * 10 / (1024 * 1024)) / 10).\((n * 10 / (1024 * 1024)) % 10) MiB"
    }
}

/// ANSI styling that is a no-op when colour is off.
struct Paint {
    var enabled: Bool
    func wrap(_ s: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    func bold(_ s: String) -> String { wrap(s, "1") }
    func dim(_ s: String) -> String { wrap(s, "2") }
    func severity(_ s: Severity) -> String {
        switch s {
        case .error: return wrap("error", "31;1")
        case .warning: return wrap("warning", "33;1")
        case .note: return wrap("note", "36")
        }
    }
}
