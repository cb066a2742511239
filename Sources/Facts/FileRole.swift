import Lexing
import Model
import Support

/// What a file is for, judged from its path (and, for generated code, its first bytes). A file
/// may have several roles (`vendor/lib/test/x.go` is vendored test code); a file with none is
/// shipped code. Rules read `facts.role` instead of matching paths themselves.
public struct FileRole: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Test code: `tests/`, `__tests__/`, `*_test.go`, `FooTests.swift`, `conftest.py`.
    public static let test = FileRole(rawValue: 1 << 0)
    /// Test data and fixtures: `testdata/`, `fixtures/` (inputs, recorded responses, test vectors).
    public static let fixture = FileRole(rawValue: 1 << 1)
    /// Documentation and examples: `docs/`, `examples/`, `README.md`.
    public static let documentation = FileRole(rawValue: 1 << 2)
    /// Generated code: minified bundles, `*.pb.go`, files headed "Code generated … DO NOT EDIT".
    public static let generated = FileRole(rawValue: 1 << 3)
    /// Third-party code copied in: `vendor/`, `node_modules/`, `third_party/`, `Pods/`.
    public static let vendored = FileRole(rawValue: 1 << 4)

    /// Code the project ships and runs: no other role.
    public var isShipped: Bool { isEmpty }
    /// Test code or its data: where TLS is switched off against local servers on purpose and URLs
    /// are parser inputs. (Exactly the paths the former `isTestPath` matched.)
    public var isTestCode: Bool { !isDisjoint(with: [.test, .fixture]) }

    /// The roles of `path`; `head` (the file's first bytes, optional) finds generated-code banners.
    public init(path: String, head: ArraySlice<UInt8> = []) {
        self = []
        let parts = path.lowercased().split(separator: "/")
        let name = parts.last.map(String.init) ?? ""
        for directory in parts.dropLast() {
            if let role = Self.directoryRoles[String(directory)] { insert(role) }
        }
        // Test-support modules: `HummingbirdTesting`, `NIOSSLPerformanceTester`, `test_utils`.
        if path.split(separator: "/").dropLast().contains(where: Self.isTestSupportModule) { insert(.test) }
        if Self.isTestFileName(name) { insert(.test) }
        // API documentation examples beside a service model (botocore's `examples-1.json`).
        if Self.documentationNames.contains(name) || (name.hasPrefix("examples-") && name.hasSuffix(".json")) {
            insert(.documentation)
        }
        if Self.generatedSuffixes.contains(where: { name.hasSuffix($0) }) || Self.hasGeneratedBanner(head) {
            insert(.generated)
        }
    }

    /// Directory names (lower-cased) and the role of everything below them.
    static let directoryRoles: [String: FileRole] = [
        "test": .test, "tests": .test, "testing": .test, "spec": .test, "specs": .test, "__tests__": .test,
        "e2e": .test,
        // Benchmarks exercise the code with made-up keys and tokens, like tests; they do not ship.
        "benchmarks": .test, "benchmark": .test,
        "testdata": .fixture, "fixtures": .fixture,
        "docs": .documentation, "doc": .documentation, "examples": .documentation, "example": .documentation,
        "vendor": .vendored, "node_modules": .vendored, "third_party": .vendored, "thirdparty": .vendored,
        "pods": .vendored, "bower_components": .vendored,
    ]

    /// A directory named as a test-support module: `…Testing` / `…Tester` as a word of its own
    /// (`HummingbirdTesting`, `perf_tester`, not `Contesting`), or `testsupport`, `testutils`.
    static func isTestSupportModule(_ directory: Substring) -> Bool {
        if ["testsupport", "testutils", "test_utils", "test-utils", "testhelpers"].contains(directory.lowercased()) {
            return true
        }
        for suffix in ["Testing", "Tester", "_testing", "-testing", "_tester"] where directory.hasSuffix(suffix) {
            return directory.count > suffix.count
        }
        return false
    }

    static func isTestFileName(_ name: String) -> Bool {
        name.hasPrefix("test_") || name.hasSuffix("_test.go") || name.hasSuffix("_test.py") || name.contains(".test.")
            || name.contains(".spec.") || name.hasSuffix("tests.swift") || name.hasSuffix("test.java")
            || name.hasSuffix("test.kt") || name == "conftest.py"
    }

    static let documentationNames: Set<String> = [
        "readme.md", "readme.rst", "readme.txt", "readme", "contributing.md", "changelog.md",
    ]
    static let generatedSuffixes = [
        ".min.js", ".min.css", ".pb.go", "_pb2.py", ".pb.swift", ".g.dart", ".designer.cs", ".bundle.js",
    ]

    /// "Code generated … DO NOT EDIT" (Go's convention), `@generated`, "auto-generated" in the
    /// first 512 bytes.
    static func hasGeneratedBanner(_ head: ArraySlice<UInt8>) -> Bool {
        guard !head.isEmpty else { return false }
        let text = String(decoding: head.prefix(512), as: UTF8.self).lowercased()
        // Byte searches: `String.contains` went through NSString, 0.8 % of a scan for 512 bytes a file.
        return (text.containsBytes("code generated") && text.containsBytes("do not edit"))
            || text.containsBytes("@generated") || text.containsBytes("auto-generated")
            || text.containsBytes("autogenerated")
    }
}

extension FileFacts {
    private static let roleKey = FactKey<FileRole>("role")
    /// The roles of this file (path and first bytes), computed once. (`FileContext.role` gives the
    /// same without lexing the file.)
    public var role: FileRole { memo(Self.roleKey) { FileRole(path: file.path, head: file.bytes.prefix(512)) } }
}
