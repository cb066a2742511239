import Model
import Support

/// The report's inline-SVG charts: one horizontal bar per category (or file role) with
/// findings, stacked by severity (errors first).
enum HTMLChart {
    static let labelWidth = 190
    static let barArea = 420
    static let rowHeight = 30
    static let barHeight = 20
    /// Most severe first, so a bar's left end shows what matters.
    static let severities: [Severity] = [.error, .warning, .note]

    /// By category: the bars filter the table when clicked.
    static func render(_ findings: [Finding]) -> String {
        render(
            findings, groups: RuleCategory.allCases.map(\.rawValue), of: \.category.rawValue, id: "chart",
            title: "Findings by category and severity", attribute: "category")
    }

    /// By the role of the file (shipped code first): how much sits in tests, fixtures and docs.
    static func renderByRole(_ findings: [Finding]) -> String {
        render(
            findings, groups: ["shipped", "test", "fixture", "documentation", "generated", "vendored"], of: \.role,
            id: "role-chart", title: "Findings by file role and severity", attribute: "role")
    }

    static func render(
        _ findings: [Finding], groups order: [String], of group: (Finding) -> String, id: String, title: String,
        attribute: String
    ) -> String {
        guard !findings.isEmpty else { return "<p class=\"empty\">No findings.</p>\n" }
        let byGroup = Dictionary(grouping: findings, by: group)
        let groups = order.filter { byGroup[$0] != nil } + byGroup.keys.filter { !order.contains($0) }.sorted()
        let largest = groups.map { byGroup[$0]!.count }.max() ?? 1
        let width = labelWidth + barArea + 60
        let height = groups.count * rowHeight + 36
        var out = "<svg id=\"\(id)\" role=\"img\" aria-labelledby=\"\(id)-title\" width=\"\(width)\""
        out += " height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">\n"
        out += "<title id=\"\(id)-title\">\(title)</title>\n"
        for (row, key) in groups.enumerated() {
            let inCategory = byGroup[key]!
            let top = row * rowHeight + 4
            let name = HTMLText.escape(key)
            out += "<g class=\"bar\" data-\(attribute)=\"\(name)\">\n"
            out += "<text class=\"label\" x=\"\(labelWidth - 8)\" y=\"\(top + 15)\">\(name)</text>\n"
            var left = labelWidth
            for severity in severities {
                let count = inCategory.filter { $0.severity == severity }.count
                guard count > 0 else { continue }
                // At least 3 px, so a single note next to hundreds of errors stays visible.
                let length = max(3, count * barArea / largest)
                out += "<rect class=\"sev-\(severity.rawValue)\" x=\"\(left)\" y=\"\(top)\" width=\"\(length)\""
                out += " height=\"\(barHeight)\"><title>\(name): \(HTMLText.plural(count, severity.rawValue))"
                out += "</title></rect>\n"
                left += length
            }
            out += "<text class=\"total\" x=\"\(left + 6)\" y=\"\(top + 15)\">\(inCategory.count)</text>\n</g>\n"
        }
        var legendLeft = labelWidth
        let legendTop = groups.count * rowHeight + 12
        for severity in severities {
            out += "<rect class=\"sev-\(severity.rawValue)\" x=\"\(legendLeft)\" y=\"\(legendTop)\" width=\"12\""
            out +=
                " height=\"12\"/><text x=\"\(legendLeft + 16)\" y=\"\(legendTop + 11)\">\(severity.rawValue)</text>\n"
            legendLeft += 90
        }
        return out + "</svg>\n"
    }
}
