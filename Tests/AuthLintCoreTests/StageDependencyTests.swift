import XCTest
@testable import AuthLintCore

/// Folders are stages and data flows one way (ARCHITECTURE.md): until the module is split into
/// targets, this test is the compiler's stand-in for the edges already removed.
final class StageDependencyTests: XCTestCase {
    /// (stage, stage it must not use).
    static let forbidden: [(String, String)] = [
        ("LSP", "CLI"), ("Session", "CLI"), ("Discovery", "Engine"), ("Suppression", "Engine"),
        ("Suppression", "Discovery"), ("Config", "Discovery"), ("Config", "Session"), ("Engine", "Session"),
        ("Suppression", "Config"), ("Config", "Engine"), ("Engine", "Config"),
        ("Model", "Engine"), ("Support", "Engine"), ("Support", "Model"),
    ]

    static let sources = TestSupport.packageRoot + "/Sources/AuthLintCore"

    /// Type names declared in a stage's folder.
    static func declaredTypes(in stage: String) throws -> Set<String> {
        var names = Set<String>()
        let pattern = try NSRegularExpression(pattern: #"^(?:public |private |fileprivate )?(?:final )?(?:struct|enum|class|protocol|typealias) ([A-Za-z_][A-Za-z0-9_]*)"#, options: .anchorsMatchLines)
        for (_, text) in try files(in: stage) {
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                names.insert((text as NSString).substring(with: match.range(at: 1)))
            }
        }
        return names
    }

    /// The stage's Swift files, without comment lines (comments may name anything).
    static func files(in stage: String) throws -> [(String, String)] {
        let folder = sources + "/" + stage
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".swift") }
        return try names.map { name in
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            let code = text.components(separatedBy: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
            return (name, code.joined(separator: "\n"))
        }
    }

    func testNoStageUsesATypeOfAStageItMustNotDependOn() throws {
        for (from, to) in Self.forbidden {
            let types = try Self.declaredTypes(in: to)
            XCTAssertFalse(types.isEmpty, "no types found in \(to)/")
            for (file, code) in try Self.files(in: from) {
                let words = Set(code.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init))
                let used = types.intersection(words).sorted()
                XCTAssertTrue(used.isEmpty, "\(from)/\(file) uses \(to) types \(used)")
            }
        }
    }

    func testTheCheckSeesAnEdge() throws {
        // The scan command builds a ScanPlan: the same check must see CLI -> Session.
        let used = try Self.files(in: "CLI").contains { _, code in code.contains("ScanPlan(") }
        let declared = try Self.declaredTypes(in: "Session")
        XCTAssertTrue(used && declared.contains("ScanPlan"))
    }
}
