import Foundation
import Glibc

public struct WalkOptions: Sendable {
    public var followSymlinks = false
    public var maxFileSize = 10 * 1024 * 1024
    /// Extra exclusions in .gitignore syntax, relative to the walked root (config `exclude`).
    public var excludeGlobs: [String] = []
    public var respectIgnoreFiles = true
    public init() {}
}

public struct WalkedFile: Sendable, Equatable {
    /// Display path: as given on the command line, joined with the path below it.
    public var path: String
    public var size: Int
}

public struct WalkResult: Sendable {
    public var files: [WalkedFile] = []
    public var issues: [ScanIssue] = []
}

/// Recursive directory walk with git's ignore rules (`.gitignore` at every level and in the
/// directories above the root up to the repository, `.git/info/exclude`, `.authlintignore`).
/// Uses an explicit stack (deep trees cannot overflow), skips `.git/`, never descends into an
/// ignored directory, never follows symlinks unless asked (and then never loops).
public struct FileWalker: Sendable {
    public let options: WalkOptions
    public init(options: WalkOptions) { self.options = options }

    static let ignoreFileNames = [".gitignore", ".authlintignore"]

    public func walk(_ paths: [String]) -> WalkResult {
        var result = WalkResult()
        for root in paths {
            var info = stat()
            guard lstat(root, &info) == 0 || stat(root, &info) == 0 else {
                result.issues.append(ScanIssue(file: root, kind: .unreadable, message: "cannot stat: \(String(cString: strerror(errno)))"))
                continue
            }
            var isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
            if (info.st_mode & S_IFMT) == S_IFLNK {
                // A link named on the command line is followed: the user asked for it.
                var target = stat()
                if stat(root, &target) == 0 { info = target; isDirectory = (target.st_mode & S_IFMT) == S_IFDIR }
            }
            if isDirectory {
                walkDirectory(root, into: &result)
            } else if (info.st_mode & S_IFMT) == S_IFREG {
                addFile(root, size: Int(info.st_size), into: &result)  // explicit files are always scanned
            } else {
                result.issues.append(ScanIssue(file: root, kind: .notRegular, message: "not a regular file"))
            }
        }
        result.files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        var seen = Set<String>()
        result.files = result.files.filter { seen.insert($0.path).inserted }
        return result
    }

    private func addFile(_ path: String, size: Int, into result: inout WalkResult) {
        if size > options.maxFileSize {
            result.issues.append(.tooLarge(path, size: size, limit: options.maxFileSize))
        } else {
            result.files.append(WalkedFile(path: path, size: size))
        }
    }

    private func walkDirectory(_ root: String, into result: inout WalkResult) {
        let base = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
        func display(_ components: [Substring]) -> String {
            let rel = components.joined(separator: "/")
            if base == "." { return rel }
            return base + "/" + rel
        }
        var stack = IgnoreStack()
        if options.respectIgnoreFiles { stack = ancestorIgnores(of: base) }
        if !options.excludeGlobs.isEmpty {
            stack.files.insert(IgnoreFile(contents: options.excludeGlobs.joined(separator: "\n"), directory: []), at: 0)
        }
        // Work items: directory components below the root, the ignore stack in force there.
        var pending: [(components: [Substring], ignores: IgnoreStack)] = [([], stack)]
        var visited = Set<[UInt64]>()
        while let (components, inherited) = pending.popLast() {
            let dirPath = components.isEmpty ? base : display(components)
            var ignores = inherited
            if options.respectIgnoreFiles {
                for name in Self.ignoreFileNames {
                    if let text = try? String(contentsOfFile: dirPath + "/" + name, encoding: .utf8) {
                        ignores.files.append(IgnoreFile(contents: text, directory: components))
                    }
                }
            }
            guard let dir = opendir(dirPath) else {
                result.issues.append(ScanIssue(file: dirPath, kind: .unreadable, message: "cannot read directory: \(String(cString: strerror(errno)))"))
                continue
            }
            if options.followSymlinks {
                var info = stat()
                if stat(dirPath, &info) == 0 && !visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted { closedir(dir); continue }
            }
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> String in
                    let bytes = raw.bindMemory(to: UInt8.self)
                    let length = bytes.firstIndex(of: 0) ?? bytes.count
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<length]), as: UTF8.self)
                }
                if name == "." || name == ".." || name == ".git" { continue }
                let childComponents = components + [Substring(name)]
                let childPath = display(childComponents)
                var type = entry.pointee.d_type
                var info = stat()
                var size = -1
                if type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) || type == UInt8(DT_REG) {
                    guard lstat(childPath, &info) == 0 else {
                        // Vanished meanwhile: nothing to scan. Anything else (path too long, no
                        // permission) is reported, never skipped silently.
                        if errno != ENOENT {
                            result.issues.append(ScanIssue(file: childPath, kind: .unreadable, message: "cannot stat: \(String(cString: strerror(errno)))"))
                        }
                        continue
                    }
                    size = Int(info.st_size)
                    let mode = info.st_mode & S_IFMT
                    type = mode == S_IFDIR ? UInt8(DT_DIR) : mode == S_IFREG ? UInt8(DT_REG) : mode == S_IFLNK ? UInt8(DT_LNK) : UInt8(DT_FIFO)
                }
                if type == UInt8(DT_LNK) {
                    guard options.followSymlinks, stat(childPath, &info) == 0 else { continue }
                    let mode = info.st_mode & S_IFMT
                    size = Int(info.st_size)
                    type = mode == S_IFDIR ? UInt8(DT_DIR) : mode == S_IFREG ? UInt8(DT_REG) : UInt8(DT_FIFO)
                }
                let isDirectory = type == UInt8(DT_DIR)
                if ignores.isIgnored(childComponents, isDirectory: isDirectory) { continue }
                if isDirectory {
                    pending.append((childComponents, ignores))
                } else if type == UInt8(DT_REG) {
                    addFile(childPath, size: size, into: &result)
                } else {
                    result.issues.append(ScanIssue(file: childPath, kind: .notRegular, message: "not a regular file (FIFO, socket or device): not opened"))
                }
            }
            closedir(dir)
        }
    }

    /// `.git/info/exclude` of the enclosing repository and the `.gitignore` files of the
    /// directories from the repository root down to (not including) `root`, re-based so their
    /// patterns apply to paths below `root`.
    private func ancestorIgnores(of root: String) -> IgnoreStack {
        var stack = IgnoreStack()
        let absolute = URL(fileURLWithPath: root).standardizedFileURL.path
        var chain: [String] = []
        var dir = absolute
        var repoRoot: String?
        while true {
            if FileManager.default.fileExists(atPath: dir + "/.git") { repoRoot = dir; break }
            let parent = (dir as NSString).deletingLastPathComponent
            if parent == dir || parent.isEmpty { break }
            chain.append(parent)
            dir = parent
        }
        guard let repoRoot else { return stack }
        // Components of `root` below each ancestor: a pattern file in an ancestor sees paths as
        // ancestor-relative, so we prefix the walk's components with the missing part.
        let rootParts = absolute.split(separator: "/")
        func rebased(_ text: String, ancestor: String) -> IgnoreFile {
            let depth = ancestor.split(separator: "/").count
            let prefix = Array(rootParts[depth...])
            return RebasedIgnore.make(contents: text, below: prefix)
        }
        if let text = try? String(contentsOfFile: repoRoot + "/.git/info/exclude", encoding: .utf8) {
            stack.files.append(rebased(text, ancestor: repoRoot))
        }
        let ancestors = ([repoRoot] + chain.reversed().filter { $0.hasPrefix(repoRoot + "/") }).filter { $0 != absolute }
        for ancestor in ancestors {
            for name in Self.ignoreFileNames {
                if let text = try? String(contentsOfFile: ancestor + "/" + name, encoding: .utf8) {
                    stack.files.append(rebased(text, ancestor: ancestor))
                }
            }
        }
        return stack
    }
}

/// An ignore file from a directory above the walk root: its patterns see paths relative to
/// that directory, so lookups prepend the root's position below it.
enum RebasedIgnore {
    static func make(contents: String, below prefix: [Substring]) -> IgnoreFile {
        IgnoreFile(contents: contents, directory: [], pathPrefix: prefix)
    }
}
