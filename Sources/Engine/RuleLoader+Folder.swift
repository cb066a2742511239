import Discovery
import Facts
import Foundation
import Lexing
import Model
import Prefilter
import Support
import Suppression

extension RuleLoader {
    /// Every `*.json` in a user rule folder, sorted by name, but `schema.json` (a copy of
    /// `rules/schema.json` kept beside the rules for an editor is not a rule).
    public static func loadFolder(_ path: String) throws(RuleFileError) -> [RuleDefinition] {
        try ruleFileNames(in: path).map { (name) throws(RuleFileError) in try loadFile(PathSyntax.join(path, name)) }
    }

    /// The rule files' names in a folder, sorted.
    public static func ruleFileNames(in path: String) throws(RuleFileError) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: path)
                .filter { $0.hasSuffix(".json") && $0 != "schema.json" }.sorted()
        } catch {
            throw RuleFileError(
                file: path, line: 0, column: 0, problem: "cannot read rule folder: \(error.localizedDescription)")
        }
    }

    /// One rule file, read and parsed.
    public static func loadFile(_ file: String) throws(RuleFileError) -> RuleDefinition {
        switch FileReader.readSettingsFile(file) {
        case .success(let bytes): return try parse(bytes: bytes, source: file)
        case .failure(let error):
            throw RuleFileError(file: file, line: 0, column: 0, problem: "cannot read rule file: \(error)")
        }
    }
}
