import Foundation
import Glibc

/// A long-lived git process read as a stream (`git log` over a whole history, one
/// `git cat-file --batch-command` answering blob after blob), with the same hardening as
/// `Git.run`: neutral config, hooks pointed at /dev/null, the sanitised environment.
/// Standard error goes to an unlinked temporary file, so a chatty git never blocks on a full
/// pipe nobody reads; it is read back only to explain a failure.
public final class GitProcess {
    private let pid: pid_t
    private var input: Int32
    private var output: Int32
    private let errors: Int32
    private var buffer: [UInt8] = []
    /// What one `read` fills: allocated once (a fresh 64 KiB array per read was measurable).
    private var chunk = [UInt8](repeating: 0, count: GitProcess.pipeSize)
    /// Git's output pipe is widened to this (Linux `F_SETPIPE_SZ`; 64 KiB by default), so git
    /// writes, and we read, 16 times fewer pieces of a history's blobs and log.
    private static let pipeSize = 1 << 20
    private static let setPipeSize: Int32 = 1031
    private var position = 0
    private var ended = false
    private let name: String
    /// Called before each read of git's output, which may wait: a caller that batches what it
    /// sends another git (`GitBlobReader`) sends it here, so nothing it waits for stays unsent.
    public var beforeRead: (() -> Void)?

    public init(_ args: [String], cwd: String) throws(Git.Failure) {
        name = args.first ?? "git"
        let command =
            ["git", "-C", cwd] + (Git.neutralConfig + ["core.hooksPath=/dev/null"]).flatMap { ["-c", $0] } + args
        // Pipes and the spawn under the process-wide lock, every parent end close-on-exec before
        // it is released: a program another thread starts must never hold a copy of one (git
        // would then never see the end of its input, or we the end of its output).
        Subprocess.spawnLock.lock()
        defer { Subprocess.spawnLock.unlock() }
        var template = Array("/tmp/authlint-git-XXXXXX".utf8CString)
        let errorFile = mkstemp(&template)
        guard errorFile >= 0 else { throw Git.Failure(description: "cannot create a temporary file for git") }
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        var inPipe: [Int32] = [0, 0], outPipe: [Int32] = [0, 0]
        guard pipe(&inPipe) == 0 else { close(errorFile); throw Git.Failure(description: "pipe failed") }
        guard pipe(&outPipe) == 0 else {
            for fd in inPipe + [errorFile] { close(fd) }
            throw Git.Failure(description: "pipe failed")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errorFile, 2)
        for fd in inPipe + outPipe + [errorFile] { posix_spawn_file_actions_addclose(&actions, fd) }
        var argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var envp: [UnsafeMutablePointer<CChar>?] = Git.environment.map { strdup($0) } + [nil]
        defer { for p in envp { free(p) } }
        var child: pid_t = 0
        let spawned = posix_spawnp(&child, "git", &actions, nil, &argv, &envp)
        close(inPipe[0])
        close(outPipe[1])
        guard spawned == 0 else {
            for fd in [inPipe[1], outPipe[0], errorFile] { close(fd) }
            throw Git.Failure(description: "cannot run git: \(String(cString: strerror(spawned)))")
        }
        for fd in [inPipe[1], outPipe[0], errorFile] { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        _ = fcntl(outPipe[0], Self.setPipeSize, Int32(Self.pipeSize))  // best effort: a smaller pipe still works
        pid = child
        input = inPipe[1]
        output = outPipe[0]
        errors = errorFile
    }

    /// Abandoned before the end (an error elsewhere): stop git rather than drain its output.
    deinit {
        if output >= 0 {
            kill(pid, SIGKILL)
            if input >= 0 { close(input) }
            close(output)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
        close(errors)
    }

    /// Sends `bytes` to git's standard input.
    public func send(_ bytes: [UInt8]) throws(Git.Failure) {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(input, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw Git.Failure(description: "git \(name) stopped reading: \(errorText())") }
            written += n
        }
    }

    /// No more input: git finishes what it was asked and ends.
    public func closeInput() {
        if input >= 0 { close(input); input = -1 }
    }

    /// Reads and drops `count` bytes (an answer not wanted, consumed so the next is in place).
    public func skip(_ count: Int) {
        var left = count
        while left > 0 {
            if position == buffer.count, !refill() { return }
            let take = min(left, buffer.count - position)
            position += take
            left -= take
        }
    }

    /// Bytes up to (not including) `delimiter`, which is consumed; nil at the end of the output.
    /// What is left before the end without a delimiter is returned as the last piece.
    public func read(until delimiter: UInt8) -> [UInt8]? {
        var piece: [UInt8] = []
        while true {
            if position < buffer.count {
                if let end = buffer[position...].firstIndex(of: delimiter) {
                    piece += buffer[position..<end]
                    position = end + 1
                    return piece
                }
                piece += buffer[position...]
                position = buffer.count
            }
            guard refill() else { return piece.isEmpty ? nil : piece }
        }
    }

    /// Exactly `count` bytes, or nil when the output ends first.
    public func read(exactly count: Int) -> [UInt8]? {
        var piece: [UInt8] = []
        piece.reserveCapacity(count)
        while piece.count < count {
            if position == buffer.count, !refill() { return nil }
            let take = min(count - piece.count, buffer.count - position)
            piece += buffer[position..<(position + take)]
            position += take
        }
        return piece
    }

    private func refill() -> Bool {
        guard !ended else { return false }
        buffer.removeAll(keepingCapacity: true)
        position = 0
        beforeRead?()
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(output, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { ended = true; return false }
            buffer += chunk[0..<n]
            return true
        }
    }

    /// Closes git's input, drains and waits; a non-zero exit throws git's message.
    public func finish() throws(Git.Failure) {
        guard output >= 0 else { return }
        if input >= 0 { close(input); input = -1 }
        while refill() {}
        close(output)
        output = -1
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exitCode: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        guard exitCode == 0 else {
            let message = errorText()
            throw Git.Failure(
                description: "git \(name) failed: \(message.isEmpty ? "exit status \(exitCode)" : message)")
        }
    }

    /// What git wrote to standard error, trimmed.
    public func errorText() -> String {
        var text: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        var offset: off_t = 0
        while text.count < 65536 {
            let n = chunk.withUnsafeMutableBytes { pread(errors, $0.baseAddress!, $0.count, offset) }
            guard n > 0 else { break }
            text += chunk[0..<n]
            offset += off_t(n)
        }
        var message = String(decoding: text, as: UTF8.self)
        while message.last?.isWhitespace == true { message.removeLast() }
        return message
    }
}
