import Foundation

/// Known findings recorded by fingerprint (never the secret or the matched text), so a CI gate
/// reports only new ones. Stable, sorted, no timestamps: the file does not churn in merges.
public struct Baseline: Sendable {
    public struct Entry: Sendable, Hashable {
        public var fingerprint: String
        public var rule: String
        public var file: String
    }

    public var entries: [Entry]

    public init(findings: [Finding]) {
        entries = findings.map { Entry(fingerprint: $0.fingerprint, rule: $0.rule, file: $0.file) }
            .sorted { ($0.file, $0.rule, $0.fingerprint) < ($1.file, $1.rule, $1.fingerprint) }
    }

    public func render() -> String {
        let items: [JSONOut] = entries.map {
            .object([("file", .string($0.file)), ("rule", .string($0.rule)), ("fingerprint", .string($0.fingerprint))])
        }
        return JSONOut.object([("version", .int(1)), ("tool", .string("authlint")), ("findings", .array(items))]).render(pretty: true) + "\n"
    }

    public static func load(path: String) throws(ConfigError) -> Baseline {
        let data: [UInt8]
        switch FileReader.readSettingsFile(path) {
        case .success(let bytes): data = bytes
        case .failure(let error): throw ConfigError(file: path, line: 0, column: 0, problem: "cannot read baseline file: \(error)")
        }
        let root = try JSONNode.parse(data, allowComments: false) {
            ConfigError(file: path, line: $0.line, column: $0.column, problem: $0.message)
        }
        guard case .array(let items)? = root["findings"]?.value else {
            throw ConfigError(file: path, line: root.line, column: root.column, problem: "a baseline is {\"version\": 1, \"findings\": [...]}")
        }
        var entries: [Entry] = []
        for item in items {
            guard let fingerprint = item["fingerprint"]?.stringValue, let rule = item["rule"]?.stringValue, let file = item["file"]?.stringValue else {
                throw ConfigError(file: path, line: item.line, column: item.column, problem: "a baseline entry needs fingerprint, rule and file")
            }
            entries.append(Entry(fingerprint: fingerprint, rule: rule, file: file))
        }
        var baseline = Baseline(findings: [])
        baseline.entries = entries
        return baseline
    }

    /// Moves findings that the baseline knows into `suppressed`; returns entries nothing matched.
    public func apply(to result: inout ScanResult) -> [Entry] {
        let known = Set(entries.map(\.fingerprint))
        var matched = Set<String>()
        var kept: [Finding] = []
        for var finding in result.findings {
            if known.contains(finding.fingerprint) {
                matched.insert(finding.fingerprint)
                finding.suppressedBy = "baseline"
                result.suppressed.append(finding)
            } else {
                kept.append(finding)
            }
        }
        result.findings = kept
        result.suppressed.sort(by: Finding.reportOrder)
        return entries.filter { !matched.contains($0.fingerprint) }
    }
}
