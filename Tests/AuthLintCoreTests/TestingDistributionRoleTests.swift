import Foundation
import XCTest

@testable import Discovery

/// A package installed beside a `*.dist-info` whose METADATA declares it a testing tool (moto,
/// pytest) is test support: its findings carry the test role and are one severity lower.
final class TestingDistributionRoleTests: XCTestCase {
    static let secret = "api_key = \"Zq8vR2mT5wX9kL3pN7bC4dF6\"\n"
    static let testingMetadata = """
        Metadata-Version: 2.1
        Name: fakecloud
        Classifier: Programming Language :: Python :: 3
        Classifier: Topic :: Software Development :: Testing

        A library that mocks a cloud API in tests.
        """
    static let libraryMetadata = """
        Metadata-Version: 2.1
        Name: cloudsdk
        Classifier: Topic :: Software Development :: Libraries

        The Topic :: Software Development :: Testing classifier quoted in prose is not a classifier.
        """

    private func sitePackages() throws -> String {
        let dir = try TestSupport.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/.git", withIntermediateDirectories: true)
        try TestSupport.write(Self.testingMetadata, to: dir + "/site/fakecloud-1.2.dist-info/METADATA")
        try TestSupport.write("fakecloud\n", to: dir + "/site/fakecloud-1.2.dist-info/top_level.txt")
        try TestSupport.write(Self.secret, to: dir + "/site/fakecloud/iam/models.py")
        // No top_level.txt: the distribution's name is its package's.
        try TestSupport.write(Self.testingMetadata, to: dir + "/site/stub_server-0.1.dist-info/METADATA")
        try TestSupport.write(Self.secret, to: dir + "/site/stub_server/app.py")
        try TestSupport.write(Self.libraryMetadata, to: dir + "/site/cloudsdk-3.0.dist-info/METADATA")
        try TestSupport.write(Self.secret, to: dir + "/site/cloudsdk/session.py")
        return dir
    }

    func testPackagesOfATestingDistributionAreTestCode() throws {
        let dir = try sitePackages()
        let result = try TestSupport.authlint(["scan", ".", "--format", "json", "--fail-on", "never"], cwd: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        let found = try TestSupport.roleAndSeverityByFile(result.stdout)
        XCTAssertEqual(found["site/fakecloud/iam/models.py"], "test/warning", "\(found)")
        XCTAssertEqual(found["site/stub_server/app.py"], "test/warning", "\(found)")
        XCTAssertEqual(found["site/cloudsdk/session.py"], "shipped/error", "\(found)")
    }

    func testLookupByAbsoluteAndRelativePath() throws {
        let dir = try sitePackages()
        let distributions = TestingDistributions()
        XCTAssertTrue(distributions.contains(dir + "/site/fakecloud/iam/models.py"))
        XCTAssertFalse(distributions.contains(dir + "/site/cloudsdk/session.py"))
        XCTAssertFalse(distributions.contains(dir + "/site/fakecloud-1.2.dist-info/METADATA"))
        XCTAssertFalse(distributions.contains("models.py"))
    }
}
