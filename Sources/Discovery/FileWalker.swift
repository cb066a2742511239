import Foundation
import Glibc
import Model
import Support

public struct WalkOptions: Sendable {
    public var followSymlinks = false
    public var maxFileSize = 10 * 1024 * 1024
    /// Extra exclusions in .gitignore syntax, relative to the walked root (config `exclude`).
    public var excludeGlobs: [String] = []
    public var respectIgnoreFiles = true
    public init() {}
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
        var files: [WalkedFile] = []
        let issues = walk(paths) { files.append($0) }
        files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return WalkResult(files: files, issues: issues)
    }

    /// The walk as a stream: `emit` gets each file as soon as it is found (in directory order,
    /// each path once), so scanning can start before the walk ends and no list of the whole
    /// tree is kept. Returns what could not be walked.
    public func walk(_ paths: [String], emit: (WalkedFile) -> Void) -> [ScanIssue] {
        var issues: [ScanIssue] = []
        // Roots may overlap (`scan src src/a.js`): only then remember what was emitted.
        var seen: Set<String>? = paths.count > 1 ? [] : nil
        let emitOnce: (WalkedFile) -> Void = { file in
            if seen != nil, !seen!.insert(file.path).inserted { return }
            emit(file)
        }
        for root in paths {
            let shown = PrintableText.escaped(root)
            var info = stat()
            guard lstat(root, &info) == 0 || stat(root, &info) == 0 else {
                issues.append(
                    ScanIssue(
                        file: shown, kind: .unreadable, message: "cannot stat: \(String(cString: strerror(errno)))"))
                continue
            }
            var isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
            if (info.st_mode & S_IFMT) == S_IFLNK {
                // A link named on the command line is followed: the user asked for it.
                var target = stat()
                if stat(root, &target) == 0 { info = target; isDirectory = (target.st_mode & S_IFMT) == S_IFDIR }
            }
            if isDirectory {
                walkDirectory(root, issues: &issues, emit: emitOnce)
            } else if (info.st_mode & S_IFMT) == S_IFREG {
                // explicit files are always scanned
                addFile(shown, size: Int(info.st_size), raw: Array(root.utf8), issues: &issues, emit: emitOnce)
            } else {
                issues.append(ScanIssue(file: shown, kind: .notRegular, message: "not a regular file"))
            }
        }
        return issues
    }

    private func addFile(
        _ path: String, size: Int, raw: [UInt8]? = nil, issues: inout [ScanIssue], emit: (WalkedFile) -> Void
    ) {
        if size > options.maxFileSize {
            issues.append(.tooLarge(path, size: size, limit: options.maxFileSize))
        } else {
            emit(WalkedFile(path: path, size: size, rawPath: raw.flatMap { $0 == Array(path.utf8) ? nil : $0 }))
        }
    }

    private func walkDirectory(_ root: String, issues: inout [ScanIssue], emit: (WalkedFile) -> Void) {
        let base = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
        let shownBase = PrintableText.escaped(base)
        func display(_ components: [Substring]) -> String {
            let rel = components.joined(separator: "/")
            if base == "." { return rel }
            return shownBase + "/" + rel
        }
        var stack = IgnoreStack()
        if options.respectIgnoreFiles { stack = ancestorIgnores(of: base, issues: &issues) }
        if !options.excludeGlobs.isEmpty {
            stack.files.insert(IgnoreFile(contents: options.excludeGlobs.joined(separator: "\n"), directory: []), at: 0)
        }
        // Work items: directory components below the root, the ignore stack in force there.
        // `raw`: the directory's path as bytes, for system calls (display components may
        // carry `\xHH` escapes of non-UTF-8 names).
        var pending: [(components: [Substring], raw: [UInt8], ignores: IgnoreStack)] = [([], Array(base.utf8), stack)]
        var visited = Set<[UInt64]>()
        while let (components, dirRaw, inherited) = pending.popLast() {
            let dirPath = components.isEmpty ? shownBase : display(components)
            var ignores = inherited
            if options.respectIgnoreFiles {
                for name in Self.ignoreFileNames {
                    // By raw path (the folder's name may not be UTF-8); FileReader never blocks
                    // on a FIFO named .gitignore.
                    if let text = Self.readIgnoreFile(
                        rawPath: dirRaw + Array(("/" + name).utf8), display: display(components + [Substring(name)]),
                        issues: &issues)
                    {
                        ignores.files.append(IgnoreFile(contents: text, directory: components))
                    }
                }
            }
            guard let dir = RawPath.withCString(dirRaw, { opendir($0) }) else {
                issues.append(
                    ScanIssue(
                        file: dirPath, kind: .unreadable,
                        message: "cannot read directory: \(String(cString: strerror(errno)))"))
                continue
            }
            if options.followSymlinks {
                var info = stat()
                if RawPath.withCString(dirRaw, { stat($0, &info) }) == 0
                    && !visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted
                {
                    closedir(dir); continue
                }
            }
            while let entry = readdir(dir) {
                let nameBytes = Self.name(of: entry)
                let name = RawPath.displayName(nameBytes)
                if name == "." || name == ".." || name == ".git" { continue }
                let childComponents = components + [Substring(name)]
                let childPath = display(childComponents)
                let childRaw = dirRaw + [UInt8(ascii: "/")] + nameBytes
                var type = entry.pointee.d_type
                var info = stat()
                var size = -1
                if type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) || type == UInt8(DT_REG) {
                    guard RawPath.withCString(childRaw, { lstat($0, &info) }) == 0 else {
                        // Vanished meanwhile: nothing to scan. Anything else (path too long, no
                        // permission) is reported, never skipped silently.
                        if errno != ENOENT {
                            issues.append(
                                ScanIssue(
                                    file: childPath, kind: .unreadable,
                                    message: "cannot stat: \(String(cString: strerror(errno)))"))
                        }
                        continue
                    }
                    size = Int(info.st_size)
                    let mode = info.st_mode & S_IFMT
                    type =
                        mode == S_IFDIR
                        ? UInt8(DT_DIR)
                        : mode == S_IFREG ? UInt8(DT_REG) : mode == S_IFLNK ? UInt8(DT_LNK) : UInt8(DT_FIFO)
                }
                if type == UInt8(DT_LNK) {
                    guard options.followSymlinks, RawPath.withCString(childRaw, { stat($0, &info) }) == 0 else {
                        continue
                    }
                    let mode = info.st_mode & S_IFMT
                    size = Int(info.st_size)
                    type = mode == S_IFDIR ? UInt8(DT_DIR) : mode == S_IFREG ? UInt8(DT_REG) : UInt8(DT_FIFO)
                }
                let isDirectory = type == UInt8(DT_DIR)
                if ignores.isIgnored(childComponents, isDirectory: isDirectory) { continue }
                if isDirectory {
                    pending.append((childComponents, childRaw, ignores))
                } else if type == UInt8(DT_REG) {
                    addFile(childPath, size: size, raw: childRaw, issues: &issues, emit: emit)
                } else {
                    issues.append(
                        ScanIssue(
                            file: childPath, kind: .notRegular,
                            message: "not a regular file (FIFO, socket or device): not opened"))
                }
            }
            closedir(dir)
        }
    }

    /// An entry's name, read in place up to its NUL. Not `entry.pointee.d_name`: that copies the
    /// whole 256-byte field, but readdir packs records by `d_reclen`, so for a short name at the
    /// end of its buffer the copy read past the allocation (AddressSanitizer found it; once in a
    /// while it was a segfault on a 4x corpus).
    static func name(of entry: UnsafeMutablePointer<dirent>) -> [UInt8] {
        let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        let start = UnsafeRawPointer(entry).advanced(by: offset).assumingMemoryBound(to: CChar.self)
        return Array(UnsafeRawBufferPointer(start: start, count: strlen(start)))
    }

    /// Git (2.41 and later) skips a pattern file over 100 MiB with a warning; so do we, so a
    /// huge (or sparse 8 GB) `.gitignore` cannot exhaust memory. Skipping it scans more, never less.
    static let maxIgnoreFileSize = 100 * 1024 * 1024

    /// An ignore file's text; nil when absent, unreadable, or too large (then reported).
    static func readIgnoreFile(rawPath: [UInt8], display: String, issues: inout [ScanIssue]) -> String? {
        switch FileReader.read(rawPath: rawPath, display: display, maxSize: maxIgnoreFileSize) {
        case .success(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .failure(let issue) where issue.kind == .tooLarge:
            issues.append(
                // Not a skipped scan target: the walk goes on without those patterns, which the
                // report must show among its errors, not fold into a count.
                ScanIssue(
                    file: display, kind: .unreadable,
                    message: "ignore file over 100 MiB not read, as git does (its patterns do not apply)"))
            return nil
        case .failure: return nil
        }
    }

    /// `.git/info/exclude` of the enclosing repository and the `.gitignore` files of the
    /// directories from the repository root down to (not including) `root`, re-based so their
    /// patterns apply to paths below `root`.
    private func ancestorIgnores(of root: String, issues: inout [ScanIssue]) -> IgnoreStack {
        var stack = IgnoreStack()
        let absolute = PathSyntax.absolute(root)
        var chain: [String] = []
        var dir = absolute
        var repoRoot: String?
        while true {
            if FileManager.default.fileExists(atPath: dir + "/.git") { repoRoot = dir; break }
            let parent = PathSyntax.parent(dir)
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
        let exclude = repoRoot + "/.git/info/exclude"
        if let text = Self.readIgnoreFile(rawPath: Array(exclude.utf8), display: exclude, issues: &issues) {
            stack.files.append(rebased(text, ancestor: repoRoot))
        }
        let ancestors = ([repoRoot] + chain.reversed().filter { $0.hasPrefix(repoRoot + "/") }).filter {
            $0 != absolute
        }
        for ancestor in ancestors {
            for name in Self.ignoreFileNames {
                let path = ancestor + "/" + name
                if let text = Self.readIgnoreFile(rawPath: Array(path.utf8), display: path, issues: &issues) {
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
