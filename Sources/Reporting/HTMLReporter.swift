import Model
import Support

/// One self-contained HTML5 page (`--format html`): the run's facts and counts, an inline-SVG
/// chart by category and severity, a findings table that filters and sorts in the browser,
/// the files not fully checked or skipped, and each reported rule's explanation. Nothing is
/// loaded from elsewhere; every text from a scanned or rule file is escaped (`HTMLText`), and
/// snippets are the same redacted ones every format prints.
struct HTMLReporter: Reporter {
    func render(_ input: ReportInput) -> String {
        let result = input.result
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(HTMLPageAssets.contentSecurityPolicy)\">\n"
        out += "<title>authlint report</title>\n<style>\n\(HTMLPageAssets.style)\n</style>\n</head>\n<body>\n"
        out += header(input)
        out += "<section id=\"chart-section\">\n<h2>Findings by category and severity</h2>\n"
        out += HTMLChart.render(result.findings) + "</section>\n"
        out += "<section id=\"role-chart-section\">\n<h2>Findings by file role and severity</h2>\n"
        out += HTMLChart.renderByRole(result.findings) + "</section>\n"
        out += findingsSection(input)
        out += suppressedSection(result.suppressed)
        out += issuesSection(result.issues)
        out += rulesSection(input)
        out += "<script>\n\(HTMLPageAssets.script)\n</script>\n</body>\n</html>\n"
        return out
    }

    func header(_ input: ReportInput) -> String {
        let result = input.result
        var out = "<header>\n<h1>authlint report</h1>\n<dl class=\"meta\">\n"
        func item(_ term: String, _ escapedValue: String) { out += "<dt>\(term)</dt><dd>\(escapedValue)</dd>\n" }
        item("Tool", "authlint " + HTMLText.escape(input.toolVersion))
        if !input.scannedPaths.isEmpty {
            item("Scanned", input.scannedPaths.map { "<code>\(HTMLText.path($0))</code>" }.joined(separator: " "))
        }
        if let date = input.generatedAt { item("Date", HTMLText.escape(date)) }
        item("Config", result.configFile.map { "<code>\(HTMLText.path($0))</code>" } ?? "none")
        item("Duration", "\(result.durationMs) ms")
        if let history = result.history { item("History", HTMLText.escape(HistoryReport.summaryLine(history))) }
        out += "</dl>\n<table class=\"counts\" id=\"counts\">\n"
        let bySeverity = Dictionary(grouping: result.findings, by: \.severity).mapValues(\.count)
        let incomplete = result.incompleteChecks.count
        let counts: [(String, String)] = [
            ("Files scanned", "\(result.filesScanned) (\(SummaryLine.formatBytes(result.bytesScanned)))"),
            ("Errors", "\(bySeverity[.error, default: 0])"),
            ("Warnings", "\(bySeverity[.warning, default: 0])"),
            ("Notes", "\(bySeverity[.note, default: 0])"),
            ("Suppressed", "\(result.suppressed.count)"),
            ("Files skipped", "\(result.skippedTotal)"),
            ("Files not read (errors)", "\(result.errors.count - incomplete)"),
            ("Files not fully checked", "\(incomplete)"),
        ]
        for (name, value) in counts { out += "<tr><td>\(name)</td><td>\(value)</td></tr>\n" }
        return out + "</table>\n</header>\n"
    }

    func findingsSection(_ input: ReportInput) -> String {
        let findings = input.result.findings
        var out = "<section id=\"findings-section\">\n<h2>Findings</h2>\n"
        guard !findings.isEmpty else { return out + "<p class=\"empty\">No findings.</p>\n</section>\n" }
        out += "<form id=\"filters\" role=\"search\" onsubmit=\"return false\">\n"
        out += "<label>Path <input type=\"search\" id=\"filter-path\" placeholder=\"part of a path\"></label>\n"
        out += select("rule", "Rule", Set(findings.map(\.rule)).sorted())
        out += select(
            "category", "Category",
            RuleCategory.allCases.map(\.rawValue).filter { category in
                findings.contains { $0.category.rawValue == category }
            })
        out += select(
            "severity", "Severity",
            HTMLChart.severities.map(\.rawValue).filter { severity in
                findings.contains { $0.severity.rawValue == severity }
            })
        out += select("role", "Role", Set(findings.map(\.role)).sorted())
        out += "<span id=\"shown-count\">\(findings.count) of \(findings.count) shown</span>\n</form>\n"
        out += "<table class=\"findings\" id=\"findings\">\n<thead><tr>"
        for (key, title) in [
            ("severity", "Severity"), ("rule", "Rule"), ("category", "Category"), ("location", "Location"),
        ] {
            out += "<th data-sort=\"\(key)\" aria-sort=\"none\"><button type=\"button\">\(title)</button></th>"
        }
        out += "<th>Message</th><th>Snippet</th></tr></thead>\n<tbody>\n"
        let documented = Set(input.rules.map(\.id))
        for (order, finding) in findings.enumerated() {
            out += row(finding, order: order, documented: documented.contains(finding.rule))
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    func select(_ key: String, _ title: String, _ values: [String]) -> String {
        var out = "<label>\(title) <select id=\"filter-\(key)\"><option value=\"\">all</option>"
        for value in values { out += "<option>\(HTMLText.escape(value))</option>" }
        return out + "</select></label>\n"
    }

    /// One finding; its values also sit in `data-` attributes for the filters and sorting.
    func row(_ finding: Finding, order: Int, documented: Bool) -> String {
        let rule = HTMLText.escape(finding.rule)
        let path = HTMLText.path(finding.file)
        let severity = finding.severity.rawValue
        let rank = HTMLChart.severities.count - (HTMLChart.severities.firstIndex(of: finding.severity) ?? 0)
        var out = "<tr data-severity=\"\(severity)\" data-rank=\"\(rank)\" data-rule=\"\(rule)\""
        out += " data-category=\"\(finding.category.rawValue)\" data-path=\"\(path)\" data-line=\"\(finding.line)\""
        out +=
            " data-column=\"\(finding.column)\" data-role=\"\(HTMLText.escape(finding.role))\" data-order=\"\(order)\">\n"
        out += "<td><span class=\"sev sev-\(severity)\">\(severity)</span></td>\n"
        out +=
            documented
            ? "<td><a class=\"rule-link\" href=\"#\(HTMLText.ruleAnchor(finding.rule))\">\(rule)</a></td>\n"
            : "<td>\(rule)</td>\n"
        out += "<td>\(finding.category.rawValue)</td>\n"
        out += "<td class=\"loc\">\(path):\(finding.line):\(finding.column)"
        if let provenance = finding.provenance {
            out += "<div class=\"commit\">\(HTMLText.escape(HistoryReport.textLine(provenance)))</div>"
        }
        out += "</td>\n"
        out += "<td class=\"message\">\(HTMLText.escape(finding.message))"
        if !finding.related.isEmpty {
            out += "<ul class=\"related\">"
            for related in finding.related {
                out += "<li>related: <span class=\"loc\">\(HTMLText.path(related.file)):\(related.line):"
                out += "\(related.column)</span>: \(HTMLText.escape(related.message))</li>"
            }
            out += "</ul>"
        }
        out += "</td>\n<td>"
        if !finding.snippet.isEmpty {
            out += "<pre class=\"snippet\"><code>\(HTMLText.escape(finding.snippet))</code></pre>"
        }
        return out + "</td>\n</tr>\n"
    }

    /// Findings an inline directive, config ignore or baseline hid, folded away: where they are
    /// and what hid them, so a review can question a suppression (no snippets: not reported).
    func suppressedSection(_ suppressed: [Finding]) -> String {
        guard !suppressed.isEmpty else { return "" }
        var out =
            "<section id=\"suppressed\">\n<details><summary>\(HTMLText.plural(suppressed.count, "suppressed finding"))"
        out += "</summary>\n<ul>\n"
        for finding in suppressed {
            out += "<li><span class=\"loc\">\(HTMLText.path(finding.file)):\(finding.line):\(finding.column)</span> "
            out += "\(HTMLText.escape(finding.rule)) (\(finding.severity.rawValue)), suppressed by "
            out += HTMLText.escape(finding.suppressedBy ?? "a suppression") + "</li>\n"
        }
        return out + "</ul>\n</details>\n</section>\n"
    }

    /// Files not fully checked (they fail the run) in the open; skipped files folded away by
    /// reason, so thousands of binary files do not bury the findings.
    func issuesSection(_ issues: [ScanIssue]) -> String {
        guard !issues.isEmpty else { return "" }
        var out = "<section id=\"issues\">\n<h2>Files not fully checked, not read or skipped</h2>\n"
        let incomplete = issues.filter(\.isIncompleteCheck)
        if !incomplete.isEmpty {
            out += "<p><strong>\(HTMLText.plural(incomplete.count, "file check")) did not complete</strong>"
            out += " (the run fails closed):</p>\n<ul class=\"incomplete\">\n"
            for issue in incomplete {
                out += "<li><code>\(HTMLText.path(issue.file))</code>: not fully checked: "
                out += HTMLText.escape(issue.message) + "</li>\n"
            }
            out += "</ul>\n"
        }
        // Unreadable files are errors, not policy: in the open too.
        let unreadable = issues.filter { !$0.isPolicySkip && !$0.isIncompleteCheck }
        if !unreadable.isEmpty {
            out +=
                "<p><strong>\(HTMLText.plural(unreadable.count, "file")) could not be read</strong>:</p>\n<ul class=\"unreadable\">\n"
            for issue in unreadable {
                out += "<li><code>\(HTMLText.path(issue.file))</code>: \(HTMLText.escape(issue.message))</li>\n"
            }
            out += "</ul>\n"
        }
        let skipped = Dictionary(grouping: issues.filter(\.isPolicySkip), by: \.kind)
        for kind in skipped.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
            let files = skipped[kind]!
            out += "<details class=\"skipped\"><summary>\(Self.skippedSummary(kind, files.count))</summary>\n<ul>\n"
            for issue in files {
                out += "<li><code>\(HTMLText.path(issue.file))</code>: \(HTMLText.escape(issue.message))</li>\n"
            }
            out += "</ul>\n</details>\n"
        }
        return out + "</section>\n"
    }

    static func skippedSummary(_ kind: ScanIssue.Kind, _ count: Int) -> String {
        switch kind {
        case .binary: return HTMLText.plural(count, "binary file") + " skipped"
        case .tooLarge: return HTMLText.plural(count, "file") + " over the size limit skipped"
        case .unreadable: return HTMLText.plural(count, "unreadable file")
        case .notRegular: return HTMLText.plural(count, "special file") + " skipped"
        case .ruleTimeout, .partialCheck: return HTMLText.plural(count, "file") + " not fully checked"
        }
    }

    /// The explanation of every rule with a finding (reported or suppressed), once, where the
    /// rows link. Summary, description and fix only: the rule's examples hold sample secrets.
    func rulesSection(_ input: ReportInput) -> String {
        let used = Set((input.result.findings + input.result.suppressed).map(\.rule))
        let rules = input.rules.filter { used.contains($0.id) }.sorted { $0.id < $1.id }
        guard !rules.isEmpty else { return "" }
        var out = "<section id=\"rules\">\n<h2>Rules</h2>\n"
        for rule in rules {
            out += "<details class=\"rule\" id=\"\(HTMLText.ruleAnchor(rule.id))\">\n"
            out +=
                "<summary><code>\(HTMLText.escape(rule.id))</code> <span class=\"sev sev-\(rule.severity.rawValue)\">"
            out += "\(rule.severity.rawValue)</span> \(HTMLText.escape(rule.summary))</summary>\n"
            out += "<p>Category: \(rule.category.rawValue)</p>\n"
            out += "<p>\(HTMLText.escape(rule.description))</p>\n"
            out += "<p><strong>Fix:</strong> \(HTMLText.escape(rule.fix))</p>\n</details>\n"
        }
        return out + "</section>\n"
    }
}
