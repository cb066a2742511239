import Lexing
import Model
import Support

extension FileFacts {
    /// Bytes a header covers: its name and value, in whichever order they were written
    /// (`setValue(value, forHTTPHeaderField: name)` puts the value first).
    public func range(of header: HeaderSet.Header) -> Range<Int> {
        let name = tokens[header.nameToken]
        guard let valueIndex = header.valueToken else { return name.start..<name.end }
        let value = tokens[valueIndex]
        return min(name.start, value.start)..<max(name.end, value.end)
    }
}

extension FileFacts {
    /// Source text of a token range (an argument), as written.
    func sourceText(_ range: Range<Int>) -> String {
        guard let first = range.first, let last = range.last else { return "" }
        return file.text(tokens[first].start..<tokens[last].end)
    }

    /// Source text of the expression starting at `start`: up to the next `,` or `;` at the same
    /// bracket depth, a closing bracket, a line break (statement end), or `limit`.
    func expressionText(from start: Int, limit: Int) -> String {
        var i = start
        var last = start
        while i < min(limit, tokens.count) {
            if i > start
                && (isPunct(i, ",") || isPunct(i, ";") || isPunct(i, ")") || isPunct(i, "]") || isPunct(i, "}"))
            {
                break
            }
            if i > start && file.line(at: tokens[i].start) != file.line(at: tokens[last].end - 1) && !isPunct(last, ".")
                && !isPunct(i, ".")
            {
                break
            }
            last = i
            if isOpeningBracket(i) && tokens[i].pairIndex > i { i = tokens[i].pairIndex; last = i }
            i += 1
        }
        return file.text(tokens[start].start..<tokens[last].end)
    }
}
