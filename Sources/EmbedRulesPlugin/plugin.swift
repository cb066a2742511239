import Foundation
import PackagePlugin

/// Runs RuleEmbedder over every `rules/*.json` so the catalog is compiled into AuthLintCore.
@main
struct EmbedRulesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rulesDir = context.package.directoryURL.appendingPathComponent("rules")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: rulesDir.path)) ?? []
        let inputs = names.filter { $0.hasSuffix(".json") }.sorted().map { rulesDir.appendingPathComponent($0) }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedRules.swift")
        return [.buildCommand(
            displayName: "Embedding \(inputs.count) rule files",
            executable: try context.tool(named: "RuleEmbedder").url,
            arguments: [output.path] + inputs.map(\.path),
            inputFiles: inputs,
            outputFiles: [output])]
    }
}
