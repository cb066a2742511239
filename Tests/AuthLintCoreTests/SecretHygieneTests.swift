import Foundation
import XCTest

@testable import CLI
@testable import Config
@testable import Discovery
@testable import Engine
@testable import Facts
@testable import LSP
@testable import Lexing
@testable import Model
@testable import Prefilter
@testable import Reporting
@testable import Rules
@testable import Session
@testable import Support
@testable import Suppression

/// Canary secrets planted through many rules and file formats: no report format, baseline or
/// output file may contain one in full (or its hidden tail), unless `--show-secrets` asks.
final class SecretHygieneTests: XCTestCase {
    /// Each canary is distinctive, so finding its tail anywhere in the output is a leak.
    static let canaries: [(file: String, text: String, secret: String)] = {
        let basicSecret = "Cnry-Bas1c-Pw-7731"
        let basicPayload = Base64.encode(Array("svc-reports:\(basicSecret)".utf8))
        let k8sValue = "Cnry-K8s-Secr3t-9921"
        return [
            (
                "app.js", "const APP_KEY = 'cnry_appkey_5d41402abc4b2a76b9719d91';\n",
                "cnry_appkey_5d41402abc4b2a76b9719d91"
            ),
            ("settings.py", "DATABASE_PASSWORD = \"Cnry#Pa55-word-4471!\"\n", "Cnry#Pa55-word-4471!"),
            ("client.js", "fetch(u, { headers: { Authorization: 'Basic \(basicPayload)' } });\n", basicSecret),
            ("client2.js", "fetch(u, { headers: { Authorization: 'Basic \(basicPayload)' } });\n", basicPayload),
            (".env", "DATABASE_URL=postgres://app:Cnry-Url-Pw-5512@db.prod.acme-corp.io/app\n", "Cnry-Url-Pw-5512"),
            (
                "secret.yaml",
                "apiVersion: v1\nkind: Secret\nmetadata:\n  name: x\nstringData:\n  token: \(k8sValue)\n", k8sValue
            ),
            (
                "call.sh",
                "curl -H 'Authorization: Bearer cnrybearer8f14e45fceea167a5a36' https://api.reeflow.com/v1/me\n",
                "cnrybearer8f14e45fceea167a5a36"
            ),
            (
                "deploy.py", "aws_secret_access_key = \"CnryAwsSecretKey0123456789abcdefGHIJKLmn\"\n",
                "CnryAwsSecretKey0123456789abcdefGHIJKLmn"
            ),
        ]
    }()

    /// The full secret, and the part redaction must hide (everything after the first 4 characters).
    private func leaks(_ output: String) -> [String] {
        Self.canaries.compactMap { canary in
            let tail = String(canary.secret.dropFirst(4))
            return output.contains(canary.secret) || output.contains(tail) ? "\(canary.file): \(canary.secret)" : nil
        }
    }

    func testNoFormatBaselineOrOutputFileCarriesASecret() throws {
        let dir = try TestSupport.temporaryDirectory()
        for canary in Self.canaries { try TestSupport.write(canary.text, to: dir + "/" + canary.file) }

        // Every canary is found (otherwise this test would prove nothing).
        let json = try TestSupport.authlint(["scan", ".", "--format", "json"], cwd: dir)
        XCTAssertEqual(json.status, 1, json.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let files = Set(((report["findings"] as? [[String: Any]]) ?? []).compactMap { $0["file"] as? String })
        XCTAssertEqual(files, Set(Self.canaries.map(\.file)), "every canary file must produce a finding")

        for format in ReportFormat.allCases.map(\.rawValue) {
            let run = try TestSupport.authlint(["scan", ".", "--format", format], cwd: dir)
            XCTAssertEqual(leaks(run.stdout + run.stderr), [], "format \(format)")
            let out = try TestSupport.authlint(["scan", ".", "--format", format, "--output", "report.out"], cwd: dir)
            XCTAssertEqual(out.status, 1)
            XCTAssertEqual(
                leaks(try String(contentsOfFile: dir + "/report.out", encoding: .utf8)), [],
                "--output, format \(format)")
        }
        XCTAssertEqual(
            try TestSupport.authlint(["scan", ".", "--write-baseline", "baseline.json"], cwd: dir).status, 0)
        XCTAssertEqual(leaks(try String(contentsOfFile: dir + "/baseline.json", encoding: .utf8)), [], "baseline")

        // The same run with --show-secrets does show them: the check above can fail.
        let shown = try TestSupport.authlint(["scan", ".", "--format", "json", "--show-secrets"], cwd: dir)
        XCTAssertFalse(leaks(shown.stdout).isEmpty, "--show-secrets should reveal the canaries")
    }

    func testStdinAndStagedOutputCarryNoSecret() throws {
        for canary in Self.canaries {
            let run = try TestSupport.authlint(
                ["scan", "--stdin-filename", canary.file, "--format", "sarif"], stdin: canary.text)
            XCTAssertEqual(run.status, 1, "\(canary.file) must be reported")
            XCTAssertEqual(leaks(run.stdout + run.stderr), [], canary.file)
        }
    }

    /// Pre-commit and merge-request modes: `--staged` and `--since` in a real repository.
    func testStagedAndSinceOutputCarryNoSecret() throws {
        let git = try TestSupport.requireTool("git")
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.run(git, ["init", "-q"], cwd: dir)
        try TestSupport.run(
            git, ["-c", "user.email=t@t", "-c", "user.name=t", "commit", "-q", "--allow-empty", "-m", "base"], cwd: dir)
        for canary in Self.canaries { try TestSupport.write(canary.text, to: dir + "/" + canary.file) }
        try TestSupport.run(git, ["add", "-A"], cwd: dir)
        for args in [
            ["scan", "--staged", "--format", "json"], ["scan", "--staged", "--format", "sarif"],
            ["scan", ".", "--since", "HEAD", "--format", "text"],
            ["scan", ".", "--since", "HEAD", "--format", "github"],
        ] {
            let run = try TestSupport.authlint(args, cwd: dir)
            XCTAssertEqual(run.status, 1, "\(args): \(run.stderr)")
            XCTAssertEqual(leaks(run.stdout + run.stderr), [], "\(args)")
        }
        // A config error message quotes the bad line's key, not file contents elsewhere.
        try TestSupport.write(#"{"rulez": 1}"#, to: dir + "/.authlint.json")
        let bad = try TestSupport.authlint(["scan", "."], cwd: dir)
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(leaks(bad.stdout + bad.stderr), [])
    }
}
