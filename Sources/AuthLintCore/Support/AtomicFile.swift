import Foundation

public struct FileWriteError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public var description: String { "cannot write \(path): \(reason)" }
}

/// Writes files the all-or-nothing way: a temp file in the same directory, fsync, rename.
/// A crash leaves either the old file or the new one, never a half-written file. A writer
/// killed before its rename leaves its temp file (`.<name>.tmp-<pid>-<random>`, hidden and
/// never mistaken for the output); the next write to the same path removes it.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) throws {
        let dir = PathSyntax.parent(path)
        let name = PathSyntax.lastComponent(path)
        removeStaleTemps(dir: dir, name: name)
        let temp = (dir.isEmpty ? "" : dir + "/") + ".\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
        var ok = true
        var reason = ""
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    ok = false
                    reason = String(cString: strerror(errno))
                    return
                }
                offset += n
            }
        }
        if ok && fsync(fd) != 0 { ok = false; reason = String(cString: strerror(errno)) }
        close(fd)
        if ok && rename(temp, path) != 0 { ok = false; reason = String(cString: strerror(errno)) }
        if !ok {
            unlink(temp)
            throw FileWriteError(path: path, reason: reason)
        }
    }

    /// Temp files for `name` whose writer process no longer runs (killed before its rename).
    /// A live pid's file is left alone: another writer may be about to rename it.
    static func removeStaleTemps(dir: String, name: String) {
        let prefix = ".\(name).tmp-"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: dir.isEmpty ? "." : dir) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            guard let pidText = entry.dropFirst(prefix.count).split(separator: "-").first, let pid = pid_t(pidText) else { continue }
            if pid == getpid() || kill(pid, 0) == 0 || errno == EPERM { continue }
            unlink((dir.isEmpty ? "" : dir + "/") + entry)
        }
    }
}
