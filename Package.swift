// swift-tools-version:6.0
import PackageDescription

// No third-party packages: the toolchain's Foundation, Dispatch, Glibc and XCTest only.
let package = Package(
    name: "authlint",
    products: [
        .executable(name: "authlint", targets: ["authlint"])
    ],
    targets: [
        // Turns rules/*.json into generated Swift so a lone release binary carries its catalog. It
        // validates them with RuleLoader (in Engine), the code that loads user rule folders.
        .executableTarget(name: "RuleEmbedder", dependencies: ["Engine", "Model"], path: "Sources/RuleEmbedder"),
        .plugin(
            name: "EmbedRulesPlugin", capability: .buildTool(),
            dependencies: ["RuleEmbedder"], path: "Sources/EmbedRulesPlugin"),
        .target(name: "Support", dependencies: []),
        .target(name: "Model", dependencies: ["Support"]),
        .target(name: "Discovery", dependencies: ["Model", "Support"]),
        .target(name: "Lexing", dependencies: ["Model", "Support"]),
        .target(name: "Facts", dependencies: ["Lexing", "Model", "Support"]),
        .target(name: "Suppression", dependencies: ["Model", "Support"]),
        .target(name: "Prefilter", dependencies: ["Model", "Support"]),
        .target(
            name: "Engine",
            dependencies: ["Prefilter", "Facts", "Lexing", "Suppression", "Discovery", "Model", "Support"]),
        .target(
            name: "Rules", dependencies: ["Engine", "Prefilter", "Facts", "Model", "Support"],
            plugins: ["EmbedRulesPlugin"]),
        .target(name: "Reporting", dependencies: ["Model", "Support"]),
        .target(name: "Config", dependencies: ["Model", "Support"]),
        .target(
            name: "Session",
            dependencies: ["Config", "Discovery", "Engine", "Rules", "Suppression", "Model", "Support"]),
        .target(name: "LSP", dependencies: ["Session", "Engine", "Lexing", "Suppression", "Model", "Support"]),
        .target(
            name: "CLI",
            dependencies: [
                "LSP", "Session", "Reporting", "Config", "Discovery", "Engine", "Rules", "Suppression", "Model",
                "Support",
            ]),
        .executableTarget(name: "authlint", dependencies: ["CLI"], path: "Sources/authlint"),
        .testTarget(
            name: "AuthLintCoreTests",
            dependencies: [
                "Support", "Model", "Discovery", "Lexing", "Facts", "Suppression", "Prefilter", "Engine", "Rules",
                "Reporting", "Config", "Session", "LSP", "CLI",
            ], path: "Tests/AuthLintCoreTests",
            exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)

// One target per stage; release builds optimise across them (the scan's hot paths call small
// Support and Model functions from every stage, and an unspecialised generic call per byte costs).
for target in package.targets where target.type == .regular {
    target.swiftSettings = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]
}
