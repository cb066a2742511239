import Foundation

/// `credential-shared-across-environments`: the same credential value configured for two
/// environments (prod vs dev/staging/test), by file name (`.env.production`, `config/dev.yaml`)
/// or section (`production:` in YAML, `[staging]` in INI). Both seed APIs ask for one key per
/// environment, so a leaked dev key must not open production. Values are compared by hash only.
struct SharedAcrossEnvironmentsRule: ProjectRule {
    let id = "credential-shared-across-environments"

    static let environmentWords: [String: String] = [
        "prod": "production", "production": "production", "prd": "production", "live": "production",
        "dev": "development", "development": "development", "local": "development",
        "staging": "staging", "stage": "staging", "stg": "staging", "preprod": "staging", "uat": "staging",
        "test": "test", "testing": "test", "qa": "test", "ci": "test", "sandbox": "test",
    ]

    static func environment(ofPath path: String) -> String? {
        let parts = path.lowercased().split(whereSeparator: { "/._-".contains($0) }).map(String.init)
        return parts.reversed().lazy.compactMap { environmentWords[$0] }.first
    }

    func collect(_ context: FileContext, _ rule: RuleDefinition) -> [ProjectObservation] {
        let language = context.file.language
        guard language == .yaml || language == .json || language == .keyValue || language == .xml else { return [] }
        let facts = context.facts
        let pathEnvironment = Self.environment(ofPath: context.file.path)
        var observations: [ProjectObservation] = []
        for named in facts.namedValues where named.valueKind == .literal && named.value.count >= 8 {
            guard CredentialNames.isCredentialName(named.name) || HardcodedAppKeyRule.isAppKeyName(named.name),
                  LiteralSecretShape.isPlausibleLiteral(named.value, name: named.name),
                  let environment = sectionEnvironment(facts, before: named.nameToken) ?? pathEnvironment else { continue }
            observations.append(ProjectObservation(context, rule, range: named.valueRange,
                                                   key: SHA256.hex(named.value), detail: environment + "\u{0}" + named.name))
        }
        return observations
    }

    /// `production:` at the top level of a YAML file, or an INI `[staging]` section, above the token.
    private func sectionEnvironment(_ facts: FileFacts, before index: Int) -> String? {
        var i = index - 1
        while i >= 0 {
            let token = facts.tokens[i]
            if token.kind == .identifier, facts.file.language == .yaml, facts.file.position(at: token.start).column == 1,
               let environment = Self.environmentWords[facts.text(i).lowercased()] { return environment }
            if token.kind == .identifier, facts.file.language == .keyValue, facts.isPunct(i - 1, "["),
               let environment = Self.environmentWords[facts.text(i).lowercased()] { return environment }
            i -= 1
        }
        return nil
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
                findings.append(other.finding(rule, message: "\(parts[1]) for \(parts[0]) has the same value as the \(firstEnvironment) credential at \(first.file):\(first.line): issue a separate key per environment"))
            }
        }
        return findings
    }
}
