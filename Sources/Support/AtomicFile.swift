import Foundation

public struct FileWriteError: Error, CustomStringConvertible, Sendable {
    package init(path: String, reason: String) { self.path = path; self.reason = reason }
    public var path: String
    public var reason: String
    public var description: String { "cannot write \(PrintableText.escaped(path)): \(reason)" }
}

/// Writes files the all-or-nothing way: a temp file in the same directory, fsync, rename.
/// A crash leaves either the old file or the new one, never a half-written file. A writer
/// killed before its rename leaves its temp file (`.<name>.tmp-<pid>-<random>`, hidden and
/// never mistaken for the output); the next write to the same path removes it.
public enum AtomicFile {
    /// Writes `bytes` to `path`. An existing regular file keeps its permission bits (a 0600
    /// report stays 0600); a new file gets `mode` (less the umask).
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) throws {
        let dir = PathSyntax.parent(path)
        let name = PathSyntax.lastComponent(path)
        removeStaleTemps(dir: dir, name: name)
        let temp =
            (dir.isEmpty ? "" : dir + "/") + tempPrefix(name) + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        var existing = stat()
        let exists = stat(path, &existing) == 0
        // A rename would replace a device, FIFO or socket (as root: `/dev/full` itself).
        if exists && (existing.st_mode & S_IFMT) != S_IFREG {
            throw FileWriteError(path: path, reason: "not a regular file")
        }
        let keptMode: mode_t? = exists ? existing.st_mode & 0o7777 : nil
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, keptMode ?? mode)
        guard fd >= 0 else { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
        var ok = true
        var reason = ""
        // open() applied the umask; an existing file's bits are restored exactly.
        if let keptMode, fchmod(fd, keptMode) != 0 { ok = false; reason = String(cString: strerror(errno)) }
        if ok, let failure = writeAll(fd, bytes) { ok = false; reason = String(cString: strerror(failure)) }
        if ok && fsync(fd) != 0 { ok = false; reason = String(cString: strerror(errno)) }
        close(fd)
        if ok && rename(temp, path) != 0 { ok = false; reason = String(cString: strerror(errno)) }
        if !ok {
            unlink(temp)
            throw FileWriteError(path: path, reason: reason)
        }
    }

    /// Writes every byte to `fd`, retrying short writes; the errno of a failure, nil on success.
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return nil
    }

    /// `.<name>.tmp-`, with `name` shortened so that the temp name with its pid and random
    /// suffix (at most 22 bytes) stays within the 255-byte limit of a file name.
    static func tempPrefix(_ name: String) -> String {
        var stem = Substring(name)
        while stem.utf8.count > 255 - 1 - 5 - 22 { stem.removeLast() }
        return ".\(stem).tmp-"
    }

    /// Temp files for `name` whose writer process no longer runs (killed before its rename).
    /// A live pid's file is left alone: another writer may be about to rename it.
    static func removeStaleTemps(dir: String, name: String) {
        let prefix = tempPrefix(name)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: dir.isEmpty ? "." : dir) else {
            return
        }
        for entry in entries where entry.hasPrefix(prefix) {
            guard let pidText = entry.dropFirst(prefix.count).split(separator: "-").first, let pid = pid_t(pidText)
            else { continue }
            if pid == getpid() || kill(pid, 0) == 0 || errno == EPERM { continue }
            unlink((dir.isEmpty ? "" : dir + "/") + entry)
        }
    }
}
