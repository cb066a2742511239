import Discovery
import Facts
import Foundation
import Lexing
import Model
import Prefilter
import Support
import Suppression

extension RuleLoader {
    /// Every `*.json` in a user rule folder, sorted by name.
    public static func loadFolder(_ path: String) throws(RuleFileError) -> [RuleDefinition] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".json") }.sorted()
        } catch {
            throw RuleFileError(
                file: path, line: 0, column: 0, problem: "cannot read rule folder: \(error.localizedDescription)")
        }
        var rules: [RuleDefinition] = []
        for name in names {
            let file = PathSyntax.join(path, name)
            let data: [UInt8]
            switch FileReader.readSettingsFile(file) {
            case .success(let bytes): data = bytes
            case .failure(let error):
                throw RuleFileError(file: file, line: 0, column: 0, problem: "cannot read rule file: \(error)")
            }
            rules.append(try parse(bytes: data, source: file))
        }
        return rules
    }
}
