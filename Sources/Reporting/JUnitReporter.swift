import Model
import Support

/// JUnit XML: one test suite per file with a failing test case per finding, or one passing
/// case when nothing was found (so CI dashboards show the check ran).
struct JUnitReporter: Reporter {
    func render(_ input: ReportInput) -> String {
        let byFile = Dictionary(grouping: input.result.findings, by: { PrintableText.escaped($0.file) })
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let failures = input.result.findings.count + input.incompleteChecks.count
        out += "<testsuites name=\"authlint\" tests=\"\(max(1, failures))\" failures=\"\(failures)\">\n"
        if byFile.isEmpty && failures == 0 {
            out +=
                "  <testsuite name=\"authlint\" tests=\"1\" failures=\"0\">\n    <testcase classname=\"authlint\" name=\"no findings\"/>\n  </testsuite>\n"
        }
        for file in byFile.keys.sorted() {
            let findings = byFile[file]!
            out +=
                "  <testsuite name=\"\(XML.escape(file))\" tests=\"\(findings.count)\" failures=\"\(findings.count)\">\n"
            for f in findings {
                out +=
                    "    <testcase classname=\"\(XML.escape(file))\" name=\"\(XML.escape("\(f.rule) at \(f.line):\(f.column)"))\">\n"
                out +=
                    "      <failure type=\"\(f.severity.rawValue)\" message=\"\(XML.escape(f.message + HistoryReport.suffix(f)))\">\(XML.escape("\(PrintableText.escaped(f.file)):\(f.line):\(f.column): \(f.snippet)"))</failure>\n"
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        let incomplete = input.incompleteChecks
        if !incomplete.isEmpty {
            out +=
                "  <testsuite name=\"authlint \(ReportInput.incompleteCheckName)\" tests=\"\(incomplete.count)\" failures=\"\(incomplete.count)\">\n"
            for issue in incomplete {
                let file = XML.escape(PrintableText.escaped(issue.file))
                out += "    <testcase classname=\"\(ReportInput.incompleteCheckName)\" name=\"\(file)\">\n"
                out +=
                    "      <failure type=\"error\" message=\"\(XML.escape(ReportInput.incompleteMessage(issue)))\">\(file)</failure>\n"
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }
}
