import Foundation
import XCTest

@testable import Engine
@testable import Model
@testable import Support

/// `FindingTextCache` keeps a finding's snippet and fingerprint texts across files (the same
/// finding in every version of a file in a history scan). A finding built from the cache must be
/// the one building it afresh gives, whatever else differs between the two files.
final class FindingTextCacheTests: XCTestCase {
    static let code = """
        import requests
        API_KEY = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"
        DB_PASSWORD = "Summer2024!x"
        requests.get("http://api.example.com/v1", headers={"Authorization": "Bearer abcdef0123456789abcdef"})

        """

    /// One scanner per settings: loading the catalog per file made the test minutes long.
    private var scanners: [String: ScanEngine] = [:]

    private func scan(_ path: String, _ text: String, settings: ScanSettings = ScanSettings()) throws -> [Finding] {
        let name = "\(settings.showSecrets) \(settings.fingerprintKey)"
        let scanner = try scanners[name] ?? TestSupport.builtinScanner(settings: settings)
        scanners[name] = scanner
        return scanner.scan(file: SourceFile(path: path, bytes: Array(text.utf8))).findings
    }

    /// Every sample file scanned with an empty cache, then again from a full one: same findings,
    /// and the second pass did use the cache.
    func testFindingsFromTheCacheAreThoseBuiltAfresh() throws {
        let root = TestSupport.packageRoot + "/samples"
        let files = try FileManager.default.subpathsOfDirectory(atPath: root).filter {
            !$0.hasSuffix("expected.json") && !$0.contains("/.")
        }.sorted()
        var fresh: [String: [Finding]] = [:]
        var total = 0
        for file in files {
            guard let data = FileManager.default.contents(atPath: root + "/" + file) else { continue }
            FindingTextCache.shared.removeAll()
            fresh[file] = try scan(file, String(decoding: data, as: UTF8.self))
            total += fresh[file]?.count ?? 0
        }
        XCTAssertGreaterThan(total, 100, "the samples should give findings to compare")
        // Warm the cache with every file, then scan each again.
        FindingTextCache.shared.removeAll()
        for (file, _) in fresh {
            let data = try XCTUnwrap(FileManager.default.contents(atPath: root + "/" + file))
            _ = try scan(file, String(decoding: data, as: UTF8.self))
        }
        let hitsBefore = FindingTextCache.shared.hits
        for (file, findings) in fresh {
            let data = try XCTUnwrap(FileManager.default.contents(atPath: root + "/" + file))
            XCTAssertEqual(try scan(file, String(decoding: data, as: UTF8.self)), findings, file)
        }
        XCTAssertGreaterThanOrEqual(FindingTextCache.shared.hits - hitsBefore, total)
    }

    /// The cache holds texts, not findings: the same lines at another path, moved down, or in a
    /// file of another role keep their own path, position, fingerprint and severity.
    func testSameBytesElsewhereKeepTheirOwnPathPositionAndFingerprint() throws {
        FindingTextCache.shared.removeAll()
        let first = try scan("app/settings.py", Self.code)
        XCTAssertGreaterThanOrEqual(first.count, 2, "\(first.map(\.rule))")
        for (path, text, linesDown) in [
            ("other/settings.py", Self.code, 0), ("app/settings.py", "# moved\n\n" + Self.code, 2),
            ("tests/test_settings.py", Self.code, 0),
        ] {
            let warm = try scan(path, text)
            FindingTextCache.shared.removeAll()
            let cold = try scan(path, text)
            XCTAssertEqual(warm, cold, path)
            XCTAssertTrue(warm.allSatisfy { $0.file == path }, path)
            XCTAssertEqual(warm.map(\.line), first.map { $0.line + linesDown }, path)
            // The path is in the fingerprint; a line move is not (fingerprints survive edits above).
            XCTAssertEqual(
                Set(warm.map(\.fingerprint)) == Set(first.map(\.fingerprint)), path == "app/settings.py", path)
        }
    }

    /// `--show-secrets` and the fingerprint key are part of what the texts are built from: a
    /// cache warmed under one setting never answers for another.
    func testSettingsAreNotMixedUp() throws {
        FindingTextCache.shared.removeAll()
        var shown = ScanSettings()
        shown.showSecrets = true
        let revealed = try scan("settings.py", Self.code, settings: shown)
        XCTAssertTrue(revealed.contains { $0.snippet.contains("sk_live_4eC39HqLyjWDarjtT1zdp7dc") })
        let redacted = try scan("settings.py", Self.code)
        XCTAssertFalse(redacted.contains { $0.snippet.contains("4eC39HqLyjWDarjtT1zdp7dc") })

        var keyed = ScanSettings()
        keyed.fingerprintKey = .secret(Array("ci-secret".utf8))
        let warmKeyed = try scan("settings.py", Self.code, settings: keyed)
        FindingTextCache.shared.removeAll()
        XCTAssertEqual(warmKeyed, try scan("settings.py", Self.code, settings: keyed))
        XCTAssertNotEqual(warmKeyed.map(\.fingerprint), redacted.map(\.fingerprint))
    }
}
