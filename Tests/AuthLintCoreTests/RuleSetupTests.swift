import XCTest

@testable import Config
@testable import Engine
@testable import Model
@testable import Session

/// Rule set-up: a duplicate id names both files; with nothing to switch the catalog is returned
/// as it is (the start-up fast path), and a switch still applies.
final class RuleSetupTests: XCTestCase {
    func testADuplicateRuleIdNamesTheFileThatDefinedItFirst() throws {
        let dir = try TestSupport.temporaryDirectory()
        let rule = """
            {"id": "acme-token", "category": "hardcoded-credential", "severity": "warning", "engine": "pattern",
             "summary": "ACME token", "description": "d", "fix": "f", "keywords": ["acme_"],
             "pattern": "\\\\b(acme_[a-z0-9]{12})\\\\b", "secretGroup": 1}
            """
        try TestSupport.write(rule, to: dir + "/one/acme-token.json")
        try TestSupport.write(rule, to: dir + "/two/acme-token.json")
        XCTAssertThrowsError(try RuleSetup.loadAll(extraFolders: [dir + "/one", dir + "/two"])) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("two/acme-token.json"), text)
            XCTAssertTrue(text.contains("already defined by") && text.contains("one/acme-token.json"), text)
        }
    }

    func testNothingToSwitchKeepsEveryRuleAndASwitchStillApplies() throws {
        let rules = try RuleSetup.loadAll(extraFolders: [])
        let config = Configuration()
        let all = try RuleSetup.apply(config: config, enable: [], disable: [], to: rules)
        XCTAssertEqual(all.map(\.id), rules.map(\.id))
        let fewer = try RuleSetup.apply(config: config, enable: [], disable: ["hardcoded-appkey"], to: rules)
        XCTAssertEqual(fewer.map(\.id), rules.map(\.id).filter { $0 != "hardcoded-appkey" })
        XCTAssertThrowsError(try RuleSetup.apply(config: config, enable: ["hardcoded-apkey"], disable: [], to: rules)) {
            XCTAssertTrue("\($0)".contains("did you mean 'hardcoded-appkey'?"), "\($0)")
        }
    }
}
