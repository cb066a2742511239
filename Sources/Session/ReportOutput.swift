import Config
import Discovery
import Engine
import Foundation
import Model
import Rules
import Support
import Suppression

/// Writes a report file: atomically (temp file + rename) for regular files, directly for
/// `/dev/null`, `/dev/stdout` and FIFOs, which a rename would replace.
package enum ReportOutput {
    package static func write(_ text: String, to path: String) throws {
        var info = stat()
        if stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG {
            // write(2), not FileHandle.write, which traps on ENOSPC (`--output /dev/full`).
            let fd = open(path, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
            let failure = AtomicFile.writeAll(fd, Array(text.utf8))
            close(fd)
            if let failure { throw FileWriteError(path: path, reason: String(cString: strerror(failure))) }
            return
        }
        try AtomicFile.write(Array(text.utf8), to: path)
    }
}
