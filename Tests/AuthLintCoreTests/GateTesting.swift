import XCTest

@testable import Engine
@testable import Model
@testable import Prefilter
@testable import Rules

/// What the `wantsFile` gate tests share: a file context for one rule, with the prefilter hits
/// the engine would hand it, and a built-in rule by id.
protocol GateTesting {}

extension GateTesting {
    func context(_ path: String, _ text: String, for rule: RuleDefinition) -> FileContext {
        let file = SourceFile(path: path, bytes: Array(text.utf8))
        let hits = KeywordPrefilter(keywords: rule.keywords.map { $0.lowercased() }).scan(file.bytes)
        return FileContext(file: file, settings: ScanSettings(), hitsByRule: [rule.id: hits])
    }

    func builtinRule(_ id: String) throws -> RuleDefinition {
        try XCTUnwrap(try RuleLoader.builtinRules().first { $0.id == id }, "no built-in rule \(id)")
    }
}
