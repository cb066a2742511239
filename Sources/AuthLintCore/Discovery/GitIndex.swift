import Foundation

/// Reads what is about to be committed: the staged content of added, copied, modified and
/// renamed files (deleted files have nothing to scan), straight from the git index.
public enum GitIndex {
    public struct StagedFile: Sendable {
        /// Path as reported: relative to the current directory.
        public var path: String
        public var bytes: [UInt8]
    }

    public struct GitError: Error, CustomStringConvertible {
        public var description: String
    }

    public static func stagedFiles(cwd: String = FileManager.default.currentDirectoryPath) throws -> [StagedFile] {
        let root = try topLevel(cwd: cwd)
        let names = try git(["diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR", "--no-renames"], cwd: root)
            .split(separator: "\0").map(String.init).sorted()
        guard !names.isEmpty else { return [] }
        // One `git cat-file --batch` for every blob: `:path` names the staged version.
        let request = names.map { ":" + $0 }.joined(separator: "\n") + "\n"
        let output = try gitData(["cat-file", "--batch"], cwd: root, input: Data(request.utf8))
        var files: [StagedFile] = []
        var offset = 0
        let bytes = [UInt8](output)
        let base = PathSyntax.resolved(cwd)
        let rootPath = PathSyntax.resolved(root)
        for name in names {
            guard let newline = bytes[offset...].firstIndex(of: 0x0A) else { break }
            let header = String(decoding: bytes[offset..<newline], as: UTF8.self).split(separator: " ")
            offset = newline + 1
            guard header.count == 3, header[1] == "blob", let size = Int(header[2]) else { continue }  // submodule or missing
            files.append(StagedFile(path: PathSyntax.relative(rootPath + "/" + name, from: base), bytes: Array(bytes[offset..<(offset + size)])))
            offset += size + 1
        }
        return files
    }

    /// The work tree's top directory: the nearest ancestor holding `.git` (a directory, or a file
    /// in linked worktrees and submodules) found without starting git; git itself decides
    /// otherwise (GIT_DIR, GIT_WORK_TREE, bare repositories) and explains failures.
    static func topLevel(cwd: String) throws -> String {
        let env = ProcessInfo.processInfo.environment
        if env["GIT_DIR"] == nil && env["GIT_WORK_TREE"] == nil {
            var dir = PathSyntax.absolute(cwd)
            while true {
                if FileManager.default.fileExists(atPath: dir + "/.git") { return dir }
                let parent = PathSyntax.parent(dir)
                if parent == dir || parent.isEmpty { break }
                dir = parent
            }
        }
        return try git(["rev-parse", "--show-toplevel"], cwd: cwd).trimmingCharacters(in: .newlines)
    }

    static func git(_ args: [String], cwd: String) throws -> String {
        String(decoding: try gitData(args, cwd: cwd, input: nil), as: UTF8.self)
    }

    static func gitData(_ args: [String], cwd: String, input: Data?) throws -> Data {
        let output: Subprocess.Output
        do { output = try Subprocess.run(["git", "-C", cwd] + args, input: input.map { [UInt8]($0) } ?? []) } catch {
            throw GitError(description: error.description)
        }
        guard output.status == 0 else {
            let message = String(decoding: output.stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw GitError(description: "git \(args.first ?? "") failed: \(message)")
        }
        return Data(output.stdout)
    }
}
