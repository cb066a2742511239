import XCTest

@testable import Engine
@testable import Facts
@testable import Model
@testable import Prefilter
@testable import Rules

/// The gates of `hardcoded-basic-auth` and `mixed-auth-headers`, held to the tables and the
/// sources of findings their `find` uses: each case lets in a file the rule reports in, or shows
/// the gate declining one it cannot report in.
final class HeaderGateTests: XCTestCase, GateTesting {
    /// Lets in, and the rule reports: the file is one the gate must never decline.
    private func assertReported(
        _ gate: some StructuralRule, _ rule: RuleDefinition, _ path: String, _ text: String, line: UInt = #line
    ) {
        let context = context(path, text, for: rule)
        XCTAssertFalse(gate.check(context, rule).isEmpty, "\(path): the rule should report here", line: line)
        XCTAssertTrue(gate.wantsFile(context, rule), "\(path): the gate declines a file with a finding", line: line)
    }

    // MARK: hardcoded-basic-auth

    func testBasicAuthGateLetsInEverySourceOfAFinding() throws {
        let rule = try builtinRule("hardcoded-basic-auth")
        let gate = HardcodedBasicAuthRule()
        let pair = "deploy:Xk3p9wLq2m", encoded = "ZGVwbG95OlhrM3A5d0xxMm0="
        for encoder in HardcodedBasicAuthRule.encoders.sorted() {
            assertReported(gate, rule, "a.js", "const h = 'Basic ' + \(encoder)('\(pair)');\n")
        }
        assertReported(gate, rule, "b.js", "const h = Buffer.from('\(pair)').toString('base64');\n")
        assertReported(gate, rule, "c.py", "headers = {'Authorization': 'Basic \(encoded)'}\n")
        assertReported(gate, rule, "d.json", "{\"Authorization\": \"Basic\\u0020\(encoded)\"}\n")
        assertReported(gate, rule, ".npmrc", "_auth=\(encoded)\n")
        assertReported(gate, rule, "e.sh", "curl -u \(pair) https://api.example.com/v1\n")
        assertReported(gate, rule, "f.sh", "curl --user '\(pair)' https://api.example.com/v1\n")
    }

    /// The `auth` test stands for `CredentialNames.words(name).last == "auth"`: every name that
    /// ends in the word `auth` passes it.
    func testBasicAuthGateKnowsEveryNameEndingInAuth() throws {
        let rule = try builtinRule("hardcoded-basic-auth")
        var names: [String] = []
        for prefix in ["", "_", "npm_config__", "basic", "Basic", "BASIC", "x-", "o", "O", "my2", "ü"] {
            for word in ["auth", "Auth", "AUTH", "aUTH"] {
                for suffix in ["", "_", "-", "2", "X", "x", "_token", "Token"] { names.append(prefix + word + suffix) }
            }
        }
        var endingInAuth = 0
        for name in names where CredentialNames.words(name).last == "auth" {
            endingInAuth += 1
            let context = context(".npmrc", "\(name)=ZGVwbG95OlhrM3A5d0xxMm0=\n", for: rule)
            XCTAssertTrue(HardcodedBasicAuthRule().wantsFile(context, rule), "the gate declines the name \(name)")
        }
        XCTAssertGreaterThan(endingInAuth, 20)
        for name in ["author", "oauth", "authorization", "authX", "BASICAUTHX"] {
            let context = context(".npmrc", "base64 \(name)=ZGVwbG95OlhrM3A5d0xxMm0=\n", for: rule)
            XCTAssertFalse(HardcodedBasicAuthRule().wantsFile(context, rule), name)
        }
    }

    func testBasicAuthGateDeclinesFilesWithNoSource() throws {
        let rule = try builtinRule("hardcoded-basic-auth")
        for (path, text) in [
            ("README.md", "## Basic usage\nEncode the body with base64 first.\n"),
            ("run.sh", "set -u\nsort -u list.txt\n"),
            ("doc.md", "Basic Authentication is described below.\n"),
        ] {
            XCTAssertFalse(HardcodedBasicAuthRule().wantsFile(context(path, text, for: rule), rule), path)
        }
    }

    // MARK: mixed-auth-headers

    /// Every two credential headers of `CredentialNames.headers` in one request pass the name
    /// test (the gate's other half, two keyword hits: `testEveryHeaderNameHoldsAKeyword`).
    func testMixedGateNamesEveryPairOfHeaderNames() throws {
        let names = CredentialNames.headers.sorted()
        for first in names {
            for second in names where second != first {
                let bytes = Array("fetch(url, { headers: { '\(first)': a, '\(second)': b } });\n".utf8)
                let passes = bytes.withUnsafeBufferPointer { MixedAuthHeadersRule.namesTwoMechanisms($0) }
                XCTAssertTrue(passes, "\(first) + \(second)")
            }
        }
    }

    /// Every credential header name holds one of the rule's keywords, so two headers give the
    /// two hits the gate asks for (`Private-Token`, `X-App-Key` and `Ocp-Apim-Subscription-Key`
    /// once gave none, and the rule never ran on them).
    func testEveryHeaderNameHoldsAKeyword() throws {
        let rule = try builtinRule("mixed-auth-headers")
        let keywords = rule.keywords.map { $0.lowercased() }
        for name in CredentialNames.headers {
            XCTAssertTrue(keywords.contains { name.contains($0) }, "\(name) holds no keyword of mixed-auth-headers")
        }
        let context = context(
            "a.js", "fetch(url, { headers: { 'Authorization': a, 'Private-Token': b } });\n", for: rule)
        XCTAssertEqual(context.hits(for: rule).count, 2)
        XCTAssertTrue(MixedAuthHeadersRule().wantsFile(context, rule))
    }

    /// An `Authorization` the facts make up, with a named header.
    func testMixedGateLetsInImpliedAuthorization() throws {
        let rule = try builtinRule("mixed-auth-headers")
        let gate = MixedAuthHeadersRule()
        assertReported(gate, rule, "a.sh", "curl -u admin:pw -H 'X-API-Key: k1' https://api.example.com\n")
        assertReported(gate, rule, "b.sh", "curl --user admin:pw -H 'X-API-Key: k1' https://api.example.com\n")
        assertReported(gate, rule, "c.py", "requests.get(url, auth=(u, p), headers={'X-API-Key': key})\n")
        assertReported(
            gate, rule, "d.go", "req.SetBasicAuth(u, p)\nreq.Header.Set(\"X-API-Key\", key)\nclient.Do(req)\n")
    }

    func testMixedGateDeclinesOneMechanism() throws {
        let rule = try builtinRule("mixed-auth-headers")
        for (path, text) in [
            ("a.js", "headers['Authorization'] = t;\nlog(headers.authorization);\n"),
            ("b.py", "h = {'X-API-Key': k}\nprint(h['x-api-key'])\n"),
            ("c.md", "The author sets Authorization twice (Authorization: see auth.md, -a).\n"),
        ] {
            let context = context(path, text, for: rule)
            XCTAssertGreaterThanOrEqual(context.hits(for: rule).count, 2, path)
            XCTAssertFalse(MixedAuthHeadersRule().wantsFile(context, rule), path)
        }
    }
}
