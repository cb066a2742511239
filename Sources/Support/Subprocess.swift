import Foundation
import Glibc

/// Runs a program and collects its output with posix_spawn and poll. Foundation's `Process`
/// polls for child exit and cost ~50 ms per git call, too slow for a pre-commit hook.
public enum Subprocess {
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: [UInt8]
        public var stderr: [UInt8]
    }

    /// Held from creating a child's pipes until our ends are close-on-exec (`GitProcess` too):
    /// a program started meanwhile by another thread would otherwise inherit them and keep a
    /// pipe open after we close it (a long-lived `git cat-file` holding a short git's stdin).
    static let spawnLock = NSLock()

    public struct LaunchError: Error, CustomStringConvertible {
        public var description: String
    }

    /// `arguments[0]` is looked up on PATH; it runs in the current directory (git takes `-C`).
    /// stdin receives `input`, then EOF. `environment` ("NAME=value" entries) replaces the
    /// inherited one when given.
    public static func run(_ arguments: [String], input: [UInt8] = [], environment: [String]? = nil) throws(LaunchError)
        -> Output
    {
        spawnLock.lock()
        var locked = true
        defer { if locked { spawnLock.unlock() } }
        var inPipe: [Int32] = [0, 0], outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        guard pipe(&inPipe) == 0, pipe(&outPipe) == 0, pipe(&errPipe) == 0 else {
            throw LaunchError(description: "pipe failed: \(String(cString: strerror(errno)))")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in inPipe + outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }

        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var envp: [UnsafeMutablePointer<CChar>?] = (environment ?? []).map { strdup($0) } + [nil]
        defer { for p in envp { free(p) } }
        var pid: pid_t = 0
        let spawned =
            environment == nil
            ? posix_spawnp(&pid, arguments[0], &actions, nil, &argv, environ)
            : posix_spawnp(&pid, arguments[0], &actions, nil, &argv, &envp)
        for fd in [inPipe[0], outPipe[1], errPipe[1]] { close(fd) }
        guard spawned == 0 else {
            for fd in [inPipe[1], outPipe[0], errPipe[0]] { close(fd) }
            throw LaunchError(description: "cannot run \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        for fd in [inPipe[1], outPipe[0], errPipe[0]] { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        spawnLock.unlock()
        locked = false

        // Feed stdin and drain stdout/stderr together, so no pipe fills up and blocks the child.
        var out: [UInt8] = [], err: [UInt8] = []
        var written = 0
        var stdinFD: Int32 = inPipe[1]
        if input.isEmpty {
            close(stdinFD); stdinFD = -1
        } else {
            _ = fcntl(stdinFD, F_SETFL, fcntl(stdinFD, F_GETFL) | O_NONBLOCK)
        }
        var open: [Int32] = [outPipe[0], errPipe[0]]
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !open.isEmpty || stdinFD >= 0 {
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if stdinFD >= 0 { fds.append(pollfd(fd: stdinFD, events: Int16(POLLOUT), revents: 0)) }
            if poll(&fds, nfds_t(fds.count), -1) < 0 { if errno == EINTR { continue }; break }
            for p in fds where p.revents != 0 {
                if p.fd == stdinFD {
                    let n = input.withUnsafeBytes { write(stdinFD, $0.baseAddress! + written, input.count - written) }
                    if n > 0 { written += n }
                    if n < 0 && errno != EAGAIN && errno != EINTR || written == input.count {
                        close(stdinFD); stdinFD = -1
                    }
                    continue
                }
                let n = read(p.fd, &buffer, buffer.count)
                if n > 0 {
                    if p.fd == outPipe[0] {
                        out.append(contentsOf: buffer[0..<n])
                    } else {
                        err.append(contentsOf: buffer[0..<n])
                    }
                } else if n == 0 || (errno != EINTR && errno != EAGAIN) {
                    close(p.fd)
                    open.removeAll { $0 == p.fd }
                }
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exitCode: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Output(status: exitCode, stdout: out, stderr: err)
    }
}
