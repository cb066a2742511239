import Glibc
import Model
import Support

/// A large file read front to back in chunks, never whole: the same content `FileReader.read`
/// would give (UTF-16 with a BOM decoded to UTF-8, at most the size seen when it was opened).
/// Owns its descriptor; used by one worker at a time.
public final class FileStream: ByteStream, @unchecked Sendable {
    public let path: String
    /// Size on disk when opened (raw bytes, before any UTF-16 decoding).
    public let size: Int
    private let fd: Int32
    private var rawRead = 0
    /// Bytes already read by the binary/BOM probe, handed out first.
    private var pending: [UInt8]
    private let utf16: Bool
    private let littleEndian: Bool
    private var oddByte: UInt8?
    private var highSurrogate: UInt16?
    /// Set when a read failed part way (the scan keeps what it saw and reports this).
    public private(set) var failure: String?

    private init(fd: Int32, size: Int, path: String, probe: [UInt8]) {
        self.fd = fd
        self.size = size
        self.path = path
        rawRead = probe.count
        if probe.count >= 2 && ((probe[0] == 0xFF && probe[1] == 0xFE) || (probe[0] == 0xFE && probe[1] == 0xFF)) {
            utf16 = true
            littleEndian = probe[0] == 0xFF
            pending = []
            highSurrogate = nil
            pending = decode(Array(probe[2...]))
        } else {
            utf16 = false
            littleEndian = false
            pending = probe
        }
    }

    deinit { close(fd) }

    /// Raw bytes taken from the descriptor so far (the probe included).
    public var rawBytesRead: Int { rawRead }

    /// Standard input over the window threshold: `firstChunk` was already read; at most `limit`
    /// raw bytes are taken in all (so a caller can see that more than its limit arrived).
    static func standardInput(path: String, firstChunk: [UInt8], limit: Int) -> Result<FileStream, ScanIssue> {
        let isUTF16 =
            firstChunk.count >= 2
            && ((firstChunk[0] == 0xFF && firstChunk[1] == 0xFE) || (firstChunk[0] == 0xFE && firstChunk[1] == 0xFF))
        if !isUTF16 && FileReader.isBinary(firstChunk.prefix(FileReader.binaryProbe)) { return .failure(.binary(path)) }
        return .success(FileStream(fd: 0, size: limit, path: path, probe: firstChunk))
    }

    /// Reads the first 8 KiB: a NUL there (and no UTF-16 BOM) is a binary file, as for `classify`.
    static func start(fd: Int32, size: Int, path: String) -> Result<FileStream, ScanIssue> {
        let probe: [UInt8]
        switch FileReader.readUpTo(min(size, FileReader.binaryProbe), from: fd) {
        case .success(let read): probe = read
        case .failure(let error):
            close(fd)
            return .failure(ScanIssue(file: path, kind: .unreadable, message: "read failed: \(error)"))
        }
        let isUTF16 =
            probe.count >= 2 && ((probe[0] == 0xFF && probe[1] == 0xFE) || (probe[0] == 0xFE && probe[1] == 0xFF))
        if !isUTF16 && FileReader.isBinary(probe[...]) {
            close(fd)
            return .failure(.binary(path))
        }
        return .success(FileStream(fd: fd, size: size, path: path, probe: probe))
    }

    /// Appends up to about `count` more bytes of content to `buffer`; false at the end of the file.
    public func read(into buffer: inout [UInt8], count: Int) -> Bool {
        if !pending.isEmpty {
            buffer.append(contentsOf: pending)
            pending = []
            return true
        }
        let want = min(count, size - rawRead)
        guard want > 0, failure == nil else { return finish(into: &buffer) }
        var chunk = [UInt8](repeating: 0, count: want)
        var got = 0
        while true {
            got = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, want) }
            if got < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            break
        }
        if got < 0 { failure = "read failed after \(rawRead) bytes: \(String(cString: strerror(errno)))" }
        // Truncated while we read (or a read error): scan what is there.
        guard got > 0 else { return finish(into: &buffer) }
        rawRead += got
        if got < want { chunk.removeSubrange(got...) }
        buffer.append(contentsOf: utf16 ? decode(chunk) : chunk)
        return true
    }

    /// End of input: a dangling high surrogate decodes to U+FFFD, a lone odd byte is dropped
    /// (as `FileReader.decodeUTF16` does).
    private func finish(into buffer: inout [UInt8]) -> Bool {
        guard let high = highSurrogate else { return false }
        highSurrogate = nil
        buffer.append(contentsOf: Array(String(decoding: [high], as: UTF16.self).utf8))
        return true
    }

    /// UTF-16 code units → UTF-8, carrying an odd byte and a trailing high surrogate to the next chunk.
    private func decode(_ raw: [UInt8]) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(raw.count / 2 + 2)
        if let high = highSurrogate { units.append(high); highSurrogate = nil }
        var i = 0
        var bytes = raw
        if let odd = oddByte { bytes.insert(odd, at: 0); oddByte = nil }
        while i + 1 < bytes.count {
            units.append(
                littleEndian
                    ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
            i += 2
        }
        if i < bytes.count { oddByte = bytes[i] }
        if let last = units.last, (0xD800...0xDBFF).contains(last) { highSurrogate = units.removeLast() }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }
}

extension FileReader {
    /// Standard input as the file `path` (`--stdin-filename`), never read whole when large: up
    /// to `streamAbove` bytes come back in memory, more as a stream that stops after
    /// `maxSize + 1` bytes (the caller then reports the input as too large, as for a file).
    public static func standardInput(path: String, maxSize: Int, streamAbove: Int) -> Result<FileInput, ScanIssue> {
        let first: [UInt8]
        switch readUpTo(min(streamAbove, maxSize) + 1, from: 0) {
        case .success(let bytes): first = bytes
        case .failure(let error):
            return .failure(ScanIssue(file: path, kind: .unreadable, message: "cannot read standard input: \(error)"))
        }
        if first.count <= streamAbove { return classify(first, path: path, maxSize: maxSize).map { .bytes($0) } }
        let limit = maxSize == .max ? maxSize : maxSize + 1
        return FileStream.standardInput(path: path, firstChunk: first, limit: limit).map { .stream($0) }
    }
}
