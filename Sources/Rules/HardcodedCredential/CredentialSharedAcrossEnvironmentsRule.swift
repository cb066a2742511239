import Engine
import Facts
import Foundation
import Model
import Prefilter
import Support

/// `credential-shared-across-environments`: the same credential value configured for two
/// environments (prod vs dev/staging/test), by file name (`.env.production`, `config/dev.yaml`)
/// or section (`production:` in YAML, `[staging]` in INI). The Report Flow API guide asks for one
/// key per environment, so a leaked dev key must not open production. Values are compared by hash only.
struct CredentialSharedAcrossEnvironmentsRule: ProjectRule {
    let messageFields: [String: Set<String>] = [
        "shared": ["name", "environment", "firstEnvironment"], "firstUse": ["environment"],
    ]

    static let environmentWords: [String: String] = [
        "prod": "production", "production": "production", "prd": "production", "live": "production",
        "dev": "development", "development": "development", "local": "development",
        "staging": "staging", "stage": "staging", "stg": "staging", "preprod": "staging", "uat": "staging",
        "test": "test", "testing": "test", "qa": "test", "ci": "test", "sandbox": "test",
    ]

    static let configWords: Set<String> = [
        "config", "configuration", "settings", "appsettings", "application", "secrets", "values", "env", "environment",
        "database", "credentials", "parameters", "vars", "variables",
    ]

    /// The environment a config file is for, from its name (`.env.production`, `settings.staging.json`,
    /// `prod.env`) or its folder (`config/production/app.yaml`). Not from any folder on the way:
    /// `tests/fixtures/x.json` is test code, not the test environment's configuration.
    static func environment(ofPath path: String) -> String? {
        let components = path.lowercased().split(separator: "/")
        guard let name = components.last else { return nil }
        let nameWords = name.split(whereSeparator: { $0 == "." || $0 == "_" || $0 == "-" }).map(String.init)
        // Only configuration files: `.env.production`, `production.yaml`, `settings.staging.json`,
        // `appsettings.Development.json`; `test_vectors.json` is test data, not the test environment.
        let looksLikeConfig =
            name.hasPrefix(".env") || name.hasSuffix(".env") || nameWords.count == 2
            || nameWords.contains { configWords.contains($0) }
        if looksLikeConfig, let fromName = nameWords.reversed().lazy.compactMap({ environmentWords[$0] }).first {
            return fromName
        }
        if components.count >= 2, let fromFolder = environmentWords[String(components[components.count - 2])],
            fromFolder != "test"
        {
            return fromFolder
        }
        return nil
    }

    func collect(_ context: FileContext, _ rule: RuleDefinition) -> [ProjectObservation] {
        let language = context.file.language
        guard language == .yaml || language == .json || language == .keyValue || language == .xml else { return [] }
        let pathEnvironment = Self.environment(ofPath: context.file.path)
        // Without an environment in the path, only YAML/INI sections can name one: look for a
        // line that starts with one before lexing the file.
        guard
            pathEnvironment != nil
                || ((language == .yaml || language == .keyValue) && Self.hasEnvironmentSection(context.file))
        else { return [] }
        let facts = context.facts
        let sections = sectionEnvironments(facts)
        var observations: [ProjectObservation] = []
        for named in facts.namedValues where named.valueKind == .literal {
            let value = facts.string(named.valueText)
            guard value.count >= 8 else { continue }
            let name = facts.string(named.nameText)
            guard CredentialNames.isCredentialName(name) || HardcodedAppkeyRule.isAppKeyName(name),
                LiteralSecretShape.looksLikeSecret(value, name: name),
                let environment = sections[named.nameToken] ?? pathEnvironment
            else { continue }
            observations.append(
                context.observation(
                    rule, range: named.valueRange,
                    key: SHA256.hex(value), detail: environment + "\u{0}" + name))
        }
        return observations
    }

    /// A line `production:` (YAML) or `[staging]` (INI) somewhere in the file.
    static func hasEnvironmentSection(_ file: SourceFile) -> Bool {
        let bytes = file.bytes
        for start in file.lineStarts {
            var i = start
            if i < bytes.count && bytes[i] == UInt8(ascii: "[") { i += 1 }
            var word: [UInt8] = []
            while i < bytes.count && word.count < 12,
                (bytes[i] >= 0x61 && bytes[i] <= 0x7A) || (bytes[i] >= 0x41 && bytes[i] <= 0x5A)
            {
                word.append(bytes[i] | 0x20); i += 1
            }
            guard !word.isEmpty, i < bytes.count, bytes[i] == UInt8(ascii: ":") || bytes[i] == UInt8(ascii: "]") else {
                continue
            }
            if environmentWords[String(decoding: word, as: UTF8.self)] != nil { return true }
        }
        return false
    }

    /// For each token, the environment named by the nearest section above it: `production:` at
    /// the start of a YAML line, or an INI `[staging]` header. One forward pass per file.
    private func sectionEnvironments(_ facts: FileFacts) -> [String?] {
        let bytes = facts.file.bytes
        let language = facts.file.language
        var current: String?
        var result: [String?] = []
        result.reserveCapacity(facts.tokens.count)
        for (i, token) in facts.tokens.enumerated() {
            if token.kind == .identifier {
                let atLineStart = token.start == 0 || bytes[token.start - 1] == 0x0A
                if language == .yaml && atLineStart {
                    current = Self.environmentWords[facts.text(i).lowercased()]
                } else if language == .keyValue && facts.isPunct(i - 1, "[") {
                    current = Self.environmentWords[facts.text(i).lowercased()]
                }
            }
            result.append(current)
        }
        return result
    }

    func conclude(_ observations: [ProjectObservation], _ rule: RuleDefinition, _ settings: ScanSettings) -> [Finding] {
        var findings: [Finding] = []
        let ordered = observations.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
        for (_, group) in Dictionary(grouping: ordered, by: \.key) {
            let first = group[0]
            let firstEnvironment = String(first.detail.split(separator: "\u{0}")[0])
            for other in group.dropFirst() {
                let parts = other.detail.split(separator: "\u{0}").map(String.init)
                guard parts[0] != firstEnvironment else { continue }
                let message = rule.message(
                    "shared", ["name": parts[1], "environment": parts[0], "firstEnvironment": firstEnvironment])
                findings.append(
                    other.finding(
                        rule, message: message,
                        related: [first.location(rule.message("firstUse", ["environment": firstEnvironment]))]))
            }
        }
        return findings
    }
}
