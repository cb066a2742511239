import Foundation
import Model
import Support

/// Reads blobs through one long-lived `git cat-file --batch --buffer`: one thread writes object
/// ids as it finds them (`request`), another reads the answers in the same order (`next`), so
/// git never waits for a round trip and no git is started per blob (a round trip per blob was a
/// quarter of a history scan's time, in pipe wake-ups). Backpressure runs back through the
/// pipes: a reader that stops reading stops git, which stops the writer.
public final class GitBlobReader<Tag: Sendable>: @unchecked Sendable {
    private let process: GitProcess
    private let root: String
    private var pending: [Tag] = []
    private var head = 0
    /// Requests not yet sent: they go to git in batches (`flush`), not one write and one wake-up
    /// of git per blob.
    private var unsentTags: [Tag] = []
    private var unsentIds: [UInt8] = []
    private var closed = false
    private let condition = NSCondition()

    public init(root: String) throws(Git.Failure) {
        process = try GitProcess(["cat-file", "--batch", "--buffer"], cwd: root)
        self.root = root
    }

    /// Asks for `blob`; `tag` comes back with its content from `next` once the request is sent:
    /// at the latest by `flush` (call it before the requesting thread may wait) or `close`, and
    /// whenever a batch of `batchBytes` is ready. One requesting thread only.
    public func request(_ blob: String, tag: Tag) throws(Git.Failure) {
        unsentTags.append(tag)
        unsentIds += blob.utf8
        unsentIds.append(UInt8(ascii: "\n"))
        if unsentIds.count >= Self.batchBytes { try flush() }
    }

    /// A quarter of git's 64 KiB input pipe (~400 ids): written at once, git wakes once for it.
    static var batchBytes: Int { 16 << 10 }

    /// Sends the requests made since the last flush.
    public func flush() throws(Git.Failure) {
        guard !unsentTags.isEmpty else { return }
        condition.lock()
        pending += unsentTags
        condition.signal()
        condition.unlock()
        unsentTags.removeAll(keepingCapacity: true)
        let ids = unsentIds
        unsentIds.removeAll(keepingCapacity: true)
        try process.send(ids)
    }

    /// No more requests: the last are sent, git answers what is left and ends.
    public func close() throws(Git.Failure) {
        defer {
            condition.lock()
            closed = true
            condition.signal()
            condition.unlock()
            process.closeInput()
        }
        try flush()
    }

    /// The next answer, in request order: the tag and the blob's content, classified as a
    /// work-tree file's would be (too large: never kept; binary and Git LFS pointers: skipped;
    /// over `streamAbove`: handed over as a stream, read by a `git cat-file blob` of its own as
    /// the windowed scan asks, so memory stays bounded whatever `--max-file-size` allows). Nil
    /// after the last.
    public func next(path: (Tag) -> String, blob: (Tag) -> String, maxSize: Int, streamAbove: Int) -> (
        Tag, Result<FileInput, ScanIssue>
    )? {
        condition.lock()
        while head == pending.count && !closed { condition.wait() }
        guard head < pending.count else {
            condition.unlock()
            return nil
        }
        let tag = pending[head]
        head += 1
        if head > 4096 {
            pending.removeFirst(head)
            head = 0
        }
        condition.unlock()
        let name = path(tag)
        guard let header = process.read(until: UInt8(ascii: "\n")) else {
            return (tag, .failure(ScanIssue(file: name, kind: .unreadable, message: "git cat-file ended early")))
        }
        let parts = String(decoding: header, as: UTF8.self).split(separator: " ")
        guard parts.count == 3, let size = Int(parts[2]), size >= 0 else {
            return (tag, .failure(ScanIssue(file: name, kind: .unreadable, message: "object is missing")))
        }
        // Always consumed, so the next answer is read from the right place.
        guard parts[1] == "blob", size <= maxSize else {
            process.skip(size + 1)
            return (tag, .failure(parts[1] == "blob" ? .tooLarge(name, size: size, limit: maxSize) : .binary(name)))
        }
        if size > streamAbove {
            process.skip(size + 1)
            return (tag, BlobStream.open(blob: blob(tag), size: size, path: name, root: root))
        }
        guard var content = process.read(exactly: size + 1) else {
            return (tag, .failure(ScanIssue(file: name, kind: .unreadable, message: "git cat-file ended early")))
        }
        content.removeLast()
        return (tag, Self.classify(content, path: name, maxSize: maxSize, streamAbove: streamAbove))
    }

    /// The first line of a Git LFS pointer file: the content lives elsewhere, nothing to scan.
    static var lfsPointerPrefix: [UInt8] { Array("version https://git-lfs.github.com/spec/".utf8) }

    static func classify(_ content: [UInt8], path: String, maxSize: Int, streamAbove: Int) -> Result<
        FileInput, ScanIssue
    > {
        if content.count < 200 && content.starts(with: lfsPointerPrefix) {
            return .failure(ScanIssue(file: path, kind: .binary, message: "Git LFS pointer: not scanned"))
        }
        return FileReader.classify(content, path: path, maxSize: maxSize).map { .bytes($0) }
    }
}

/// A blob over the window threshold, read through `git cat-file blob` of its own as the
/// windowed scan asks (the first 8 KiB at once: a NUL there is a binary file, as for a file).
final class BlobStream: ByteStream, @unchecked Sendable {
    let path: String
    private let size: Int
    private let process: GitProcess
    private var pending: [UInt8]
    private var consumed: Int
    private(set) var failure: String?

    private init(path: String, size: Int, process: GitProcess, probe: [UInt8]) {
        self.path = path
        self.size = size
        self.process = process
        pending = probe
        consumed = probe.count
    }

    static func open(blob: String, size: Int, path: String, root: String) -> Result<FileInput, ScanIssue> {
        let process: GitProcess
        do {
            process = try GitProcess(["cat-file", "blob", blob], cwd: root)
            process.closeInput()
        } catch {
            return .failure(ScanIssue(file: path, kind: .unreadable, message: error.description))
        }
        let probe = process.read(exactly: min(size, FileReader.binaryProbe)) ?? []
        if FileReader.isBinary(probe[...]) { return .failure(.binary(path)) }
        return .success(.stream(BlobStream(path: path, size: size, process: process, probe: probe)))
    }

    var rawBytesRead: Int { consumed }

    func read(into buffer: inout [UInt8], count: Int) -> Bool {
        if !pending.isEmpty {
            buffer += pending
            pending = []
            return true
        }
        let want = min(max(1, count), size - consumed)
        guard want > 0, failure == nil else { return false }
        guard let bytes = process.read(exactly: want) else {
            failure = "git cat-file ended after \(consumed) of \(size) bytes"
            return false
        }
        consumed += want
        buffer += bytes
        return true
    }
}
