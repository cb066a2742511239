import Foundation
import XCTest

@testable import Engine
@testable import Model
@testable import Rules

/// The scan-time catalog is Swift code RuleEmbedder writes from the rule files after RuleLoader
/// validated them; the examples and `explain` still parse the embedded texts. The two must agree
/// in every stored field, and a broken rule file must stop the build naming it.
final class CompiledCatalogTests: XCTestCase {
    /// Every stored property, by name, with dictionaries in key order (their iteration order
    /// is not part of their value). A field added to `RuleDefinition` is compared without a
    /// change here, so the generator cannot silently drop it.
    private func fields(of rule: RuleDefinition) -> [String: String] {
        var result: [String: String] = [:]
        for child in Mirror(reflecting: rule).children {
            guard let label = child.label else { continue }
            switch child.value {
            case let templates as [String: MessageTemplate]:
                result[label] = templates.sorted { $0.key < $1.key }.map { "\($0.key)=\(String(reflecting: $0.value))" }
                    .joined(separator: "; ")
            case let caps as [RuleDefinition.FileRoleName: Severity]:
                result[label] = caps.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key)=\($0.value)" }
                    .joined(separator: "; ")
            default:
                result[label] = String(reflecting: child.value)
            }
        }
        return result
    }

    func testCompiledCatalogEqualsParsedRuleFilesWithoutExamples() throws {
        let parsed = try RuleLoader.builtinRules()
        let compiled = try RuleLoader.builtinRules(withExamples: false)
        XCTAssertEqual(compiled.map(\.id), parsed.map(\.id))
        XCTAssertGreaterThan(compiled.count, 300)
        XCTAssertTrue(compiled.contains { $0.secretless }, "no secretless rule: the flag is not carried over")
        XCTAssertTrue(compiled.contains { !$0.messages.isEmpty && !$0.severityIn.isEmpty })
        for (full, lean) in zip(parsed, compiled) {
            XCTAssertFalse(full.fireExamples.isEmpty, full.id)
            XCTAssertTrue(lean.fireExamples.isEmpty && lean.passExamples.isEmpty, lean.id)
            var expected = full
            expected.fireExamples = []
            expected.passExamples = []
            let want = fields(of: expected), got = fields(of: lean)
            XCTAssertEqual(Set(got.keys), Set(want.keys))
            for (name, value) in want where got[name] != value {
                XCTFail("\(full.id).\(name): compiled \(got[name] ?? "nil"), rule file \(value)")
            }
        }
    }

    /// Text that needs escaping in a Swift literal survives the round trip.
    func testStringLiteralsKeepEveryCharacter() throws {
        let rules = try RuleLoader.builtinRules(withExamples: false)
        let patterns = rules.compactMap(\.pattern)
        XCTAssertTrue(patterns.contains { $0.contains("\\") }, "no pattern with a backslash to check")
        XCTAssertTrue(rules.contains { ($0.description + $0.summary + $0.fix).contains("\"") }, "no quote to check")
    }

    /// A built-in rule file RuleLoader rejects stops RuleEmbedder (and so the build) with the
    /// loader's own message, naming the file, line and column.
    func testBrokenRuleFileStopsTheEmbedderNamingTheFile() throws {
        let embedder = Self.embedderBinary
        guard FileManager.default.isExecutableFile(atPath: embedder) else {
            return XCTFail("no RuleEmbedder binary at \(embedder) (swift build builds it for the plugin)")
        }
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let good = try String(
            contentsOfFile: TestSupport.packageRoot + "/rules/aws-access-key-id.json", encoding: .utf8)
        try TestSupport.write(good, to: dir + "/rules/aws-access-key-id.json")
        let broken = good.replacingOccurrences(of: #""severity": "error""#, with: #""severity": "critical""#)
        XCTAssertNotEqual(broken, good)
        try TestSupport.write(broken, to: dir + "/rules/broken/aws-access-key-id.json")
        let outputs = ["catalog", "compiled", "registry"].map { dir + "/\($0).swift" }

        let ok = try TestSupport.run(embedder, outputs + ["--rules", dir + "/rules/aws-access-key-id.json"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        let code = try String(contentsOfFile: outputs[1], encoding: .utf8)
        XCTAssertTrue(code.contains(#"id: "aws-access-key-id""#), code)
        XCTAssertTrue(code.contains(#"source: "rules/aws-access-key-id.json""#), code)

        let failed = try TestSupport.run(embedder, outputs + ["--rules", dir + "/rules/broken/aws-access-key-id.json"])
        XCTAssertEqual(failed.status, 2)
        let line = broken.components(separatedBy: "\n").firstIndex { $0.contains("critical") }.map { $0 + 1 } ?? 0
        XCTAssertTrue(
            failed.stderr.contains("rules/broken/aws-access-key-id.json:\(line):"), "stderr: \(failed.stderr)")
        XCTAssertTrue(failed.stderr.contains("unknown severity 'critical'"), "stderr: \(failed.stderr)")
    }

    /// SwiftPM builds the plugin's tool beside the products (`RuleEmbedder-tool`, built for the host).
    static var embedderBinary: String {
        let products = (TestSupport.binary as NSString).deletingLastPathComponent
        let candidates = ["RuleEmbedder-tool", "RuleEmbedder"].map { products + "/" + $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }
}
