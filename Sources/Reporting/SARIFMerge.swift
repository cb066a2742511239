import Support

/// SARIF half of `ReportMerger`: runs grouped by tool (driver name and version), one run each.
enum SARIFMerge {
    typealias Failure = ReportMerger.Failure

    /// One tool's run being assembled.
    private struct MergedRun {
        var driver: [(String, JSONOut)] = []
        var rules: [String: JSONOut] = [:]
        var results: [JSONNode] = []
        var successful = true
        var notifications: [JSONOut] = []
        var otherKeys: [(String, JSONOut)] = []
    }

    static func merge(_ reports: [ReportMerger.Report]) throws(Failure) -> JSONOut {
        var order: [String] = []
        var runs: [String: MergedRun] = [:]
        var schema: JSONOut = .string("https://json.schemastore.org/sarif-2.1.0.json")
        for report in reports {
            if let given = report.document["$schema"] { schema = JSONConversion.out(given) }
            guard case .array(let items)? = report.document["runs"]?.value else {
                throw Failure(description: "\(report.name): runs is not an array")
            }
            for run in items {
                guard let driver = run["tool"]?["driver"], case .object(let driverMembers) = driver.value else {
                    throw Failure(description: "\(report.name):\(run.line):\(run.column): a run without tool.driver")
                }
                let key = (driver["name"]?.stringValue ?? "") + "\u{0}" + (driver["version"]?.stringValue ?? "")
                if runs[key] == nil {
                    order.append(key)
                    runs[key] = MergedRun()
                }
                try add(run, driverMembers, from: report.name, to: &runs[key]!)
            }
        }
        return .object([
            ("$schema", schema), ("version", .string("2.1.0")),
            ("runs", .array(order.map { render(runs[$0]!) })),
        ])
    }

    private static func add(
        _ run: JSONNode, _ driverMembers: [(key: String, node: JSONNode)], from name: String, to merged: inout MergedRun
    ) throws(Failure) {
        if merged.driver.isEmpty {
            merged.driver = driverMembers.filter { $0.key != "rules" }.map { ($0.key, JSONConversion.out($0.node)) }
        }
        if case .array(let rules)? = run["tool"]?["driver"]?["rules"]?.value {
            for rule in rules {
                guard let id = rule["id"]?.stringValue else {
                    throw Failure(description: "\(name):\(rule.line):\(rule.column): a rule without an id")
                }
                if merged.rules[id] == nil { merged.rules[id] = JSONConversion.out(rule) }
            }
        }
        if case .array(let results)? = run["results"]?.value { merged.results += results }
        if case .array(let invocations)? = run["invocations"]?.value {
            for invocation in invocations {
                if case .bool(false)? = invocation["executionSuccessful"]?.value { merged.successful = false }
                if case .array(let notes)? = invocation["toolExecutionNotifications"]?.value {
                    merged.notifications += notes.map(JSONConversion.out)
                }
            }
        }
        guard case .object(let members) = run.value else { return }
        for (key, node) in members where !["tool", "results", "invocations"].contains(key) {
            if !merged.otherKeys.contains(where: { $0.0 == key }) {
                merged.otherKeys.append((key, JSONConversion.out(node)))
            }
        }
    }

    private static func render(_ run: MergedRun) -> JSONOut {
        let ids = run.rules.keys.sorted()
        var index: [String: Int] = [:]
        for (i, id) in ids.enumerated() { index[id] = i }
        let results = run.results.sorted(by: resultOrder).map { result -> JSONOut in
            guard case .object(let members) = result.value else { return JSONConversion.out(result) }
            let ruleId = result["ruleId"]?.stringValue
            return .object(
                members.map { member in
                    if member.key == "ruleIndex", let ruleId, let i = index[ruleId] { return ("ruleIndex", .int(i)) }
                    return (member.key, JSONConversion.out(member.node))
                })
        }
        let driver: JSONOut = .object(run.driver + [("rules", .array(ids.map { run.rules[$0]! }))])
        var fields: [(String, JSONOut)] = [
            ("tool", .object([("driver", driver)])),
            (
                "invocations",
                .array([
                    .object([
                        ("executionSuccessful", .bool(run.successful)),
                        ("toolExecutionNotifications", .array(notificationsInOrder(run.notifications))),
                    ])
                ])
            ),
        ]
        fields += run.otherKeys
        fields.append(("results", .array(results)))
        return .object(fields)
    }

    /// As one scan orders them: findings before suppressed ones, each by file, line, column, rule.
    static func resultOrder(_ a: JSONNode, _ b: JSONNode) -> Bool {
        let (sa, sb) = (a["suppressions"] != nil, b["suppressions"] != nil)
        if sa != sb { return !sa }
        let (la, lb) = (a["locations"].flatMap(firstLocation), b["locations"].flatMap(firstLocation))
        let (ua, ub) = (
            la?["artifactLocation"]?["uri"]?.stringValue ?? "", lb?["artifactLocation"]?["uri"]?.stringValue ?? ""
        )
        if ua != ub { return ua < ub }
        for key in ["startLine", "startColumn"] {
            let x = la?["region"]?[key]?.wholeNumber(in: 0...Int.max) ?? 0
            let y = lb?["region"]?[key]?.wholeNumber(in: 0...Int.max) ?? 0
            if x != y { return x < y }
        }
        let (ra, rb) = (a["ruleId"]?.stringValue ?? "", b["ruleId"]?.stringValue ?? "")
        if ra != rb { return ra < rb }
        let x = la?["region"]?["endColumn"]?.wholeNumber(in: 0...Int.max) ?? 0
        let y = lb?["region"]?["endColumn"]?.wholeNumber(in: 0...Int.max) ?? 0
        return x < y
    }

    private static func firstLocation(_ locations: JSONNode) -> JSONNode? {
        guard case .array(let items) = locations.value else { return nil }
        return items.first?["physicalLocation"]
    }

    /// Notifications by the file they name (stable), as one scan lists its issues.
    private static func notificationsInOrder(_ notes: [JSONOut]) -> [JSONOut] {
        func uri(_ note: JSONOut) -> String {
            guard case .object(let members) = note,
                case .array(let locations)? = members.first(where: { $0.0 == "locations" })?.1,
                case .object(let location)? = locations.first,
                case .object(let physical)? = location.first(where: { $0.0 == "physicalLocation" })?.1,
                case .object(let artifact)? = physical.first(where: { $0.0 == "artifactLocation" })?.1,
                case .string(let s)? = artifact.first(where: { $0.0 == "uri" })?.1
            else { return "" }
            return s
        }
        return notes.enumerated().sorted { a, b in
            let (ua, ub) = (uri(a.element), uri(b.element))
            return ua != ub ? ua < ub : a.offset < b.offset
        }.map(\.element)
    }
}
