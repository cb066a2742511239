import Foundation
import XCTest

@testable import Engine
@testable import Model
@testable import Reporting

/// The HTML report's escaping, self-containment and chart, from hand-built results; the canary
/// check runs the built binary on a scanned file.
final class HTMLReporterTests: XCTestCase {
    static let markup = "<img src=x onerror=alert(1)>"

    static func finding(
        _ rule: String, _ category: RuleCategory, _ severity: Severity, file: String = "src/a.py",
        message: String = "a message", snippet: String = "x = 1"
    ) -> Finding {
        Finding(
            rule: rule, category: category, severity: severity, file: file, line: 2, column: 3, endLine: 2,
            endColumn: 9, message: message, snippet: snippet)
    }

    func render(
        _ findings: [Finding], suppressed: [Finding] = [], issues: [ScanIssue] = [], scannedPaths: [String] = []
    ) -> String {
        var result = ScanResult()
        result.findings = findings
        result.suppressed = suppressed
        result.issues = issues
        return ReportFormat.html.reporter.render(ReportInput(result: result, rules: [], scannedPaths: scannedPaths))
    }

    func testEscapeCoversMarkupQuotesAndForbiddenCharacters() {
        XCTAssertEqual(HTMLText.escape(#"&<>"'"#), "&amp;&lt;&gt;&quot;&#39;")
        XCTAssertEqual(HTMLText.escape("a\tb\nc"), "a\tb\nc")
        XCTAssertEqual(HTMLText.escape("a\u{0}b\u{7}c\u{85}d\u{FFFE}"), "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}")
        XCTAssertEqual(HTMLText.escape("données é"), "données é")
        // Paths get the other formats' control-character escapes first.
        XCTAssertEqual(HTMLText.path("a\u{1B}[31m<b>.py"), #"a\x1B[31m&lt;b&gt;.py"#)
    }

    /// Markup in a path, message, snippet, related location or scanned name renders as text.
    func testMarkupInEveryFieldRendersAsText() {
        var hostile = Self.finding(
            "hardcoded-secret", .hardcodedCredential, .error, file: Self.markup + ".py",
            message: "found <script>alert(2)</script> & more", snippet: #"k = "</code></pre><b onclick='x'>""#)
        hostile.related = [
            RelatedLocation(
                file: Self.markup + ".py", line: 1, column: 1, endLine: 1, endColumn: 2,
                message: "<svg onload=alert(3)>")
        ]
        var hidden = hostile
        hidden.suppressedBy = "<i>baseline</i>"
        let page = render([hostile], suppressed: [hidden], scannedPaths: [Self.markup])
        for raw in [Self.markup, "<script>alert", "<svg onload", "<b onclick", "</code></pre><b", "<i>"] {
            XCTAssertFalse(page.contains(raw), "unescaped: \(raw)")
        }
        XCTAssertTrue(page.contains("&lt;img src=x onerror=alert(1)&gt;.py:2:3"), "the path shows as text")
        XCTAssertTrue(page.contains("data-path=\"&lt;img src=x onerror=alert(1)&gt;.py\""))
        XCTAssertTrue(page.contains("found &lt;script&gt;alert(2)&lt;/script&gt; &amp; more"))
        XCTAssertTrue(page.contains("&lt;svg onload=alert(3)&gt;"))
        XCTAssertTrue(page.contains("suppressed by &lt;i&gt;baseline&lt;/i&gt;"))
        // The page's own script is its only one.
        XCTAssertEqual(page.components(separatedBy: "<script").count - 1, 1)
    }

    /// Nothing is loaded from elsewhere: no `src`, `<link>`, CSS `url()` or `@import`, links
    /// only to anchors in the page, and a Content-Security-Policy that forbids fetching.
    func testPageIsSelfContained() throws {
        let page = ReportFormat.html.reporter.render(try ReportGoldenTests.input())
        for external in [" src=", "<link", "url(", "@import", "<iframe", "<object", "<embed"] {
            XCTAssertFalse(page.contains(external), "external asset: \(external)")
        }
        let hrefs = page.components(separatedBy: "href=\"").dropFirst()
        XCTAssertFalse(hrefs.isEmpty)
        for href in hrefs { XCTAssertTrue(href.hasPrefix("#"), "link out of the page: \(href.prefix(40))") }
        XCTAssertTrue(page.contains("content=\"default-src 'none';"))
    }

    /// One bar per category with findings, segments in proportion, the largest bar full length.
    func testChartHasOneProportionalBarPerCategory() {
        let findings =
            Array(repeating: Self.finding("r1", .hardcodedCredential, .error), count: 3)
            + [Self.finding("r1", .hardcodedCredential, .note)]
            + Array(repeating: Self.finding("r2", .insecureTransport, .warning), count: 2)
        let svg = HTMLChart.render(findings)
        XCTAssertEqual(svg.components(separatedBy: "<g class=\"bar\"").count - 1, 2)
        XCTAssertFalse(svg.contains("data-category=\"logged-credential\""))
        let full = HTMLChart.barArea
        XCTAssertTrue(
            svg.contains("class=\"sev-error\" x=\"\(HTMLChart.labelWidth)\" y=\"4\" width=\"\(full * 3 / 4)\""))
        XCTAssertTrue(
            svg.contains(
                "class=\"sev-note\" x=\"\(HTMLChart.labelWidth + full * 3 / 4)\" y=\"4\" width=\"\(full / 4)\""))
        XCTAssertTrue(
            svg.contains("class=\"sev-warning\" x=\"\(HTMLChart.labelWidth)\" y=\"34\" width=\"\(full / 2)\""))
        XCTAssertTrue(svg.contains("<title>hardcoded-credential: 3 errors</title>"))
        // No findings: no chart, no table, no filters.
        let empty = render([])
        XCTAssertFalse(empty.contains("<svg"))
        XCTAssertFalse(empty.contains("id=\"findings\""))
        XCTAssertTrue(empty.contains("No findings."))
    }

    /// Skipped files are folded by reason; checks that did not complete are listed in the open.
    func testSkippedFilesFoldByReason() {
        let issues =
            (1...3).map { ScanIssue(file: "img\($0).png", kind: .binary, message: "binary file skipped") }
            + [ScanIssue.ruleTimeout("big.js", rule: "r1", budget: 2)]
        let page = render([], issues: issues)
        XCTAssertTrue(page.contains("<details class=\"skipped\"><summary>3 binary files skipped</summary>"))
        XCTAssertTrue(page.contains("<li><code>big.js</code>: not fully checked: "))
        XCTAssertTrue(page.contains("<tr><td>Files skipped</td><td>3</td></tr>"))
    }

    /// A real scan: the canary is found, shown redacted, and never in full (nor its hidden tail)
    /// unless --show-secrets asks, which proves the check can see it.
    func testCanarySecretNeverInThePage() throws {
        let canary = "Cnry-Html-Unit-7731q"
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write("DATABASE_PASSWORD = \"\(canary)\"\n", to: dir + "/settings.py")
        let run = try TestSupport.authlint(["scan", ".", "--format", "html"], cwd: dir)
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stdout.contains("settings.py:1:"), "the canary must be reported")
        XCTAssertTrue(run.stdout.contains("Cnry…[redacted]"), "the snippet shows the redacted canary")
        XCTAssertFalse(run.stdout.contains(canary))
        XCTAssertFalse(run.stdout.contains(String(canary.dropFirst(4))))
        // The header names what was scanned and when (UTC, ISO 8601).
        XCTAssertTrue(run.stdout.contains("<dt>Scanned</dt><dd><code>.</code></dd>"))
        XCTAssertNotNil(
            run.stdout.range(of: #"<dt>Date</dt><dd>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ</dd>"#, options: .regularExpression)
        )
        let shown = try TestSupport.authlint(["scan", ".", "--format", "html", "--show-secrets"], cwd: dir)
        XCTAssertTrue(shown.stdout.contains(canary), "--show-secrets should reveal the canary")
    }
}
