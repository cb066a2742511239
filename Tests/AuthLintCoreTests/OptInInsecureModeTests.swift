import Foundation
import XCTest

/// TLS verification switched off inside an insecure mode the caller opts into by name is a
/// warning; the same setting anywhere else stays an error.
final class OptInInsecureModeTests: XCTestCase {
    func testOptInModesAreWarningsAndPlainDisablesErrors() throws {
        let dir = try TestSupport.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/.git", withIntermediateDirectories: true)
        try TestSupport.write(
            "def fetch(req):\n    if ignore_ssl_certs:\n        ctx = ssl.create_default_context()\n"
                + "        ctx.verify_mode = ssl.CERT_NONE\n        return urlopen(req, context=ctx)\n",
            to: dir + "/optin.py")
        try TestSupport.write(
            "class InsecureAdapter(HTTPAdapter):\n    def cert_verify(self, conn, url, verify, cert):\n"
                + "        super().cert_verify(conn=conn, url=url, verify=False, cert=cert)\n",
            to: dir + "/adapter.py")
        try TestSupport.write(
            "def fetch(req):\n    if not ignore_ssl_certs:\n        return urlopen(req)\n"
                + "    requests.get(\"https://billing.acmepay.io/v1\", verify=False)\n",
            to: dir + "/always.py")
        try TestSupport.write(
            "http = urllib3.PoolManager(cert_reqs=\"CERT_REQUIRED\", assert_hostname=False)\n"
                + "http.request(\"GET\", \"https://billing.acmepay.io/v1\")\n", to: dir + "/hostname.py")
        let result = try TestSupport.authlint(["scan", ".", "--format", "json", "--fail-on", "never"], cwd: dir)
        let findings =
            (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])?["findings"]
            as? [[String: Any]] ?? []
        let found = Dictionary(
            findings.filter { $0["rule"] as? String == "tls-verification-disabled" }.map {
                ($0["file"] as? String ?? "", $0["severity"] as? String ?? "")
            }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(found["optin.py"], "warning", "\(found)")
        XCTAssertEqual(found["adapter.py"], "warning", "\(found)")
        XCTAssertEqual(found["always.py"], "error", "\(found)")
        // Only the host-name check off: the chain is still verified.
        XCTAssertEqual(found["hostname.py"], "warning", "\(found)")
    }
}
