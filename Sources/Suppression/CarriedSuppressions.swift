import Model
import Support

/// Inline directives met so far in a windowed file, kept until no later window can use them.
package struct CarriedSuppressions {
    package init() {}
    struct Entry {
        var directive: InlineSuppressions.Directive
        var note: Finding?
        var order: Int
    }
    private var fileEntries: [Entry] = []
    /// Line directives by the line they apply to.
    private var lineEntries: [Int: [Entry]] = [:]
    /// Lines of directives that suppressed something (a line's directives count as used together,
    /// as in a whole-file scan).
    private var used = Set<Int>()
    private var count = 0

    package mutating func add(_ directive: InlineSuppressions.Directive, note: Finding?) {
        let entry = Entry(directive: directive, note: note, order: count)
        count += 1
        switch directive.scope {
        case .file: fileEntries.append(entry)
        case .line(let line): lineEntries[line, default: []].append(entry)
        }
    }

    /// The first directive (in file order) that suppresses `rule` at `line`.
    package mutating func directive(for rule: String, line: Int) -> InlineSuppressions.Directive? {
        let candidates = (fileEntries + (lineEntries[line] ?? [])).sorted { $0.order < $1.order }
        guard let hit = candidates.first(where: { $0.directive.rules.isEmpty || $0.directive.rules.contains(rule) })
        else { return nil }
        used.insert(hit.directive.line)
        return hit.directive
    }

    /// Notes for unused directives written before line `line - 1` (no later finding can use
    /// them: a directive applies to its own line or the next); those entries are dropped.
    package mutating func flush(before line: Int) -> [Finding] {
        var notes: [Finding] = []
        for (target, entries) in lineEntries where entries.allSatisfy({ $0.directive.line + 1 < line }) {
            notes += entries.filter { !used.contains($0.directive.line) }.compactMap(\.note)
            lineEntries[target] = nil
        }
        if line == .max {
            notes += fileEntries.filter { !used.contains($0.directive.line) }.compactMap(\.note)
            fileEntries = []
        }
        return notes
    }
}
