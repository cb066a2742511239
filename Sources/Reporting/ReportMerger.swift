import Support

/// `authlint merge`: the reports of the shards of one scan (`--shard I/N`) combined into the
/// report a single scan would have written. JSON: findings together in report order, summary
/// counts summed (`durationMs`: the slowest shard), error lists joined. SARIF: one run per tool,
/// rules deduplicated by id (results' `ruleIndex` renumbered), results and notifications joined,
/// `executionSuccessful` only when every shard's was.
package enum ReportMerger {
    package enum Format: String, Sendable { case json, sarif }

    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    /// One input: its name for messages and its parsed document.
    package struct Report {
        package var name: String
        package var document: JSONNode
        package init(name: String, document: JSONNode) {
            self.name = name
            self.document = document
        }

        /// What kind of authlint report this is, or nil.
        package var format: Format? {
            if document["runs"] != nil && document["version"]?.stringValue == "2.1.0" { return .sarif }
            if document["findings"] != nil && document["summary"] != nil && document["tool"] != nil { return .json }
            return nil
        }
    }

    /// The merged report text; every input must be of one format (`expected` when given).
    package static func merge(_ reports: [Report], expected: Format?) throws(Failure) -> String {
        guard let first = reports.first else { throw Failure(description: "merge needs at least one report") }
        var format = expected
        for report in reports {
            guard let kind = report.format else {
                throw Failure(description: "\(report.name): not an authlint JSON or SARIF report")
            }
            if let format, kind != format {
                throw Failure(
                    description:
                        "\(report.name) is a \(kind.rawValue) report, but \(expected == nil ? first.name + " is" : "--format asks for") \(format.rawValue): merge reports of one format"
                )
            }
            format = kind
        }
        switch format ?? .json {
        case .json: return try mergeJSON(reports).render(pretty: true) + "\n"
        case .sarif: return try SARIFMerge.merge(reports).render(pretty: true) + "\n"
        }
    }

    static func mergeJSON(_ reports: [Report]) throws(Failure) -> JSONOut {
        let tool = reports[0].document["tool"].map(JSONConversion.out) ?? .null
        for report in reports.dropFirst() {
            let other = report.document["tool"].map(JSONConversion.out) ?? .null
            guard other.render(pretty: false) == tool.render(pretty: false) else {
                throw Failure(
                    description:
                        "\(report.name) was written by \(other.render(pretty: false)), \(reports[0].name) by \(tool.render(pretty: false)): merge reports of one authlint version"
                )
            }
        }
        var findings: [JSONNode] = []
        var summary: JSONOut?
        var extra: [(String, JSONOut)] = []
        for report in reports {
            guard case .object(let members) = report.document.value else { continue }
            for (key, node) in members {
                switch key {
                case "tool": continue
                case "findings":
                    guard case .array(let items) = node.value else {
                        throw Failure(
                            description: "\(report.name):\(node.line):\(node.column): findings is not an array")
                    }
                    findings += items
                case "summary": summary = summary.map { JSONConversion.combine($0, node) } ?? JSONConversion.out(node)
                default:
                    if let i = extra.firstIndex(where: { $0.0 == key }) {
                        extra[i].1 = JSONConversion.combine(extra[i].1, node)
                    } else {
                        extra.append((key, JSONConversion.out(node)))
                    }
                }
            }
        }
        let ordered = findings.sorted(by: findingOrder).map(JSONConversion.out)
        return .object([("tool", tool), ("findings", .array(ordered)), ("summary", summary ?? .null)] + extra)
    }

    /// `Finding.reportOrder` on the JSON form: file, line, column, rule, end column.
    static func findingOrder(_ a: JSONNode, _ b: JSONNode) -> Bool {
        let (fa, fb) = (a["file"]?.stringValue ?? "", b["file"]?.stringValue ?? "")
        if fa != fb { return fa < fb }
        for key in ["line", "column"] {
            let (x, y) = (a[key]?.wholeNumber(in: 0...Int.max) ?? 0, b[key]?.wholeNumber(in: 0...Int.max) ?? 0)
            if x != y { return x < y }
        }
        let (ra, rb) = (a["rule"]?.stringValue ?? "", b["rule"]?.stringValue ?? "")
        if ra != rb { return ra < rb }
        return (a["endColumn"]?.wholeNumber(in: 0...Int.max) ?? 0) < (b["endColumn"]?.wholeNumber(in: 0...Int.max) ?? 0)
    }
}

/// Parsed JSON back to output form, and the summing rule for summaries.
enum JSONConversion {
    static func out(_ node: JSONNode) -> JSONOut {
        switch node.value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let d): return Int(exactly: d).map(JSONOut.int) ?? .double(d)
        case .string(let s): return .string(s)
        case .array(let items): return .array(items.map(out))
        case .object(let members): return .object(members.map { ($0.key, out($0.node)) })
        }
    }

    /// Two shards' values of one key: numbers add up (a duration takes the longer: shards run
    /// side by side), lists join (errors sorted by file, as one scan lists them), objects merge
    /// key by key (counts by rule or reason), anything else keeps the first shard's value.
    static func combine(_ merged: JSONOut, _ node: JSONNode, key: String = "") -> JSONOut {
        switch (merged, node.value) {
        case (.int(let a), .number(let b)):
            guard let b = Int(exactly: b) else { return merged }
            return .int(key.hasSuffix("Ms") ? max(a, b) : a + b)
        case (.double(let a), .number(let b)): return .double(key.hasSuffix("Ms") ? max(a, b) : a + b)
        case (.array(let a), .array(let b)) where key == "byRule" || key == "byCategory":
            return .array(mergeCountRows(a, b, keyName: key == "byRule" ? "rule" : "category"))
        case (.array(let a), .array(let b)):
            let joined = a + b.map(out)
            return .array(joined.allSatisfy(\.hasFile) ? stableSortedByFile(joined) : joined)
        case (.object(var members), .object(let others)):
            for (otherKey, otherNode) in others {
                if let i = members.firstIndex(where: { $0.0 == otherKey }) {
                    members[i].1 = combine(members[i].1, otherNode, key: otherKey)
                } else {
                    members.append((otherKey, out(otherNode)))
                }
            }
            return .object(members)
        case (.null, _): return out(node)
        default: return merged
        }
    }

    /// `summary.byRule` / `byCategory` rows of two shards: one row per rule (or category), counts
    /// and severity counts added, ordered as one scan orders them (most findings first, then name).
    static func mergeCountRows(_ a: [JSONOut], _ b: [JSONNode], keyName: String) -> [JSONOut] {
        var rows = a
        for node in b {
            let name = node[keyName]?.stringValue
            if let i = rows.firstIndex(where: { $0.member(keyName).flatMap(\.stringValue) == name }) {
                rows[i] = combine(rows[i], node)
            } else {
                rows.append(out(node))
            }
        }
        // Severity counts most severe first, as one scan writes them.
        rows = rows.map { row in
            guard case .object(var members) = row, let i = members.firstIndex(where: { $0.0 == "severity" }),
                case .object(let counts) = members[i].1
            else { return row }
            let rank = ["error": 0, "warning": 1, "note": 2]
            members[i].1 = .object(counts.sorted { (rank[$0.0] ?? 3) < (rank[$1.0] ?? 3) })
            return .object(members)
        }
        return rows.sorted { x, y in
            let (cx, cy) = (x.member("count")?.intValue ?? 0, y.member("count")?.intValue ?? 0)
            if cx != cy { return cx > cy }
            return (x.member(keyName)?.stringValue ?? "") < (y.member(keyName)?.stringValue ?? "")
        }
    }

    static func stableSortedByFile(_ items: [JSONOut]) -> [JSONOut] {
        items.enumerated().sorted { a, b in
            let (fa, fb) = (a.element.file ?? "", b.element.file ?? "")
            return fa != fb ? fa < fb : a.offset < b.offset
        }.map(\.element)
    }
}

extension JSONOut {
    /// The `file` member of an object, when it is a string.
    var file: String? {
        guard case .object(let members) = self, case .string(let s)? = members.first(where: { $0.0 == "file" })?.1
        else { return nil }
        return s
    }
    var hasFile: Bool { file != nil }
    func member(_ name: String) -> JSONOut? {
        guard case .object(let members) = self else { return nil }
        return members.first(where: { $0.0 == name })?.1
    }
    var stringValue: String? {
        guard case .string(let s) = self else { return nil }
        return s
    }
    var intValue: Int? {
        guard case .int(let n) = self else { return nil }
        return n
    }
}
