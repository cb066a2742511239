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

/// The flag table is the one definition of the command line: the parser, `--help` and the
/// README's usage block all come from it.
final class FlagTableTests: XCTestCase {
    /// The README's usage block, every command and scan flag line, exactly as `--help` prints it.
    func testReadmeUsageBlockMatchesTheTable() throws {
        let readme = try String(contentsOfFile: TestSupport.packageRoot + "/README.md", encoding: .utf8)
        let lines = readme.components(separatedBy: "\n")
        let start = try XCTUnwrap(
            lines.firstIndex { $0.hasPrefix("authlint [scan] [PATH ...]") }, "README has no usage block")
        let block = lines[start...].prefix { !$0.hasPrefix("```") }
        XCTAssertEqual(
            Array(block), FlagTable.usageLines(),
            "README usage block drifted from FlagTable: paste the usage block of `authlint --help`")
        XCTAssertTrue(CommandLineInterface.usage.contains(FlagTable.usageLines().joined(separator: "\n")))
        // Every command the dispatcher knows has a line, and every line's command is dispatched.
        for name in FlagTable.commandNames {
            XCTAssertTrue(block.contains { $0.hasPrefix("authlint \(name)") || name == "scan" }, name)
        }
    }

    func testHelpListsEveryScanFlagAndParserAcceptsIt() throws {
        for flag in FlagTable.flags(for: "scan") {
            XCTAssertTrue(CommandLineInterface.usage.contains("\n  \(flag.name)"), "--help misses \(flag.name)")
            let args = flag.takesValue ? [flag.name, "x", flag.name, "y"] : [flag.name]
            if flag.repeatable || !flag.takesValue {
                let parsed = try ScanCommand.parser.parse(args)
                XCTAssertTrue(parsed.has(flag.name))
            } else {
                XCTAssertThrowsError(try ScanCommand.parser.parse(args), "\(flag.name) given twice must be refused")
            }
        }
        XCTAssertThrowsError(try ScanCommand.parser.parse(["--force"]), "a flag of another command must be refused")
        XCTAssertNoThrow(try FlagTable.parser(for: "install-hook").parse(["--force"]))
    }

    func testEveryFlagBelongsToACommandAndIsDefinedOncePerCommand() {
        for command in ["scan", "rules", "init", "install-hook"] {
            let names = FlagTable.flags(for: command).map(\.name)
            XCTAssertEqual(names.count, Set(names).count, "a flag is defined twice for \(command)")
        }
        XCTAssertTrue(FlagTable.flags.allSatisfy { !$0.commands.isEmpty && !$0.help.isEmpty })
    }
}
