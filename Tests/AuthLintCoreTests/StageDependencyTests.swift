import Foundation
import XCTest

/// Each stage is a SwiftPM target and data flows one way (ARCHITECTURE.md). The compiler rejects a
/// use of a target that is not a dependency; SwiftPM still lets a file `import` a transitive one
/// (Rules could import Lexing through Engine), so this test holds every file's imports to its
/// target's declared dependencies, and ARCHITECTURE.md's target table to Package.swift.
final class StageDependencyTests: XCTestCase {
    static let root = TestSupport.packageRoot

    /// Target name → declared dependencies, read from Package.swift's `.target(name:dependencies:)` calls (which
    /// swift-format may wrap over several lines).
    static func packageGraph() throws -> [String: Set<String>] {
        let manifest = try String(contentsOfFile: root + "/Package.swift", encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"\.target\(\s*name: "(\w+)",\s*dependencies: \[([^\]]*)\]"#)
        var graph: [String: Set<String>] = [:]
        for match in pattern.matches(in: manifest, range: NSRange(manifest.startIndex..., in: manifest)) {
            let name = String(manifest[Range(match.range(at: 1), in: manifest)!])
            let list = String(manifest[Range(match.range(at: 2), in: manifest)!])
            let names = list.split(separator: ",").map {
                $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"\n"))
            }
            graph[name] = Set(names.filter { !$0.isEmpty })
        }
        return graph
    }

    func testPackageDeclaresEveryStageAndNoCycle() throws {
        let graph = try Self.packageGraph()
        XCTAssertEqual(
            Set(graph.keys),
            [
                "Support", "Model", "Discovery", "Lexing", "Facts", "Suppression", "Prefilter", "Engine",
                "Rules", "Reporting", "Config", "Session", "LSP", "CLI",
            ])
        // A stage may only depend on stages declared before it can be ordered: no cycles.
        var placed = Set<String>()
        while placed.count < graph.count {
            let ready = graph.filter { !placed.contains($0.key) && $0.value.isSubset(of: placed) }.map(\.key)
            XCTAssertFalse(ready.isEmpty, "dependency cycle among \(Set(graph.keys).subtracting(placed).sorted())")
            if ready.isEmpty { return }
            placed.formUnion(ready)
        }
    }

    func testEveryFileImportsOnlyItsTargetsDependencies() throws {
        let graph = try Self.packageGraph()
        for (target, dependencies) in graph {
            let folder = Self.root + "/Sources/" + target
            guard let files = FileManager.default.enumerator(atPath: folder)?.compactMap({ $0 as? String }) else {
                XCTFail("no folder Sources/\(target)"); continue
            }
            for file in files where file.hasSuffix(".swift") {
                let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
                for line in text.split(separator: "\n") where line.hasPrefix("import ") {
                    let module = String(line.dropFirst("import ".count)).trimmingCharacters(in: .whitespaces)
                    guard graph[module] != nil else { continue }  // Foundation, Glibc, Dispatch
                    XCTAssertTrue(
                        dependencies.contains(module),
                        "Sources/\(target)/\(file) imports \(module), not a dependency of \(target)")
                }
            }
        }
    }

    /// ARCHITECTURE.md's table of targets (`| Stage | depends on |`) is Package.swift's graph.
    func testArchitectureTableMatchesThePackage() throws {
        let graph = try Self.packageGraph()
        let doc = try String(contentsOfFile: Self.root + "/ARCHITECTURE.md", encoding: .utf8)
        var documented: [String: Set<String>] = [:]
        for line in doc.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2, cells[0].hasPrefix("`"),
                graph[cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] != nil
            else { continue }
            let name = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            documented[name] = Set(
                cells[1].split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " `")) }
                    .filter { !$0.isEmpty && $0 != "—" })
        }
        XCTAssertEqual(documented, graph, "ARCHITECTURE.md's target table and Package.swift disagree")
    }

    /// Rules answer from facts: they never run git or other programs, and never lex (the Rules
    /// target does not depend on Lexing; this holds what the module graph cannot forbid).
    func testRulesRunNoProcessAndNoLexer() throws {
        let folder = Self.root + "/Sources/Rules"
        let files = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
        XCTAssertFalse(files.isEmpty)
        for file in files where file.hasSuffix(".swift") {
            let code = try String(contentsOfFile: folder + "/" + file, encoding: .utf8).split(separator: "\n")
                .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }.joined(separator: "\n")
            for call in ["Git.", "Subprocess.", "Process(", "posix_spawn", "LexerRegistry", "FileManager.default"] {
                XCTAssertFalse(code.contains(call), "Sources/Rules/\(file) uses \(call)")
            }
        }
    }
}
