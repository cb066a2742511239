import Lexing
import Model
import Support

/// Which statements belong together: the innermost `{ … }` in brace languages, the indented
/// block in Python and Ruby. Setter sequences are grouped per receiver and scope.
extension FileFacts {
    private static let enclosingBraceKey = FactKey<[Int]>("enclosingBrace")
    /// For each token, the index of the innermost `{` enclosing it (-1 at top level).
    var enclosingBrace: [Int] {
        memo(Self.enclosingBraceKey) {
            var result = [Int](repeating: -1, count: tokens.count)
            var stack: [Int] = []
            for i in tokens.indices {
                if isPunct(i, "}"), let top = stack.last, tokens[top].pairIndex == i { stack.removeLast() }
                result[i] = stack.last ?? -1
                if isPunct(i, "{") && tokens[i].pairIndex > i { stack.append(i) }
            }
            return result
        }
    }

    /// A key for "the same block of code": the enclosing `{` in brace languages; in Python and
    /// Ruby the line that opens the indented block (an `if` and its `else` are different blocks).
    func scopeKey(of index: Int) -> Int {
        guard file.language == .python || file.language == .ruby else { return enclosingBrace[index] }
        let line = file.line(at: tokens[index].start)
        let indent = indentation(ofLine: line)
        var l = line - 1
        while l >= 1 {
            let range = file.lineRange(l)
            let isBlank = file.bytes[range].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
            if !isBlank && indentation(ofLine: l) < indent { return -1_000_000 - l }
            l -= 1
        }
        return -1
    }

    private func indentation(ofLine line: Int) -> Int {
        let range = file.lineRange(line)
        var n = 0
        for b in file.bytes[range] { if b == 0x20 || b == 0x09 { n += 1 } else { break } }
        return n
    }
}
