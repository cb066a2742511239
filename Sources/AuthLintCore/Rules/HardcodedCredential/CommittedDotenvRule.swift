import Foundation

/// `committed-dotenv`: a `.env` file holding real credentials that git tracks or does not
/// ignore, so the next `git add -A` publishes it. `.env.example`-style templates are exempt.
struct CommittedDotenvRule: ProjectRule {
    let messageFields: [String: Set<String>] = ["notIgnored": ["file", "names"]]

    static let templateSuffixes = ["example", "sample", "template", "dist", "defaults", "default", "schema", "tmpl", "tpl"]

    static func isDotEnvFile(_ path: String) -> Bool {
        let name = PathSyntax.lastComponent(path).lowercased()
        guard name == ".env" || name.hasPrefix(".env.") || name.hasSuffix(".env") else { return false }
        return !templateSuffixes.contains { name.hasSuffix("." + $0) }
    }

    func collect(_ context: FileContext, _ rule: RuleDefinition) -> [ProjectObservation] {
        guard Self.isDotEnvFile(context.file.path) else { return [] }
        let credentials = context.facts.namedValues.filter { named in
            named.valueKind == .literal && (CredentialNames.isCredentialName(named.name) || HardcodedAppkeyRule.isAppKeyName(named.name))
                && LiteralSecretShape.isPlausibleLiteral(named.value, name: named.name) && named.value.count >= 6
        }
        guard let first = credentials.first else { return [] }
        let names = credentials.prefix(3).map(\.name).joined(separator: ", ") + (credentials.count > 3 ? ", …" : "")
        return [context.observation(rule, range: first.valueRange, key: context.file.path, detail: names)]
    }

    func conclude(_ observations: [ProjectObservation], _ rule: RuleDefinition, _ settings: ScanSettings) -> [Finding] {
        observations.filter { !Self.isIgnoredByGit($0.file) }.map { observation in
            observation.finding(rule, message: rule.message("notIgnored", ["file": observation.file, "names": observation.detail]))
        }
    }

    /// True when git ignores the file and does not track it; false outside a git work tree,
    /// where nothing can be said (the scan is then not of a repository).
    /// Ignore rules are matched by authlint itself (`RepositoryIgnore`), never by
    /// `git check-ignore`; only an ignored file costs one hardened `git ls-files` (ignore
    /// rules do not apply to a file git already tracks).
    static func isIgnoredByGit(_ path: String) -> Bool {
        // The path may be an editor buffer or a staged file that is not on disk: its nearest
        // existing directory finds the work tree.
        let absolute = PathSyntax.absolute(path)
        var directory = PathSyntax.parent(absolute)
        while directory != "/" && !FileManager.default.fileExists(atPath: directory) { directory = PathSyntax.parent(directory) }
        guard let root = Git.workTreeRoot(containing: directory) else { return true }
        let components = absolute.dropFirst(root == "/" ? 1 : root.count + 1).split(separator: "/")
        guard absolute.hasPrefix(root + "/") || root == "/", !components.isEmpty else { return true }
        guard RepositoryIgnore.isIgnored(components, root: root) else { return false }
        // Tracked despite the ignore rule? A failing git counts as tracked: report, not stay silent.
        guard let listed = try? Git.run(["ls-files", "-z", "--cached", "--", components.joined(separator: "/")], cwd: root) else { return false }
        return listed.isEmpty
    }
}
