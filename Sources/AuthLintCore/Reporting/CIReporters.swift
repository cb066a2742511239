/// Formats CI systems read directly: GitHub workflow commands, GitLab Code Quality JSON,
/// JUnit XML and Checkstyle XML. All get the same sorted, redacted findings.

/// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message` (GitHub Actions annotations).
struct GitHubReporter: Reporter {
    func render(_ input: ReportInput) -> String {
        var out = ""
        for f in input.result.findings {
            let command = f.severity == .error ? "error" : f.severity == .warning ? "warning" : "notice"
            let properties = "file=\(Self.property(PrintableText.escaped(f.file))),line=\(f.line),col=\(f.column),endLine=\(f.endLine),endColumn=\(f.endColumn),title=\(Self.property("authlint " + f.rule))"
            out += "::\(command) \(properties)::\(Self.data(f.message + (f.snippet.isEmpty ? "" : "\n" + f.snippet)))\n"
        }
        for issue in input.incompleteChecks {
            let properties = "file=\(Self.property(PrintableText.escaped(issue.file))),title=\(Self.property("authlint " + ReportInput.incompleteCheckName))"
            out += "::error \(properties)::\(Self.data(ReportInput.incompleteMessage(issue)))\n"
        }
        return out
    }

    static func data(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    static func property(_ s: String) -> String {
        data(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

/// GitLab Code Quality report (a JSON array of issues).
struct GitLabReporter: Reporter {
    func render(_ input: ReportInput) -> String {
        let issues: [JSONOut] = input.result.findings.map { f in
            .object([
                ("description", .string("\(f.message) [\(f.rule)]")),
                ("check_name", .string(f.rule)),
                ("fingerprint", .string(f.fingerprint)),
                ("severity", .string(f.severity == .error ? "critical" : f.severity == .warning ? "major" : "minor")),
                ("location", .object([("path", .string(f.file)), ("lines", .object([("begin", .int(f.line)), ("end", .int(f.endLine))]))])),
            ])
        }
        let incomplete: [JSONOut] = input.incompleteChecks.map { issue in
            .object([
                ("description", .string(ReportInput.incompleteMessage(issue))),
                ("check_name", .string(ReportInput.incompleteCheckName)),
                ("fingerprint", .string(SHA256.hex(ReportInput.incompleteCheckName + "\u{0}" + issue.file + "\u{0}" + issue.message))),
                ("severity", .string("blocker")),
                ("location", .object([("path", .string(issue.file)), ("lines", .object([("begin", .int(1)), ("end", .int(1))]))])),
            ])
        }
        return JSONOut.array(issues + incomplete).render(pretty: true) + "\n"
    }
}

/// JUnit XML: one test suite per file with a failing test case per finding, or one passing
/// case when nothing was found (so CI dashboards show the check ran).
struct JUnitReporter: Reporter {
    func render(_ input: ReportInput) -> String {
        let byFile = Dictionary(grouping: input.result.findings, by: { PrintableText.escaped($0.file) })
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let failures = input.result.findings.count + input.incompleteChecks.count
        out += "<testsuites name=\"authlint\" tests=\"\(max(1, failures))\" failures=\"\(failures)\">\n"
        if byFile.isEmpty && failures == 0 {
            out += "  <testsuite name=\"authlint\" tests=\"1\" failures=\"0\">\n    <testcase classname=\"authlint\" name=\"no findings\"/>\n  </testsuite>\n"
        }
        for file in byFile.keys.sorted() {
            let findings = byFile[file]!
            out += "  <testsuite name=\"\(XML.escape(file))\" tests=\"\(findings.count)\" failures=\"\(findings.count)\">\n"
            for f in findings {
                out += "    <testcase classname=\"\(XML.escape(file))\" name=\"\(XML.escape("\(f.rule) at \(f.line):\(f.column)"))\">\n"
                out += "      <failure type=\"\(f.severity.rawValue)\" message=\"\(XML.escape(f.message))\">\(XML.escape("\(PrintableText.escaped(f.file)):\(f.line):\(f.column): \(f.snippet)"))</failure>\n"
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        let incomplete = input.incompleteChecks
        if !incomplete.isEmpty {
            out += "  <testsuite name=\"authlint \(ReportInput.incompleteCheckName)\" tests=\"\(incomplete.count)\" failures=\"\(incomplete.count)\">\n"
            for issue in incomplete {
                let file = XML.escape(PrintableText.escaped(issue.file))
                out += "    <testcase classname=\"\(ReportInput.incompleteCheckName)\" name=\"\(file)\">\n"
                out += "      <failure type=\"error\" message=\"\(XML.escape(ReportInput.incompleteMessage(issue)))\">\(file)</failure>\n"
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }
}

/// Checkstyle XML (Jenkins warnings-ng, reviewdog, many IDE plugins).
struct CheckstyleReporter: Reporter {
    func render(_ input: ReportInput) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"
        let byFile = Dictionary(grouping: input.result.findings, by: { PrintableText.escaped($0.file) })
        for file in byFile.keys.sorted() {
            out += "  <file name=\"\(XML.escape(file))\">\n"
            for f in byFile[file]! {
                let severity = f.severity == .note ? "info" : f.severity.rawValue
                out += "    <error line=\"\(f.line)\" column=\"\(f.column)\" severity=\"\(severity)\" message=\"\(XML.escape(f.message))\" source=\"authlint.\(XML.escape(f.rule))\"/>\n"
            }
            out += "  </file>\n"
        }
        for issue in input.incompleteChecks {
            out += "  <file name=\"\(XML.escape(PrintableText.escaped(issue.file)))\">\n"
            out += "    <error line=\"1\" column=\"1\" severity=\"error\" message=\"\(XML.escape(ReportInput.incompleteMessage(issue)))\" source=\"authlint.\(ReportInput.incompleteCheckName)\"/>\n"
            out += "  </file>\n"
        }
        return out + "</checkstyle>\n"
    }
}

enum XML {
    /// Escapes markup characters and drops characters XML 1.0 cannot carry at all.
    static func escape(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                let v = scalar.value
                if v < 0x20 || (v >= 0xD800 && v <= 0xDFFF) || v == 0xFFFE || v == 0xFFFF { out += "\u{FFFD}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}

import Foundation
