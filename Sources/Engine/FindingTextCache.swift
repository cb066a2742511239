import Foundation
import Model
import Support

/// A finding's secret-free texts (its snippet, and the context and secret tag its fingerprint
/// hashes) depend only on the bytes around the match, the secret spans there, the rule and two
/// settings, never on where in which file they are. A history scan builds the same finding in
/// every version of a file (a key that stays for 300 commits was redacted, scrubbed and hashed
/// 300 times), so they are kept here, keyed on exactly those inputs: a hit returns what
/// building them again would. Bounded: emptied when full.
final class FindingTextCache: @unchecked Sendable {
    struct Key: Hashable {
        var rule: String
        /// The file's bytes from the earliest to the last offset below (copied: a key must not
        /// keep the whole file alive).
        var bytes: [UInt8]
        /// Offsets relative to `bytes`: the match, the fingerprint's context, the rule's secret,
        /// and the secret spans the snippet and the context mask.
        var match: Range<Int>
        var context: Range<Int>
        var secret: Range<Int>?
        var snippetSpans: [Range<Int>]
        var contextSpans: [Range<Int>]
        var showSecrets: Bool
        var fingerprintKey: FingerprintKey

        func hash(into hasher: inout Hasher) {
            hasher.combine(rule)
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
            hasher.combine(match.lowerBound)
            hasher.combine(match.upperBound)
            hasher.combine(context.lowerBound)
            hasher.combine(context.upperBound)
            hasher.combine(snippetSpans.count)
            hasher.combine(contextSpans.count)
        }
    }

    struct Texts {
        var snippet: String
        var context: String
        var secretPart: String
    }

    static let shared = FindingTextCache()
    static let capacity = 4096

    private let lock = NSLock()
    private var entries: [Key: Texts] = [:]
    /// Lookups answered from the cache (tests check that a repeat is one).
    private(set) var hits = 0

    func texts(for key: Key, build: () -> Texts) -> Texts {
        lock.lock()
        if let found = entries[key] {
            hits += 1
            lock.unlock()
            return found
        }
        lock.unlock()
        let built = build()
        lock.lock()
        if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = built
        lock.unlock()
        return built
    }

    func removeAll() {
        lock.lock(); defer { lock.unlock() }
        entries.removeAll()
    }
}
