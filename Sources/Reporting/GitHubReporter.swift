import Foundation
import Model
import Support

/// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message` (GitHub Actions annotations).
struct GitHubReporter: Reporter {
    func render(_ input: ReportInput) -> String {
        var out = ""
        for f in input.result.findings {
            let command = f.severity == .error ? "error" : f.severity == .warning ? "warning" : "notice"
            let properties =
                "file=\(Self.property(PrintableText.escaped(f.file))),line=\(f.line),col=\(f.column),endLine=\(f.endLine),endColumn=\(f.endColumn),title=\(Self.property("authlint " + f.rule))"
            out +=
                "::\(command) \(properties)::\(Self.data(f.message + HistoryReport.suffix(f) + (f.snippet.isEmpty ? "" : "\n" + f.snippet)))\n"
        }
        for issue in input.incompleteChecks {
            let properties =
                "file=\(Self.property(PrintableText.escaped(issue.file))),title=\(Self.property("authlint " + ReportInput.incompleteCheckName))"
            out += "::error \(properties)::\(Self.data(ReportInput.incompleteMessage(issue)))\n"
        }
        return out
    }

    static func data(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(
            of: "\n", with: "%0A")
    }

    static func property(_ s: String) -> String {
        data(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
