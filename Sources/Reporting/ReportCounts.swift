import Model
import Support

/// The counts every summary shares: files skipped by reason, findings by rule and by category.
enum ReportCounts {
    /// The policy-skip reasons in the order summaries list them.
    static let skipReasons: [ScanIssue.Kind] = [.binary, .tooLarge, .notRegular]

    /// How many files each reason skipped (every reason, zero included, in `skipReasons` order).
    static func skipped(_ result: ScanResult) -> [(reason: ScanIssue.Kind, count: Int)] {
        skipReasons.map { ($0, result.skippedCount($0)) }
    }

    /// The summary-line phrase for one reason: `166 binary files skipped`.
    static func skipPhrase(_ reason: ScanIssue.Kind, _ count: Int) -> String {
        let files = count == 1 ? "file" : "files"
        switch reason {
        case .binary: return "\(count) binary \(files) skipped"
        case .tooLarge: return "\(count) \(files) over --max-file-size skipped"
        default: return "\(count) non-regular \(files) skipped"
        }
    }

    /// One row of the by-rule or by-category table.
    struct Row {
        var key: String
        /// The category of a rule row (nil in the category table).
        var category: String?
        var count: Int
        /// Findings per severity, most severe first; severities with none are left out.
        var severities: [(Severity, Int)]
    }

    static func byRule(_ findings: [Finding]) -> [Row] {
        rows(Dictionary(grouping: findings, by: \.rule)) { $0.first?.category.rawValue }
    }

    static func byCategory(_ findings: [Finding]) -> [Row] {
        rows(Dictionary(grouping: findings, by: \.category.rawValue)) { _ in nil }
    }

    /// Sorted by count (most first), then key, so the biggest source of findings leads.
    private static func rows(_ groups: [String: [Finding]], category: ([Finding]) -> String?) -> [Row] {
        groups.map { key, findings in
            let bySeverity = Dictionary(grouping: findings, by: \.severity).mapValues(\.count)
            let severities = [Severity.error, .warning, .note].compactMap { s in bySeverity[s].map { (s, $0) } }
            return Row(key: key, category: category(findings), count: findings.count, severities: severities)
        }
        .sorted { $0.count != $1.count ? $0.count > $1.count : $0.key < $1.key }
    }

    static func json(_ rows: [Row], keyName: String) -> JSONOut {
        .array(
            rows.map { row in
                var fields: [(String, JSONOut)] = [(keyName, .string(row.key))]
                if let category = row.category { fields.append(("category", .string(category))) }
                fields.append(("count", .int(row.count)))
                fields.append(("severity", .object(row.severities.map { ($0.0.rawValue, .int($0.1)) })))
                return .object(fields)
            })
    }
}
