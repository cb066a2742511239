import Engine
import Facts
import Model
import Prefilter
import Support

/// `committed-dotenv`: a `.env` file holding real credentials that git tracks or does not
/// ignore, so the next `git add -A` publishes it. `.env.example`-style templates are exempt.
/// What git tracks and ignores comes from `settings.repository`; the rule runs no git itself.
struct CommittedDotenvRule: ProjectRule {
    let messageFields: [String: Set<String>] = ["notIgnored": ["file", "names"]]

    static let templateSuffixes = [
        "example", "sample", "template", "dist", "defaults", "default", "schema", "tmpl", "tpl",
    ]

    static func isDotEnvFile(_ path: String) -> Bool {
        let name = PathSyntax.lastComponent(path).lowercased()
        guard name == ".env" || name.hasPrefix(".env.") || name.hasSuffix(".env") else { return false }
        return !templateSuffixes.contains { name.hasSuffix("." + $0) }
    }

    func collect(_ context: FileContext, _ rule: RuleDefinition) -> [ProjectObservation] {
        guard Self.isDotEnvFile(context.file.path) else { return [] }
        let facts = context.facts
        let credentials = facts.namedValues.filter { named in
            guard named.valueKind == .literal else { return false }
            let name = facts.string(named.nameText), value = facts.string(named.valueText)
            return (CredentialNames.isCredentialName(name) || HardcodedAppkeyRule.isAppKeyName(name))
                && LiteralSecretShape.isPlausibleLiteral(value, name: name) && value.count >= 6
        }
        guard let first = credentials.first else { return [] }
        let names =
            credentials.prefix(3).map { facts.string($0.nameText) }.joined(separator: ", ")
            + (credentials.count > 3 ? ", …" : "")
        return [context.observation(rule, range: first.valueRange, key: context.file.path, detail: names)]
    }

    func conclude(_ observations: [ProjectObservation], _ rule: RuleDefinition, _ settings: ScanSettings) -> [Finding] {
        observations.filter { !settings.repository.isKeptOutOfGit($0.file) }.map { observation in
            observation.finding(
                rule, message: rule.message("notIgnored", ["file": observation.file, "names": observation.detail]))
        }
    }
}
