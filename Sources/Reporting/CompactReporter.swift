import Model
import Support

/// `path:line:col: severity: message [rule]`, one line each (Vim errorformat, grep-like tools).
struct CompactReporter: Reporter {
    func render(_ input: ReportInput) -> String {
        var out = ""
        for f in input.result.findings {
            out +=
                "\(PrintableText.escaped(f.file)):\(f.line):\(f.column): \(f.severity.rawValue): \(f.message)\(HistoryReport.suffix(f)) [\(f.rule)]\n"
        }
        for issue in input.incompleteChecks {
            out +=
                "\(PrintableText.escaped(issue.file)):1:1: error: \(ReportInput.incompleteMessage(issue)) [\(ReportInput.incompleteCheckName)]\n"
        }
        return out
    }
}
