import Lexing
import Model
import Support

/// Which statements belong together: the innermost `{ … }` in brace languages, the indented
/// block in Python and Ruby. Setter sequences are grouped per receiver and scope.
extension FileFacts {
    private static let enclosingBraceKey = FactKey<[Int]>("enclosingBrace")
    /// For each token, the index of the innermost `{` enclosing it (-1 at top level).
    package var enclosingBrace: [Int] {
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
    package func scopeKey(of index: Int) -> Int {
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

    /// True when a name assigned at token `a` is still the one used at token `b` (a < b). Brace
    /// languages: the innermost `{ … }` around the assignment also holds the use. Indented
    /// languages: no `def` / `class` at or left of the assignment's indentation between them.
    package func sameScope(_ a: Int, _ b: Int) -> Bool {
        switch file.language {
        case .python, .ruby:
            let indent = file.position(at: tokens[a].start).column
            for i in a..<b where tokens[i].kind == .identifier {
                let t = text(i)
                if (t == "def" || t == "class") && file.position(at: tokens[i].start).column <= indent {
                    return false
                }
            }
            return true
        case .shell:
            return true
        default:
            var j = a - 1
            while j >= 0 {
                if isPunct(j, "}") && tokens[j].pairIndex >= 0 && tokens[j].pairIndex < j {
                    j = tokens[j].pairIndex - 1; continue
                }
                if isPunct(j, "{") { return tokens[j].pairIndex < 0 || tokens[j].pairIndex > b }
                j -= 1
            }
            return true
        }
    }

    private func indentation(ofLine line: Int) -> Int {
        let range = file.lineRange(line)
        var n = 0
        for b in file.bytes[range] { if b == 0x20 || b == 0x09 { n += 1 } else { break } }
        return n
    }
}
