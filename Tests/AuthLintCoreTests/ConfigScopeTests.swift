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

/// Which `.authlint.json` a run obeys: the nearest one, never one above the repository root,
/// and the report always names it.
final class ConfigScopeTests: XCTestCase {
    static let secret = "api_key = \"Zq8vR2mT5wX9kL3pN7bC4dF6\"\n"
    static let excludeEverything = "{ \"exclude\": [\"**\"] }\n"

    func testConfigAboveTheRepositoryRootIsNotObeyed() throws {
        let outer = try TestSupport.temporaryDirectory()
        let repo = outer + "/clone"
        try TestSupport.write(Self.excludeEverything, to: outer + "/.authlint.json")
        try TestSupport.write(Self.secret, to: repo + "/app.py")
        try FileManager.default.createDirectory(atPath: repo + "/.git", withIntermediateDirectories: true)

        let result = try TestSupport.authlint(["scan", ".", "--format", "json"], cwd: repo)
        XCTAssertEqual(result.status, 1, "the planted config above the clone excluded the secret: \(result.stdout)")
        XCTAssertTrue(result.stdout.contains("\"config\": null"), result.stdout)
        // Scanning one file by name starts the search in its directory: same boundary.
        XCTAssertEqual(try TestSupport.authlint(["scan", "app.py"], cwd: repo).status, 1)
    }

    func testNearestConfigInsideTheRepositoryIsObeyedAndNamed() throws {
        let repo = try TestSupport.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: repo + "/.git", withIntermediateDirectories: true)
        try TestSupport.write("{ \"rules\": { \"hardcoded-secret\": \"warning\" } }\n", to: repo + "/.authlint.json")
        try TestSupport.write(Self.secret, to: repo + "/src/app.py")

        let json = try TestSupport.authlint(["scan", "src", "--format", "json"], cwd: repo)
        XCTAssertEqual(json.status, 0, json.stdout + json.stderr)
        XCTAssertTrue(json.stdout.contains("\"config\": \".authlint.json\""), json.stdout)
        XCTAssertTrue(json.stdout.contains("\"severity\": \"warning\""), json.stdout)
        let text = try TestSupport.authlint(["scan", "src"], cwd: repo + "/src/..")
        XCTAssertTrue(text.stdout.contains("config .authlint.json"), text.stdout)
    }

    func testOutsideARepositoryTheNearestConfigStillApplies() throws {
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write(Self.excludeEverything, to: dir + "/.authlint.json")
        try TestSupport.write(Self.secret, to: dir + "/sub/app.py")
        let result = try TestSupport.authlint(["scan", "sub"], cwd: dir)
        XCTAssertEqual(result.status, 0, result.stdout)
        XCTAssertTrue(
            result.stdout.contains("config .authlint.json"),
            "the report must say which config excluded files: \(result.stdout)")
    }
}
