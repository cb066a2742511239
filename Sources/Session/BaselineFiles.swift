import Config
import Discovery
import Engine
import Model
import Rules
import Support
import Suppression

/// Reading a baseline file, and which key a scan's fingerprints use, chosen with the baseline
/// it reads or writes. The plan owns both, so Suppression (which only matches fingerprints)
/// reads no file and knows no key type.
extension Baseline {
    public static func load(path: String) throws(ConfigError) -> Baseline {
        switch FileReader.readSettingsFile(path) {
        case .success(let bytes): return try parse(bytes, path: path)
        case .failure(let error):
            throw ConfigError(file: path, line: 0, column: 0, problem: "cannot read baseline file: \(error)")
        }
    }

    /// The key this baseline's fingerprints were made with (`environmentKey`: the CI secret, if set).
    public func fingerprintKey(environmentKey: FingerprintKey?, path: String) throws(ConfigError) -> FingerprintKey {
        switch keying {
        case .salt: return .salt(salt)
        case .environment:
            guard let environmentKey else {
                throw ConfigError(
                    file: path, line: 0, column: 0,
                    problem:
                        "this baseline's fingerprints were keyed with \(FingerprintKey.environmentVariable), which is not set"
                )
            }
            return environmentKey
        }
    }

    /// The key a scan uses, CLI and LSP alike: the baseline's when one is read (so its
    /// fingerprints match), else the CI secret, else none.
    public static func scanKey(reading baseline: Baseline?, path: String, environmentKey: FingerprintKey?)
        throws(ConfigError) -> FingerprintKey
    {
        guard let baseline else { return environmentKey ?? .none }
        return try baseline.fingerprintKey(environmentKey: environmentKey, path: path)
    }

    /// The key for `--write-baseline FILE`: the CI secret if set, else the salt of the baseline
    /// already at `path` (so rewriting does not churn every fingerprint), else a new salt.
    public static func keyForWriting(to path: String, environmentKey: FingerprintKey?) -> (FingerprintKey, Baseline) {
        if let environmentKey { return (environmentKey, Baseline(findings: [], salt: [], keying: .environment)) }
        let salt =
            (try? load(path: path)).flatMap { $0.keying == .salt && !$0.salt.isEmpty ? $0.salt : nil } ?? newSalt()
        return (.salt(salt), Baseline(findings: [], salt: salt, keying: .salt))
    }
}
