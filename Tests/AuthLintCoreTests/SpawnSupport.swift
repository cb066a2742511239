import Foundation
import XCTest

/// Runs the authlint binary with exact argument bytes (non-UTF-8 included) and chosen standard
/// streams (a full device, a closed descriptor, a pipe nobody reads), and tells how it ended:
/// an exit code or a signal. `Process` can set up none of those streams.
enum Spawn {
    enum Output { case file(String), devNull, devFull, closed, brokenPipe }
    enum Input { case devNull, file(String), closed }

    struct Ending: CustomStringConvertible {
        var exitCode: Int32?
        var signal: Int32?
        var timedOut = false
        var description: String {
            timedOut ? "timed out" : signal.map { "killed by signal \($0)" } ?? "exit \(exitCode ?? -1)"
        }
    }

    /// Runs `TestSupport.binary` with `args` in `cwd` (through `sh`, which only changes directory
    /// and execs: glibc's posix_spawn has no portable chdir action), killed after `timeout` s.
    static func authlint(
        _ args: [[UInt8]], cwd: String, stdout: Output = .devNull, stderr: Output = .devNull,
        stdin: Input = .devNull, timeout: Double = 20
    ) -> Ending {
        let script = "cd \"$1\" || exit 97; shift; exec \"$@\""
        let argv: [[UInt8]] =
            [
                Array("/bin/sh".utf8), Array("-c".utf8), Array(script.utf8), Array("sh".utf8),
                Array(cwd.utf8), Array(TestSupport.binary.utf8),
            ] + args
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        switch stdin {
        case .devNull: posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        case .file(let path): posix_spawn_file_actions_addopen(&actions, 0, path, O_RDONLY, 0)
        case .closed: posix_spawn_file_actions_addclose(&actions, 0)
        }
        var pipeWriteEnd: Int32 = -1
        for (fd, output) in [(Int32(1), stdout), (Int32(2), stderr)] {
            switch output {
            case .file(let path):
                posix_spawn_file_actions_addopen(&actions, fd, path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            case .devNull: posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", O_WRONLY, 0)
            case .devFull: posix_spawn_file_actions_addopen(&actions, fd, "/dev/full", O_WRONLY, 0)
            case .closed: posix_spawn_file_actions_addclose(&actions, fd)
            case .brokenPipe:
                var ends: [Int32] = [0, 0]
                guard pipe(&ends) == 0 else { return Ending(exitCode: nil, signal: nil, timedOut: true) }
                close(ends[0])  // nobody will ever read: every write gets EPIPE (or SIGPIPE)
                pipeWriteEnd = ends[1]
                posix_spawn_file_actions_adddup2(&actions, ends[1], fd)
                posix_spawn_file_actions_addclose(&actions, ends[1])
            }
        }
        let cArgs: [UnsafeMutablePointer<CChar>?] =
            argv.map { bytes in
                let p = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
                for (i, b) in bytes.enumerated() { p[i] = CChar(bitPattern: b) }
                p[bytes.count] = 0
                return p
            } + [nil]
        defer { for p in cArgs { p?.deallocate() } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, cArgs, environ)
        if pipeWriteEnd >= 0 { close(pipeWriteEnd) }
        guard spawned == 0 else { return Ending(exitCode: nil, signal: nil, timedOut: true) }
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() > deadline {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                return Ending(exitCode: nil, signal: nil, timedOut: true)
            }
            usleep(2_000)
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which are macros Swift cannot see.
        if status & 0x7F == 0 { return Ending(exitCode: (status >> 8) & 0xFF, signal: nil) }
        return Ending(exitCode: nil, signal: status & 0x7F)
    }

    static func authlint(
        _ args: [String], cwd: String, stdout: Output = .devNull, stderr: Output = .devNull,
        stdin: Input = .devNull, timeout: Double = 20
    ) -> Ending {
        authlint(args.map { Array($0.utf8) }, cwd: cwd, stdout: stdout, stderr: stderr, stdin: stdin, timeout: timeout)
    }
}
