import Foundation
import Model
import Support

/// `--fail-on` threshold; `never` always exits 0 unless the scan itself failed.
public enum FailThreshold: Sendable, Equatable {
    case severity(Severity)
    case never

    public init?(_ text: String) {
        if text == "never" {
            self = .never
        } else if let s = Severity(rawValue: text) {
            self = .severity(s)
        } else {
            return nil
        }
    }

    public func fails(on findings: [Finding]) -> Bool {
        guard case .severity(let floor) = self else { return false }
        return findings.contains { $0.severity >= floor }
    }
}

/// `.authlint.json` (comments allowed). Unknown keys are errors: a typo must never silently
/// turn a check off.
public struct Configuration: Sendable {
    public struct RuleOverride: Sendable, Equatable {
        public var enabled: Bool?
        public var severity: Severity?
    }

    public var path: String?
    public var rules: [String: RuleOverride] = [:]
    /// Where each rule id of `rules` is written, so an unknown id is reported at file:line:col.
    public var rulePositions: [String: (line: Int, column: Int)] = [:]
    public var exclude: [String] = []
    public var rulePaths: [String] = []
    public var allowedHosts: [String] = []
    public var apiHosts: [String] = []
    public var credentialHeaders: [String] = []
    public var failOn: FailThreshold?
    public var maxFileSize: Int?
    /// Seconds one rule may spend on one file before it is cut short (and the run fails closed).
    public var ruleTimeout: Double?
    public var baseline: String?
    /// File roles whose findings are reported one severity lower (`"lowerSeverityIn"`); nil
    /// keeps the engine's default (tests, fixtures, documentation).
    public var lowerSeverityIn: Set<RuleDefinition.FileRoleName>?

    public init() {}

    /// A rule id's position as one comparable number (line, then column); 0 when unknown.
    public func rulePosition(_ id: String) -> Int {
        rulePositions[id].map { $0.line * 1_000_000 + $0.column } ?? 0
    }

    static let knownKeys = [
        "rules", "exclude", "rulePaths", "allowedHosts", "apiHosts", "credentialHeaders",
        "failOn", "maxFileSize", "ruleTimeout", "baseline", "lowerSeverityIn",
    ]

    public static func parse(bytes: [UInt8], path: String) throws(ConfigError) -> Configuration {
        let root = try JSONNode.parse(bytes, allowComments: true) {
            ConfigError(file: path, line: $0.line, column: $0.column, problem: $0.message)
        }
        func fail(_ node: JSONNode, _ problem: String) -> ConfigError {
            ConfigError(file: path, line: node.line, column: node.column, problem: problem)
        }
        guard case .object(let members) = root.value else { throw fail(root, "the config must be one JSON object") }
        var config = Configuration()
        config.path = path
        let baseDir = PathSyntax.parent(path)
        func relative(_ p: String) -> String { p.hasPrefix("/") || baseDir.isEmpty ? p : PathSyntax.join(baseDir, p) }
        func strings(_ node: JSONNode, _ key: String) throws(ConfigError) -> [String] {
            guard case .array(let items) = node.value else { throw fail(node, "'\(key)' must be an array of strings") }
            var out: [String] = []
            for item in items {
                guard case .string(let s) = item.value else { throw fail(item, "'\(key)' must hold strings") }
                out.append(s)
            }
            return out
        }
        for member in members {
            let node = member.node
            switch member.key {
            case "rules":
                guard case .object(let entries) = node.value else {
                    throw fail(
                        node, "'rules' must map rule ids to \"off\", \"on\", a severity, or {\"enabled\", \"severity\"}"
                    )
                }
                for entry in entries {
                    config.rules[entry.key] = try ruleOverride(entry.node, id: entry.key, fail: fail)
                    config.rulePositions[entry.key] = (entry.node.line, entry.node.column)
                }
            case "exclude": config.exclude = try strings(node, "exclude")
            case "rulePaths": config.rulePaths = try strings(node, "rulePaths").map(relative)
            case "allowedHosts": config.allowedHosts = try strings(node, "allowedHosts")
            case "apiHosts": config.apiHosts = try strings(node, "apiHosts")
            case "credentialHeaders": config.credentialHeaders = try strings(node, "credentialHeaders")
            case "failOn":
                guard case .string(let s) = node.value, let threshold = FailThreshold(s) else {
                    throw fail(node, "'failOn' must be \"error\", \"warning\", \"note\" or \"never\"")
                }
                config.failOn = threshold
            case "maxFileSize":
                guard let n = node.wholeNumber(in: 1...Int.max) else {
                    throw fail(node, "'maxFileSize' must be a positive whole number of bytes (at most \(Int.max))")
                }
                config.maxFileSize = n
            case "ruleTimeout":
                // A slow or shared CI machine may need more than the default; never unbounded.
                guard case .number(let seconds) = node.value, seconds >= 0.1, seconds <= 600 else {
                    throw fail(node, "'ruleTimeout' must be a number of seconds from 0.1 to 600")
                }
                config.ruleTimeout = seconds
            case "lowerSeverityIn":
                var roles = Set<RuleDefinition.FileRoleName>()
                guard case .array(let items) = node.value else {
                    throw fail(node, "'lowerSeverityIn' must be an array of file roles such as [\"test\", \"fixture\"]")
                }
                for item in items {
                    guard case .string(let s) = item.value, let role = RuleDefinition.FileRoleName(rawValue: s) else {
                        let known = RuleDefinition.FileRoleName.allCases.map(\.rawValue).joined(separator: ", ")
                        throw fail(item, "'lowerSeverityIn' holds file roles (known: \(known))")
                    }
                    roles.insert(role)
                }
                config.lowerSeverityIn = roles
            case "baseline":
                guard case .string(let s) = node.value, !s.isEmpty else {
                    throw fail(node, "'baseline' must be a file path")
                }
                config.baseline = relative(s)
            default:
                let suggestion =
                    knownKeys.min(by: {
                        Suggestion.editDistance($0.lowercased(), member.key.lowercased())
                            < Suggestion.editDistance($1.lowercased(), member.key.lowercased())
                    }) ?? ""
                throw fail(node, "unknown key '\(member.key)' (did you mean '\(suggestion)'?)")
            }
        }
        return config
    }

    private static func ruleOverride(_ node: JSONNode, id: String, fail: (JSONNode, String) -> ConfigError)
        throws(ConfigError) -> RuleOverride
    {
        switch node.value {
        case .string(let s):
            if s == "off" { return RuleOverride(enabled: false) }
            if s == "on" { return RuleOverride(enabled: true) }
            if let severity = Severity(rawValue: s) { return RuleOverride(enabled: true, severity: severity) }
            throw fail(
                node,
                "rule '\(id)': expected \"off\", \"on\", \"error\", \"warning\" or \"note\", got \"\(ConfigError.echo(s))\""
            )
        case .bool(let b):
            return RuleOverride(enabled: b)
        case .object(let fields):
            var result = RuleOverride()
            for field in fields {
                switch (field.key, field.node.value) {
                case ("enabled", .bool(let b)): result.enabled = b
                case ("severity", .string(let s)):
                    guard let severity = Severity(rawValue: s) else {
                        throw fail(field.node, "rule '\(id)': unknown severity '\(ConfigError.echo(s))'")
                    }
                    result.severity = severity
                default:
                    throw fail(
                        field.node,
                        "rule '\(id)': unknown or mistyped key '\(field.key)' (expected enabled: bool, severity: string)"
                    )
                }
            }
            return result
        default:
            throw fail(node, "rule '\(id)': expected \"off\", \"on\", a severity or an object")
        }
    }
}
