import Lexing
import Model
import Support

/// The request methods a `.http` file's request lines start with, for rules that walk its
/// tokens (the lexer owns the list; rules read it here, never from the lexer).
public enum HTTPMethods {
    public static let all: Set<String> = HTTPFileLexer.methods
}
