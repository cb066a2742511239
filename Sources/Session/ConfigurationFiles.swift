import Config
import Discovery
import Engine
import Foundation
import Model
import Rules
import Support
import Suppression

/// Finding and reading `.authlint.json`: the plan's job, so Config only parses what it is given.
extension Configuration {
    /// Nearest `.authlint.json` from `directory` upward, if any, never above the repository
    /// root (the nearest directory holding `.git`): a config planted above a clone, in a shared
    /// parent such as /tmp or a CI workspace, must not be able to switch its checks off.
    public static func find(from directory: String) -> String? {
        var dir = PathSyntax.absolute(directory)
        while true {
            let candidate = PathSyntax.join(dir, ".authlint.json")
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            if FileManager.default.fileExists(atPath: PathSyntax.join(dir, ".git")) { return nil }
            let parent = PathSyntax.parent(dir)
            if parent == dir || parent.isEmpty { return nil }
            dir = parent
        }
    }

    public static func load(path: String) throws(ConfigError) -> Configuration {
        let data: [UInt8]
        switch FileReader.readSettingsFile(path) {
        case .success(let bytes): data = bytes
        case .failure(let error):
            throw ConfigError(file: path, line: 0, column: 0, problem: "cannot read config file: \(error)")
        }
        return try parse(bytes: data, path: path)
    }
}
