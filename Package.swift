// swift-tools-version:6.0
import PackageDescription

// No third-party packages: the toolchain's Foundation, Dispatch, Glibc and XCTest only.

// One target per stage; release builds optimise across them (the scan's hot paths call small
// Support and Model functions from every stage, and an unspecialised generic call per byte costs).
let stageSettings: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]
let package = Package(
    name: "authlint",
    products: [
        .executable(name: "authlint", targets: ["authlint"]),
    ],
    targets: [
        // Turns rules/*.json into generated Swift so a lone release binary carries its catalog.
        .executableTarget(name: "RuleEmbedder", path: "Sources/RuleEmbedder"),
        .plugin(name: "EmbedRulesPlugin", capability: .buildTool(),
                dependencies: ["RuleEmbedder"], path: "Sources/EmbedRulesPlugin"),
        .target(name: "Support", dependencies: [], swiftSettings: stageSettings),
        .target(name: "Model", dependencies: ["Support"], swiftSettings: stageSettings),
        .target(name: "Discovery", dependencies: ["Model", "Support"], swiftSettings: stageSettings),
        .target(name: "Lexing", dependencies: ["Model", "Support"], swiftSettings: stageSettings),
        .target(name: "Facts", dependencies: ["Lexing", "Model", "Support"], swiftSettings: stageSettings),
        .target(name: "Suppression", dependencies: ["Model", "Support"], swiftSettings: stageSettings),
        .target(name: "Prefilter", dependencies: ["Model", "Support"], swiftSettings: stageSettings),
        .target(name: "Engine", dependencies: ["Prefilter", "Facts", "Lexing", "Suppression", "Discovery", "Model", "Support"], swiftSettings: stageSettings),
        .target(name: "Rules", dependencies: ["Engine", "Prefilter", "Facts", "Model", "Support"], swiftSettings: stageSettings, plugins: ["EmbedRulesPlugin"]),
        .target(name: "Reporting", dependencies: ["Model", "Support"], swiftSettings: stageSettings),
        .target(name: "Config", dependencies: ["Model", "Support"], swiftSettings: stageSettings),
        .target(name: "Session", dependencies: ["Config", "Discovery", "Engine", "Rules", "Suppression", "Model", "Support"], swiftSettings: stageSettings),
        .target(name: "LSP", dependencies: ["Session", "Engine", "Lexing", "Suppression", "Model", "Support"], swiftSettings: stageSettings),
        .target(name: "CLI", dependencies: ["LSP", "Session", "Reporting", "Config", "Discovery", "Engine", "Rules", "Suppression", "Model", "Support"], swiftSettings: stageSettings),
        .executableTarget(name: "authlint", dependencies: ["CLI"], path: "Sources/authlint"),
        .testTarget(name: "AuthLintCoreTests", dependencies: ["Support", "Model", "Discovery", "Lexing", "Facts", "Suppression", "Prefilter", "Engine", "Rules", "Reporting", "Config", "Session", "LSP", "CLI"], path: "Tests/AuthLintCoreTests",
                    exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
