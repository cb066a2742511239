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
        self = Self.ofPath(path).union(Self.ofHead(head))
    }

    /// The roles the path alone gives: a scan that meets one path many times (git history)
    /// computes them once per path and adds `ofHead` per version.
    public static func ofPath(_ path: String) -> FileRole {
        var role: FileRole = []
        // An ASCII path (nearly every one) is split by bytes: splitting by Characters was two
        // thirds of this. For ASCII, lower-casing each component is lower-casing the path.
        let ascii = path.utf8.allSatisfy { $0 < 0x80 }
        let components: [Substring] =
            ascii
            ? path.utf8.split(separator: UInt8(ascii: "/")).map { path[$0.startIndex..<$0.endIndex] }
            : path.split(separator: "/")
        let parts: [Substring] =
            ascii ? components.map { Substring($0.lowercased()) } : path.lowercased().split(separator: "/")
        let name = parts.last.map(String.init) ?? ""
        for directory in parts.dropLast() {
            if let found = directoryRoles[String(directory)] { role.insert(found) }
        }
        // Test-support modules: `HummingbirdTesting`, `NIOSSLPerformanceTester`, `test_utils`.
        if components.dropLast().contains(where: isTestSupportModule) { role.insert(.test) }
        if isTestFileName(name) { role.insert(.test) }
        // API documentation examples beside a service model (botocore's `examples-1.json`).
        if documentationNames.contains(name) || (name.hasPrefix("examples-") && name.hasSuffix(".json")) {
            role.insert(.documentation)
        }
        // Test vectors: `*Vectors/` directories.
        if parts.dropLast().contains(where: { $0.hasSuffix("vectors") }) { role.insert(.fixture) }
        if generatedSuffixes.contains(where: { name.hasSuffix($0) }) { role.insert(.generated) }
        return role
    }

    /// The roles a file's first bytes give: Wycheproof-style test vectors (`testGroups`,
    /// `tcId`) and generated-code banners.
    public static func ofHead(_ head: ArraySlice<UInt8>) -> FileRole {
        var role: FileRole = []
        if isTestVectorDocument(head) { role.insert(.fixture) }
        if hasGeneratedBanner(head) { role.insert(.generated) }
        return role
    }

    /// Directory names (lower-cased) and the role of everything below them.
    static let directoryRoles: [String: FileRole] = [
        "test": .test, "tests": .test, "testing": .test, "spec": .test, "specs": .test, "__tests__": .test,
        "e2e": .test,
        // Benchmarks exercise the code with made-up keys and tokens, like tests; they do not ship.
        "benchmarks": .test, "benchmark": .test,
        "testdata": .fixture, "fixtures": .fixture,
        "docs": .documentation, "doc": .documentation, "examples": .documentation, "example": .documentation,
        // Demo programs show the API with made-up credentials, like examples.
        "demo": .documentation, "demos": .documentation,
        "vendor": .vendored, "node_modules": .vendored, "third_party": .vendored, "thirdparty": .vendored,
        "pods": .vendored, "bower_components": .vendored,
        // pip, setuptools and others copy their dependencies into `_vendor/`.
        "_vendor": .vendored,
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

    /// A JSON document of test vectors in its first bytes: Wycheproof's `"numberOfTests"` /
    /// `"testGroups"` / `_test_schema.json`, or a `"tcId"` test-case id.
    static func isTestVectorDocument(_ head: ArraySlice<UInt8>) -> Bool {
        guard let first = head.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }),
            first == UInt8(ascii: "{")
        else { return false }
        let text = String(decoding: head.prefix(512), as: UTF8.self)
        return text.contains("\"numberOfTests\"") || text.contains("\"testGroups\"")
            || text.contains("_test_schema.json")
            || text.contains("\"tcId\"")
    }

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

    /// The engine's classification, which also knows what the scan found beside the file
    /// (installed testing distributions), so rules and findings agree on the role.
    package func declareRole(_ role: FileRole) { _ = memo(Self.roleKey) { role } }
}

extension FileRole {
    /// The `if __name__ == "__main__":` block of a Python module that belongs to a package: the
    /// module has a relative import (`from . import …`), so it cannot run as a script and the
    /// block is a `python -m` demo or self-test (`rich.prompt` asks for a password and prints
    /// it). Findings there are treated as documentation; in a script the block is the program.
    public static func packageDemoBlock(in file: SourceFile) -> Range<Int>? {
        guard file.language == .python else { return nil }
        var hasRelativeImport = false
        var blockStart: Int?
        for line in 1...max(1, file.lineCount) {
            let range = file.lineRange(line)
            let text = file.bytes[range]
            if let start = blockStart {
                // The block ends at the next statement at column 0.
                if let first = text.first, first != 0x20, first != 0x09, first != 0x0A, first != 0x0D, first != 0x23 {
                    return hasRelativeImport ? start..<range.lowerBound : nil
                }
                continue
            }
            if text.starts(with: Array("from .".utf8)) { hasRelativeImport = true }
            if text.starts(with: Array("if __name__ ==".utf8)) && text.contains(UInt8(ascii: "_"))
                && String(decoding: text, as: UTF8.self).contains("__main__")
            {
                blockStart = range.lowerBound
            }
        }
        guard let start = blockStart, hasRelativeImport else { return nil }
        return start..<file.bytes.count
    }
}
