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

/// `URLAuthority` (the one URL-host parser) and `HostPolicy` (the one host classification).
final class HostFactsTests: XCTestCase {
    func testURLAuthority() {
        let table: [(url: String, host: String?, userinfo: Bool)] = [
            ("https://user:pw@API.acme.io:8443/x", "api.acme.io", true),
            ("http://[::1]:8080/", "[::1]", false),
            ("http://api.reeflow.com/connections?x=1", "api.reeflow.com", false),
            ("http://admin@10.0.0.5#frag", "10.0.0.5", true),
            ("HTTP://Example.COM", "example.com", false),
            ("https://${HOST}/x", nil, false),
            ("http://%s/api", nil, false),
            ("http://<host>:8080", nil, false),
            ("http://", nil, false),
            ("ftp://files.acme.io", nil, false),
            ("see https://acme.io", nil, false),
        ]
        for (url, host, userinfo) in table {
            let parsed = URLAuthority(url)
            XCTAssertEqual(parsed?.host, host, url)
            if host != nil { XCTAssertEqual(parsed?.hasUserinfo, userinfo, url) }
        }
        XCTAssertNil(URLAuthority("https://acme.io", schemes: ["http"]))
        XCTAssertEqual(URLAuthority("postgres://u:p@db.acme.io/app", schemes: ["postgres"])?.host, "db.acme.io")
    }

    func testConnectionHosts() {
        let authorities: [(text: String, terminators: String, authority: String?)] = [
            ("postgres://u:p@db.acme.io:5432/app?sslmode=disable", "/?#;", "db.acme.io:5432"),
            ("jdbc:mysql://db.acme.io/app?useSSL=false", "/?#;", "db.acme.io"),
            ("mongodb://h1:27017,h2:27017/app", "/?#;", "h1:27017,h2:27017"),
            ("Server=tcp:db.acme.io;Encrypt=False", "/?#;", nil),
        ]
        for (text, terminators, authority) in authorities {
            XCTAssertEqual(ConnectionHosts.authority(in: text, stoppingAt: terminators), authority, text)
        }
        let hosts: [(hostPort: String, host: String?)] = [
            ("db.acme.io:5432", "db.acme.io"), ("tcp:db.acme.io,1433", "db.acme.io"), ("[::1]:5432", "[::1]"),
            ("h1:27017,h2:27017", "h1"), ("'db.internal'", "db.internal"), ("", nil), (":5432", nil),
        ]
        for (hostPort, host) in hosts {
            XCTAssertEqual(ConnectionHosts.host(of: hostPort), host, hostPort)
        }
    }

    func testHostClasses() {
        let policy = HostPolicy(allowedHosts: ["*.corp.acme.io", "legacy.acme.io"], apiHosts: ["api.reeflow.com"])
        let table: [(host: String, expected: HostClass)] = [
            ("localhost", .loopback), ("127.0.0.1", .loopback), ("127.1.2.3", .loopback), ("[::1]", .loopback),
            ("0.0.0.0", .loopback), ("[::]", .loopback), ("app.localhost", .loopback),
            ("example.com", .reserved), ("api.example.org", .reserved), ("svc.test", .reserved),
            ("x.invalid", .reserved),
            ("printer.local", .localNetworkName), ("metadata.internal", .localNetworkName),
            ("nas.home.arpa", .localNetworkName), ("api_backend", .localNetworkName), ("orders", .localNetworkName),
            ("build.corp.acme.io", .allowed), ("corp.acme.io", .allowed), ("legacy.acme.io", .allowed),
            ("10.1.2.3", .privateAddress), ("172.16.0.1", .privateAddress), ("192.168.1.10", .privateAddress),
            ("169.254.1.1", .privateAddress), ("172.32.0.1", .remote),
            ("api.reeflow.com", .remote), ("example.com.evil.io", .remote), ("acme.io", .remote),
        ]
        for (host, expected) in table {
            XCTAssertEqual(policy.classify(host), expected, host)
        }
        XCTAssertTrue(policy.classify("example.net").isStandIn)
        XCTAssertFalse(policy.classify("db.internal").isStandIn)
        XCTAssertTrue(policy.isLocalOrAllowed("db.internal"))
        XCTAssertFalse(policy.isLocalOrAllowed("10.0.0.1"))
    }

    func testAPIHostsAndTheirDomains() {
        let policy = HostPolicy(apiHosts: ["api.re-port-flow.com", "*.reeflow.com"])
        XCTAssertTrue(policy.isAPIHost("API.re-port-flow.com"))
        XCTAssertFalse(policy.isAPIHost("staging.re-port-flow.com"))
        XCTAssertTrue(policy.isAPIHost("eu.reeflow.com"))
        XCTAssertTrue(policy.isInAPIDomain("staging.re-port-flow.com"))
        XCTAssertTrue(policy.isInAPIDomain("reeflow.com"))
        XCTAssertFalse(policy.isInAPIDomain("acme.io"))
        XCTAssertFalse(policy.isInAPIDomain("notreeflow.com"))
        XCTAssertFalse(HostPolicy().isInAPIDomain("api.reeflow.com"))
    }

    /// In test code only URLs in the guarded APIs' domains count for the insecure-transport rules;
    /// the host list is rule data handed in, and the facts themselves keep every use.
    func testTestCodeURLUsesFollowTheAPIHostList() {
        let file = SourceFile(
            path: "tests/test_client.py",
            bytes: Array(
                """
                requests.get("http://api.reeflow.com/x")
                requests.get("http://acme.io/x")
                """.utf8))
        let inTests = FileContext(file: file, settings: ScanSettings(), hitsByRule: [:])
        XCTAssertEqual(inTests.facts.httpURLUses.map(\.host), ["api.reeflow.com", "acme.io"])
        XCTAssertEqual(
            InsecureTransportRules.httpURLUses(inTests, apiHosts: ["api.reeflow.com"]).map(\.host), ["api.reeflow.com"])
        XCTAssertEqual(InsecureTransportRules.httpURLUses(inTests, apiHosts: []).map(\.host), [])
        let shipped = FileContext(
            file: SourceFile(path: "app/client.py", bytes: file.bytes), settings: ScanSettings(), hitsByRule: [:])
        XCTAssertEqual(
            InsecureTransportRules.httpURLUses(shipped, apiHosts: []).map(\.host), ["api.reeflow.com", "acme.io"])
    }
}
