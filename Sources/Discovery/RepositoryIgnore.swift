import Foundation
import Model
import Support

/// "Does git ignore this path?" answered by authlint's own gitignore matcher, without running
/// git (which would run the repository's fsmonitor): `.git/info/exclude` and the `.gitignore`
/// of every directory from the work-tree root down, each directory on the way checked first
/// (nothing below an ignored directory can be re-included). The user's global excludes file
/// is not read: a `.env` only ignored on one machine is still reported.
enum RepositoryIgnore {
    /// Largest ignore file read; a larger one is treated as absent (the file then counts as not
    /// ignored, so the check reports rather than stays silent).
    static let maxIgnoreFileSize = 1 << 20

    /// `components`: the path below `root`, `/`-separated, non-empty.
    static func isIgnored(_ components: [Substring], root: String) -> Bool {
        guard !components.isEmpty else { return false }
        var stack = IgnoreStack()
        if let text = read(root + "/.git/info/exclude") {
            stack.files.append(IgnoreFile(contents: text, directory: []))
        }
        for depth in 0..<components.count {
            let directory = Array(components[0..<depth])
            let directoryPath = directory.isEmpty ? root : root + "/" + directory.joined(separator: "/")
            if let text = read(directoryPath + "/.gitignore") {
                stack.files.append(IgnoreFile(contents: text, directory: directory))
            }
            if stack.isIgnored(Array(components[0...depth]), isDirectory: depth < components.count - 1) { return true }
        }
        return false
    }

    private static func read(_ path: String) -> String? {
        // FileReader: never blocks on a FIFO named .gitignore, and caps the size.
        guard case .success(let bytes) = FileReader.read(path: path, maxSize: maxIgnoreFileSize) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
