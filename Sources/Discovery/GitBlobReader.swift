import Foundation
import Model
import Support

/// Reads blobs by object id through long-lived `git cat-file --batch-command` processes, one per
/// worker at a time (a pool), so blobs are inflated in parallel and no git is started per blob.
/// Content is classified as a work-tree file would be: over the size limit never read (its
/// process is dropped rather than drained), binary and Git LFS pointers skipped, blobs over the
/// window threshold handed over as a stream and scanned in windows.
public final class GitBlobReader: @unchecked Sendable {
    private let root: String
    private var idle: [GitProcess] = []
    private let lock = NSLock()

    public init(root: String) { self.root = root }

    /// The first line of a Git LFS pointer file: the content lives elsewhere, nothing to scan.
    static let lfsPointerPrefix = Array("version https://git-lfs.github.com/spec/".utf8)

    public func input(blob: String, path: String, maxSize: Int, streamAbove: Int) -> Result<FileInput, ScanIssue> {
        let process: GitProcess
        do { process = try take() } catch {
            return .failure(ScanIssue(file: path, kind: .unreadable, message: error.description))
        }
        let header: [UInt8]?
        do {
            try process.send(Array("contents \(blob)\n".utf8))
            header = process.read(until: UInt8(ascii: "\n"))
        } catch {
            return .failure(ScanIssue(file: path, kind: .unreadable, message: error.description))
        }
        let parts = header.map { String(decoding: $0, as: UTF8.self).split(separator: " ") } ?? []
        guard parts.count == 3, parts[1] == "blob", let size = Int(parts[2]), size >= 0 else {
            if parts.count == 2 && parts[1] == "missing" { give(process) }
            return .failure(
                ScanIssue(file: path, kind: .unreadable, message: "object \(blob.prefix(12)) is missing or not a blob"))
        }
        // Too large: never read; the process still owes those bytes, so it is dropped.
        guard size <= maxSize else { return .failure(.tooLarge(path, size: size, limit: maxSize)) }
        if size > streamAbove {
            let stream = BlobStream(path: path, size: size, process: process, reader: self)
            let probe = stream.probe(FileReader.binaryProbe)
            let utf16 =
                probe.count >= 2 && (probe[0] == 0xFF && probe[1] == 0xFE || probe[0] == 0xFE && probe[1] == 0xFF)
            if !utf16 && FileReader.isBinary(probe[...]) {
                stream.drain()
                return .failure(.binary(path))
            }
            return .success(.stream(stream))
        }
        guard let bytes = process.read(exactly: size + 1) else {
            return .failure(ScanIssue(file: path, kind: .unreadable, message: "git cat-file ended early"))
        }
        give(process)
        let content = Array(bytes.dropLast())
        if content.count < 200 && content.starts(with: Self.lfsPointerPrefix) {
            return .failure(ScanIssue(file: path, kind: .binary, message: "Git LFS pointer: not scanned"))
        }
        return FileReader.classify(content, path: path, maxSize: maxSize).map { .bytes($0) }
    }

    private func take() throws(Git.Failure) -> GitProcess {
        lock.lock()
        let process = idle.popLast()
        lock.unlock()
        if let process { return process }
        return try GitProcess(["cat-file", "--batch-command"], cwd: root)
    }

    fileprivate func give(_ process: GitProcess) {
        lock.lock(); defer { lock.unlock() }
        idle.append(process)
    }

    /// Ends every idle process (each sees the end of its input and exits).
    public func close() {
        lock.lock()
        let processes = idle
        idle = []
        lock.unlock()
        for process in processes { try? process.finish() }
    }
}

/// A blob over the window threshold, read from its cat-file process as the windowed scan asks;
/// the process goes back to the pool once the blob and its trailing newline are consumed.
final class BlobStream: ByteStream, @unchecked Sendable {
    let path: String
    private let size: Int
    private var process: GitProcess?
    private weak var reader: GitBlobReader?
    private var pending: [UInt8] = []
    private var consumed = 0
    private(set) var failure: String?

    init(path: String, size: Int, process: GitProcess, reader: GitBlobReader) {
        self.path = path
        self.size = size
        self.process = process
        self.reader = reader
    }

    var rawBytesRead: Int { consumed }

    /// The first `count` bytes, kept to be handed out first.
    func probe(_ count: Int) -> [UInt8] {
        if pending.isEmpty { pending = take(min(count, size)) }
        return pending
    }

    func read(into buffer: inout [UInt8], count: Int) -> Bool {
        if !pending.isEmpty {
            buffer += pending
            pending = []
            return true
        }
        let chunk = take(min(count, size - consumed))
        buffer += chunk
        return !chunk.isEmpty
    }

    /// Reads (and drops) the rest, so the process can answer the next request.
    func drain() {
        while consumed < size, !take(min(1 << 20, size - consumed)).isEmpty {}
    }

    private func take(_ count: Int) -> [UInt8] {
        guard count > 0, let process else { return [] }
        guard let bytes = process.read(exactly: count) else {
            failure = "git cat-file ended after \(consumed) of \(size) bytes"
            self.process = nil
            return []
        }
        consumed += count
        if consumed == size {
            // The newline after the content; then the process is free for the next blob.
            if process.read(exactly: 1) != nil { reader?.give(process) }
            self.process = nil
        }
        return bytes
    }
}
