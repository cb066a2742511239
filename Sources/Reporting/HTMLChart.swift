import Model
import Support

/// The report's inline-SVG chart: one horizontal bar per category with findings, stacked by
/// severity (errors first). Findings carry no file role, so roles are not charted.
enum HTMLChart {
    static let labelWidth = 190
    static let barArea = 420
    static let rowHeight = 30
    static let barHeight = 20
    /// Most severe first, so a bar's left end shows what matters.
    static let severities: [Severity] = [.error, .warning, .note]

    static func render(_ findings: [Finding]) -> String {
        guard !findings.isEmpty else { return "<p class=\"empty\">No findings.</p>\n" }
        let byCategory = Dictionary(grouping: findings, by: \.category)
        let categories = RuleCategory.allCases.filter { byCategory[$0] != nil }
        let largest = categories.map { byCategory[$0]!.count }.max() ?? 1
        let width = labelWidth + barArea + 60
        let height = categories.count * rowHeight + 36
        var out = "<svg id=\"chart\" role=\"img\" aria-labelledby=\"chart-title\" width=\"\(width)\""
        out += " height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">\n"
        out += "<title id=\"chart-title\">Findings by category and severity</title>\n"
        for (row, category) in categories.enumerated() {
            let inCategory = byCategory[category]!
            let top = row * rowHeight + 4
            let name = HTMLText.escape(category.rawValue)
            out += "<g class=\"bar\" data-category=\"\(name)\">\n"
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
        let legendTop = categories.count * rowHeight + 12
        for severity in severities {
            out += "<rect class=\"sev-\(severity.rawValue)\" x=\"\(legendLeft)\" y=\"\(legendTop)\" width=\"12\""
            out +=
                " height=\"12\"/><text x=\"\(legendLeft + 16)\" y=\"\(legendTop + 11)\">\(severity.rawValue)</text>\n"
            legendLeft += 90
        }
        return out + "</svg>\n"
    }
}
