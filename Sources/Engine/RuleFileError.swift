import Discovery
import Facts
import Foundation
import Lexing
import Model
import Prefilter
import Support
import Suppression

/// A rule file that cannot be used. The CLI prints it and exits 2.
public struct RuleFileError: Error, CustomStringConvertible, Sendable {
    package init(file: String, line: Int, column: Int, problem: String) {
        self.file = file; self.line = line; self.column = column; self.problem = problem
    }
    public var file: String
    public var line: Int
    public var column: Int
    public var problem: String
    public var description: String { "\(file):\(line):\(column): \(problem)" }
}
