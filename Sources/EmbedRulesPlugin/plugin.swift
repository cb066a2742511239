import Foundation
import PackagePlugin

/// Runs RuleEmbedder over every `rules/*.json` and the file names under `Rules/`, so the catalog
/// is validated and compiled into the Rules target (as Swift values for a scan, and as text for the
/// examples) and the Swift-coded rules are registered from their rule files.
@main
struct EmbedRulesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rulesDir = context.package.directoryURL.appendingPathComponent("rules")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: rulesDir.path)) ?? []
        // rules/schema.json is the JSON Schema of a rule file, not a rule.
        let inputs = names.filter { $0.hasSuffix(".json") && $0 != "schema.json" }.sorted().map {
            rulesDir.appendingPathComponent($0)
        }
        // The rule sources are inputs too: a `…Rule.swift` without its rule file fails the build.
        var ruleSources: [URL] = []
        if let files = target.sourceModule?.sourceFiles {
            for file in files where file.url.path.contains("/Rules/") && file.url.path.hasSuffix(".swift") {
                ruleSources.append(file.url)
            }
        }
        ruleSources.sort { $0.path < $1.path }
        let catalog = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedRules.swift")
        let compiled = context.pluginWorkDirectoryURL.appendingPathComponent("CompiledRules.swift")
        let registry = context.pluginWorkDirectoryURL.appendingPathComponent("GeneratedRuleRegistry.swift")
        let arguments: [String] =
            [catalog.path, compiled.path, registry.path, "--rules"] + inputs.map(\.path)
            + ["--sources"] + ruleSources.map(\.path)
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) rule files",
                executable: try context.tool(named: "RuleEmbedder").url,
                arguments: arguments,
                inputFiles: inputs + ruleSources,
                outputFiles: [catalog, compiled, registry])
        ]
    }
}
