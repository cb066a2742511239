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

/// `committed-dotenv` asks `settings.repository`; it runs no git, so it is tested without one.
final class RepositoryStatusTests: XCTestCase {
    private func dotenvFindings(_ repository: any RepositoryStatus, path: String = "app/.env") throws -> [Finding] {
        var settings = ScanSettings()
        settings.repository = repository
        let scanner = try TestSupport.builtinScanner(settings: settings)
        let file = SourceFile(path: path, bytes: Array("DATABASE_PASSWORD=Pg-Pr0d-2024-xQ\nNODE_ENV=production\n".utf8))
        return scanner.scan(file: file).findings.filter { $0.rule == "committed-dotenv" }
    }

    func testReportsOnlyWhatGitWouldPublish() throws {
        XCTAssertEqual(try dotenvFindings(FixedRepositoryStatus(keptOut: [])).count, 1)
        XCTAssertEqual(try dotenvFindings(FixedRepositoryStatus(keptOut: ["app/.env"])).count, 0)
        XCTAssertEqual(try dotenvFindings(FixedRepositoryStatus(keptOut: ["other/.env"])).count, 1)
        XCTAssertEqual(try dotenvFindings(NoRepository()).count, 0)
        XCTAssertEqual(try dotenvFindings(FixedRepositoryStatus(keptOut: []), path: "app/.env.example").count, 0)
    }

    /// Outside any work tree the live status says "kept out": nothing can be said there.
    func testLiveStatusOutsideAWorkTree() throws {
        let dir = try TestSupport.temporaryDirectory()
        XCTAssertTrue(FileManager.default.createFile(atPath: dir + "/.env", contents: Data("A=b\n".utf8)))
        if Git.workTreeRoot(containing: dir) != nil {
            throw XCTSkip("the temporary directory is inside a git work tree")
        }
        XCTAssertTrue(GitRepositoryStatus().isKeptOutOfGit(dir + "/.env"))
    }
}
