import Foundation
import XCTest

/// The HTML report in a real browser: Debian's `chromium` driven by Python `selenium` through
/// the system `chromedriver` (`Tests/Browser/html_report_test.py`), on a report of a scanned
/// tree that holds canary secrets and a file name made of markup. Fails when CI=true and any of
/// the three is missing (`.ci/run` installs them); skips elsewhere.
final class HTMLReportBrowserTests: XCTestCase {
    static let canaries = ["Cnry-Html-Pw-80417!", "Cnry-Html-Sec-55012xq"]
    static let markupPath = "<img src=x onerror=alert(1)>.py"

    /// Four categories, two findings of one rule (hardcoded-secret) in two files, two in src/client.js.
    static let tree: [(String, String)] = [
        ("config/settings.py", "DATABASE_PASSWORD = \"\(canaries[0])\"\n"),
        (markupPath, "API_SECRET = \"\(canaries[1])\"\n"),
        (
            "src/client.js",
            "fetch(\"http://api.acme-corp.io/v1/users\", { headers: { Authorization: \"Bearer \" + token } });\n"
        ),
        (
            "src/log.py",
            "import logging\napi_token = os.environ[\"API_TOKEN\"]\nlogging.info(\"token %s\", api_token)\n"
        ),
        ("src/mixed.js", "const headers = { Authorization: \"Bearer \" + t, \"X-API-Key\": key };\n"),
    ]

    struct Browser {
        var python: String
        var chromium: String
        var chromedriver: String
    }

    static func requireBrowser() throws -> Browser {
        let python = try TestSupport.requireTool("python3")
        let chromium = try TestSupport.requireTool("chromium")
        let chromedriver = try TestSupport.requireTool("chromedriver")
        if try TestSupport.run(python, ["-c", "import selenium"]).status != 0 {
            if TestSupport.isCI { XCTFail("python selenium is required when CI=true (pip install selenium)") }
            throw XCTSkip("python selenium not installed")
        }
        return Browser(python: python, chromium: chromium, chromedriver: chromedriver)
    }

    func testReportFiltersSortsChartsAndHidesSecretsInChromium() throws {
        let browser = try Self.requireBrowser()
        let dir = try TestSupport.temporaryDirectory()
        for (path, text) in Self.tree { try TestSupport.write(text, to: dir + "/" + path) }

        // What the page must show, from the JSON report of the same scan.
        let json = try TestSupport.authlint(["scan", ".", "--format", "json"], cwd: dir)
        XCTAssertEqual(json.status, 1, json.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let findings = try XCTUnwrap(report["findings"] as? [[String: Any]])
        let categories = Set(findings.compactMap { $0["category"] as? String })
        XCTAssertEqual(categories.count, 4, "the tree should give four categories: \(json.stdout)")
        XCTAssertEqual(findings.filter { $0["rule"] as? String == "hardcoded-secret" }.count, 2, json.stdout)

        let html = try run(browser, dir: dir, reportArgs: [], findings: findings.count, categories: categories)
        XCTAssertFalse(html.timedOut, "the browser test did not finish within 180 s")
        XCTAssertEqual(html.status, 0, html.stdout + html.stderr)
        XCTAssertTrue(html.stdout.contains("ok: one bar per category"), html.stdout)

        // The same checks on a report made with --show-secrets fail on the canaries, and only
        // there: the DOM check can see a secret.
        let shown = try run(
            browser, dir: dir, reportArgs: ["--show-secrets"], findings: findings.count, categories: categories)
        XCTAssertEqual(shown.status, 1, shown.stdout + shown.stderr)
        let failed = shown.stderr.split(separator: "\n").filter { $0.hasPrefix("FAILED: ") }
        XCTAssertFalse(failed.isEmpty, shown.stderr)
        XCTAssertTrue(failed.allSatisfy { $0.contains("canary") }, shown.stderr)
    }

    /// Writes the HTML report (with `reportArgs`) and runs the browser script on it.
    func run(
        _ browser: Browser, dir: String, reportArgs: [String], findings: Int, categories: Set<String>
    ) throws -> TestSupport.WatchedRun {
        let reportPath = try TestSupport.temporaryDirectory() + "/report.html"
        let scan = try TestSupport.authlint(
            ["scan", ".", "--format", "html", "--output", reportPath] + reportArgs, cwd: dir)
        XCTAssertEqual(scan.status, 1, scan.stderr)
        let expect: [String: Any] = [
            "categories": categories.sorted(), "rows": findings, "filter_path": "src/client",
            "filter_rule": "hardcoded-secret", "markup_path": Self.markupPath, "canaries": Self.canaries,
        ]
        let expectJSON = String(decoding: try JSONSerialization.data(withJSONObject: expect), as: UTF8.self)
        let script = TestSupport.packageRoot + "/Tests/Browser/html_report_test.py"
        return try TestSupport.runWatched(
            browser.python,
            [
                script, "--report", reportPath, "--chromium", browser.chromium, "--chromedriver",
                browser.chromedriver, "--expect", expectJSON,
            ], cwd: dir, timeout: 180)
    }
}
