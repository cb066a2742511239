// swift-tools-version:6.0
import PackageDescription

// No third-party packages: the toolchain's Foundation, Dispatch, Glibc and XCTest only.
let package = Package(
    name: "authlint",
    products: [
        .executable(name: "authlint", targets: ["authlint"]),
        .library(name: "AuthLintCore", targets: ["AuthLintCore"]),
    ],
    targets: [
        // Turns rules/*.json into generated Swift so a lone release binary carries its catalog.
        .executableTarget(name: "RuleEmbedder", path: "Sources/RuleEmbedder"),
        .plugin(name: "EmbedRulesPlugin", capability: .buildTool(),
                dependencies: ["RuleEmbedder"], path: "Sources/EmbedRulesPlugin"),
        .target(name: "AuthLintCore", path: "Sources/AuthLintCore",
                plugins: ["EmbedRulesPlugin"]),
        .executableTarget(name: "authlint", dependencies: ["AuthLintCore"], path: "Sources/authlint"),
        .testTarget(name: "AuthLintCoreTests", dependencies: ["AuthLintCore"], path: "Tests/AuthLintCoreTests",
                    exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
