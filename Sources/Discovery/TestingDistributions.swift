import Foundation
import Glibc
import Support

/// Installed Python distributions that declare themselves testing tools: a `*.dist-info/METADATA`
/// with the classifier `Topic :: Software Development :: Testing` (moto, pytest, hypothesis).
/// Their packages are test support, not shipped code: moto's CA key and its fake AWS
/// credentials exist so tests need no real ones. The files of such a package get the test role.
///
/// Answers are computed per directory on first use (one listing of the directory, and the two
/// small files of each `.dist-info` in it) and kept for the scan; threads share one instance.
public final class TestingDistributions: @unchecked Sendable {
    static let classifier = "Classifier: Topic :: Software Development :: Testing"
    /// METADATA is a few KiB; the classifiers come before the long description.
    static let metadataLimit = 256 * 1024

    private let lock = NSLock()
    /// Directory → names of the testing packages installed in it (usually none).
    private var packagesByDirectory: [String: Set<String>] = [:]

    public init() {}

    /// True when some directory on `path` is a package of a testing distribution installed
    /// beside it (`site-packages/moto/core/models.py` with `site-packages/moto-5.2.1.dist-info`).
    public func contains(_ path: String) -> Bool {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard components.count >= 2 else { return false }
        var parent = path.hasPrefix("/") ? "/" : "."
        for (index, component) in components.dropLast().enumerated() where !component.isEmpty {
            if index > 0 || component != "." {
                if testingPackages(in: parent).contains(String(component)) { return true }
            }
            parent = parent == "." ? String(component) : parent == "/" ? "/" + component : parent + "/" + component
        }
        return false
    }

    private func testingPackages(in directory: String) -> Set<String> {
        lock.lock()
        if let known = packagesByDirectory[directory] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let found = Self.scan(directory)
        lock.lock()
        packagesByDirectory[directory] = found
        lock.unlock()
        return found
    }

    /// The top-level packages of every testing distribution whose `.dist-info` is in `directory`.
    static func scan(_ directory: String) -> Set<String> {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var packages = Set<String>()
        while let entry = readdir(dir) {
            let name = RawPath.displayName(FileWalker.name(of: entry))
            guard name.hasSuffix(".dist-info") else { continue }
            let info = directory + "/" + name
            guard let metadata = read(info + "/METADATA", limit: metadataLimit),
                metadata.split(separator: "\n").contains(where: { $0.hasPrefix(classifier) })
            else { continue }
            let topLevel =
                read(info + "/top_level.txt", limit: 64 * 1024)?
                .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty } ?? []
            // No top_level.txt (newer wheels): the distribution's own name, as its import name.
            let distribution = name.split(separator: "-").first.map { $0.replacingOccurrences(of: ".", with: "_") }
            packages.formUnion(topLevel.isEmpty ? distribution.map { [$0] } ?? [] : topLevel)
        }
        return packages
    }

    private static func read(_ path: String, limit: Int) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: limit) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
