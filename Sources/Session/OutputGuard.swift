import Config
import Discovery
import Engine
import Foundation
import Model
import Rules
import Support
import Suppression

/// `--output` must never replace something the run reads: a file named on the command line,
/// the config, a baseline, a rule file. Files found by walking a directory are not checked:
/// re-running `scan . --output report.json` over the previous report is the common CI case,
/// and the walk has not happened yet when the output is checked.
enum OutputGuard {
    static func refuse(output: String, inputs: [String], ruleFolders: [String]) throws(FileWriteError) {
        var info = stat()
        // Devices and FIFOs (`/dev/stdout`, `/dev/null`) are written through, never replaced.
        if stat(output, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG { return }
        let outputIdentity = identity(output)
        let outputResolved = PathSyntax.resolved(PathSyntax.absolute(output))
        var candidates = inputs
        for folder in ruleFolders { candidates += ruleFiles(in: folder) }
        for input in candidates {
            let sameFile = outputIdentity != nil && identity(input) == outputIdentity
            if sameFile || PathSyntax.resolved(PathSyntax.absolute(input)) == outputResolved {
                throw FileWriteError(
                    path: output,
                    reason: "it is also an input (\(PrintableText.escaped(input))); refusing to overwrite it")
            }
        }
    }

    /// Device and inode of an existing regular file (hard links and symlinks compare equal).
    private static func identity(_ path: String) -> [UInt64]? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return [UInt64(info.st_dev), UInt64(info.st_ino)]
    }

    private static func ruleFiles(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".json") }.map { PathSyntax.join(folder, $0) }
    }
}
