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
        let root = try git(["rev-parse", "--show-toplevel"], cwd: cwd).trimmingCharacters(in: .newlines)
        let names = try git(["diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR", "--no-renames"], cwd: root)
            .split(separator: "\0").map(String.init).sorted()
        guard !names.isEmpty else { return [] }
        // One `git cat-file --batch` for every blob: `:path` names the staged version.
        let request = names.map { ":" + $0 }.joined(separator: "\n") + "\n"
        let output = try gitData(["cat-file", "--batch"], cwd: root, input: Data(request.utf8))
        var files: [StagedFile] = []
        var offset = 0
        let bytes = [UInt8](output)
        let base = URL(fileURLWithPath: cwd).standardizedFileURL.resolvingSymlinksInPath().path
        let rootPath = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().path
        for name in names {
            guard let newline = bytes[offset...].firstIndex(of: 0x0A) else { break }
            let header = String(decoding: bytes[offset..<newline], as: UTF8.self).split(separator: " ")
            offset = newline + 1
            guard header.count == 3, header[1] == "blob", let size = Int(header[2]) else { continue }  // submodule or missing
            files.append(StagedFile(path: relativePath(rootPath + "/" + name, from: base), bytes: Array(bytes[offset..<(offset + size)])))
            offset += size + 1
        }
        return files
    }

    /// `target` relative to directory `base` (`../` where needed).
    static func relativePath(_ target: String, from base: String) -> String {
        let t = target.split(separator: "/"), b = base.split(separator: "/")
        var common = 0
        while common < min(t.count, b.count) && t[common] == b[common] { common += 1 }
        return (Array(repeating: "..", count: b.count - common) + t[common...].map(String.init)).joined(separator: "/")
    }

    static func git(_ args: [String], cwd: String) throws -> String {
        String(decoding: try gitData(args, cwd: cwd, input: nil), as: UTF8.self)
    }

    static func gitData(_ args: [String], cwd: String, input: Data?) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + args
        process.currentDirectoryURL = URL(fileURLWithPath: cwd)
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        do { try process.run() } catch { throw GitError(description: "cannot run git: \(error.localizedDescription)") }
        // Feed stdin from another thread so a large request and a large answer cannot deadlock.
        let writer = inPipe.fileHandleForWriting
        let payload = input ?? Data()
        DispatchQueue.global().async { writer.write(payload); try? writer.close() }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errText = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw GitError(description: "git \(args.first ?? "") failed: \(errText.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return data
    }
}
