import Model
import Support

/// SARIF 2.1.0 for GitHub code scanning and other SARIF consumers: the rule catalog in
/// `tool.driver.rules`, one result per finding (suppressed ones carry `suppressions`).
struct SARIFReporter: Reporter {
    static let schema = "https://json.schemastore.org/sarif-2.1.0.json"

    func render(_ input: ReportInput) -> String {
        let rules = input.rules.sorted { $0.id < $1.id }
        var ruleIndex: [String: Int] = [:]
        for (i, rule) in rules.enumerated() { ruleIndex[rule.id] = i }
        let descriptors: [JSONOut] = rules.map { rule in
            .object([
                ("id", .string(rule.id)),
                ("name", .string(Self.pascalCase(rule.id))),
                ("shortDescription", .object([("text", .string(rule.summary))])),
                ("fullDescription", .object([("text", .string(rule.description))])),
                (
                    "help",
                    .object([
                        ("text", .string(rule.fix)),
                        ("markdown", .string("**Fix:** " + rule.fix + "\n\n" + rule.description)),
                    ])
                ),
                ("helpUri", .string(AuthLint.helpBaseURL + rule.id + ".json")),
                ("defaultConfiguration", .object([("level", .string(Self.level(rule.severity)))])),
                (
                    "properties",
                    .object([
                        ("category", .string(rule.category.rawValue)),
                        ("tags", .array([.string("security"), .string(rule.category.rawValue)])),
                    ])
                ),
            ])
        }
        let all = input.result.findings.map { ($0, false) } + input.result.suppressed.map { ($0, true) }
        let results: [JSONOut] = all.map { finding, suppressed in
            var fields: [(String, JSONOut)] = [
                ("ruleId", .string(finding.rule)),
                ("level", .string(Self.level(finding.severity))),
                ("message", .object([("text", .string(finding.message))])),
                (
                    "locations",
                    .array([
                        .object([
                            (
                                "physicalLocation",
                                Self.physicalLocation(
                                    file: finding.file, line: finding.line, column: finding.column,
                                    endLine: finding.endLine, endColumn: finding.endColumn, snippet: finding.snippet)
                            )
                        ])
                    ])
                ),
                ("partialFingerprints", .object([("authlint/v1", .string(finding.fingerprint))])),
            ]
            if let index = ruleIndex[finding.rule] { fields.insert(("ruleIndex", .int(index)), at: 1) }
            if !finding.related.isEmpty {
                fields.append(
                    (
                        "relatedLocations",
                        .array(
                            finding.related.enumerated().map { id, related in
                                Self.relatedLocation(related, id: id)
                            })
                    ))
            }
            // The file's role always; the introducing commit for history findings.
            fields.append(
                (
                    "properties",
                    .object([("role", .string(finding.role))] + (finding.provenance.map(HistoryReport.fields) ?? []))
                ))
            if suppressed {
                fields.append(
                    (
                        "suppressions",
                        .array([
                            .object([
                                (
                                    "kind",
                                    .string(finding.suppressedBy?.hasPrefix("inline") == true ? "inSource" : "external")
                                ),
                                ("justification", .string(finding.suppressedBy ?? "suppressed")),
                            ])
                        ])
                    ))
            }
            return .object(fields)
        }
        let report: JSONOut = .object([
            ("$schema", .string(Self.schema)),
            ("version", .string("2.1.0")),
            (
                "runs",
                .array([
                    .object(
                        [
                            (
                                "tool",
                                .object([
                                    (
                                        "driver",
                                        .object([
                                            ("name", .string("authlint")), ("version", .string(input.toolVersion)),
                                            ("semanticVersion", .string(input.toolVersion)),
                                            ("informationUri", .string("https://github.com/authlint/authlint")),
                                            ("rules", .array(descriptors)),
                                        ])
                                    )
                                ])
                            ),
                            ("invocations", .array([Self.invocation(input.result, verbose: input.verbose)])),
                        ]
                            + (input.result.history.map(HistoryReport.versionControlProvenance) ?? []) + [
                                ("columnKind", .string("unicodeCodePoints")),
                                ("results", .array(results)),
                            ])
                ])
            ),
        ])
        return report.render(pretty: true) + "\n"
    }

    /// The run's outcome: not successful when a file was not fully checked, with one
    /// notification per error (incomplete checks, unreadable files) and one note per skip reason
    /// (per skipped file with `--verbose`): a skipped binary file is not an error.
    static func invocation(_ result: ScanResult, verbose: Bool) -> JSONOut {
        let skipNotes: [JSONOut] =
            verbose
            ? []
            : ReportCounts.skipped(result).filter { $0.count > 0 }.map {
                .object([
                    ("level", .string("note")),
                    ("message", .object([("text", .string(ReportCounts.skipPhrase($0, $1)))])),
                ])
            }
        let listed = verbose ? result.errors + result.skippedFiles : result.errors
        let notifications: [JSONOut] = listed.map { issue in
            var fields: [(String, JSONOut)] = [
                ("level", .string(issue.isPolicySkip ? "note" : "error")),
                ("message", .object([("text", .string("\(issue.file): \(issue.message)"))])),
                (
                    "locations",
                    .array([
                        .object([
                            (
                                "physicalLocation",
                                .object([
                                    (
                                        "artifactLocation",
                                        .object([
                                            ("uri", .string(uri(issue.file))), ("uriBaseId", .string("%SRCROOT%")),
                                        ])
                                    )
                                ])
                            )
                        ])
                    ])
                ),
            ]
            if let rule = issue.rules.first, issue.rules.count == 1 {
                fields.append(("associatedRule", .object([("id", .string(rule))])))
            }
            return .object(fields)
        }
        return .object([
            ("executionSuccessful", .bool(result.incompleteChecks.isEmpty)),
            ("toolExecutionNotifications", .array(notifications + skipNotes)),
        ])
    }

    /// A `relatedLocations` entry: its own region and message, numbered within the result.
    static func relatedLocation(_ related: RelatedLocation, id: Int) -> JSONOut {
        .object([
            ("id", .int(id)),
            (
                "physicalLocation",
                physicalLocation(
                    file: related.file, line: related.line, column: related.column, endLine: related.endLine,
                    endColumn: related.endColumn)
            ),
            ("message", .object([("text", .string(related.message))])),
        ])
    }

    /// A file and region, for a result's location and its related locations alike. The end is
    /// never before the start (SARIF rejects it); an empty one-line range still covers a column.
    static func physicalLocation(
        file: String, line: Int, column: Int, endLine: Int, endColumn: Int, snippet: String? = nil
    ) -> JSONOut {
        var region: [(String, JSONOut)] = [
            ("startLine", .int(line)), ("startColumn", .int(column)), ("endLine", .int(max(line, endLine))),
            ("endColumn", .int(max(endColumn, line == endLine ? column + 1 : 1))),
        ]
        if let snippet { region.append(("snippet", .object([("text", .string(snippet))]))) }
        return .object([
            ("artifactLocation", .object([("uri", .string(uri(file))), ("uriBaseId", .string("%SRCROOT%"))])),
            ("region", .object(region)),
        ])
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "note"
        }
    }

    /// A relative URI reference: each path segment percent-encoded (RFC 3986 unreserved kept).
    static func uri(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80 && (c.isLetter || c.isNumber || "-._~/".contains(c)) {
                out.append(c)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out.hasPrefix("./") ? String(out.dropFirst(2)) : out
    }

    static func pascalCase(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
