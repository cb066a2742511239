import Model
import Support

/// Checkstyle XML (Jenkins warnings-ng, reviewdog, many IDE plugins).
struct CheckstyleReporter: Reporter {
    func render(_ input: ReportInput) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"
        let byFile = Dictionary(grouping: input.result.findings, by: { PrintableText.escaped($0.file) })
        for file in byFile.keys.sorted() {
            out += "  <file name=\"\(XML.escape(file))\">\n"
            for f in byFile[file]! {
                let severity = f.severity == .note ? "info" : f.severity.rawValue
                out +=
                    "    <error line=\"\(f.line)\" column=\"\(f.column)\" severity=\"\(severity)\" message=\"\(XML.escape(f.message + HistoryReport.suffix(f)))\" source=\"authlint.\(XML.escape(f.rule))\"/>\n"
            }
            out += "  </file>\n"
        }
        for issue in input.incompleteChecks {
            out += "  <file name=\"\(XML.escape(PrintableText.escaped(issue.file)))\">\n"
            out +=
                "    <error line=\"1\" column=\"1\" severity=\"error\" message=\"\(XML.escape(ReportInput.incompleteMessage(issue)))\" source=\"authlint.\(ReportInput.incompleteCheckName)\"/>\n"
            out += "  </file>\n"
        }
        return out + "</checkstyle>\n"
    }
}
