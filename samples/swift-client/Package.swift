// swift-tools-version:5.9
import PackageDescription

let package = Package(
    name: "ReportClient",
    targets: [.target(name: "ReportClient")]
)
