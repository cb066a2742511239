import Glibc
import Model
import Support

/// Reads one file as bytes, never blocking on FIFOs or devices, and sorts out what cannot be
/// scanned: non-regular files, files over the size limit, binary files.
public enum FileReader {
    public static let binaryProbe = 8 * 1024

    public static func read(path: String, maxSize: Int) -> Result<[UInt8], ScanIssue> {
        read(rawPath: Array(path.utf8), display: path, maxSize: maxSize)
    }

    /// Opens `rawPath` (the name's real bytes) and reports problems under `display`.
    public static func read(rawPath: [UInt8], display path: String, maxSize: Int) -> Result<[UInt8], ScanIssue> {
        openRegular(rawPath: rawPath, display: path, maxSize: maxSize).flatMap { fd, size in
            defer { close(fd) }
            return readWhole(fd: fd, size: size, path: path, maxSize: maxSize)
        }
    }

    /// Like `read`, but a file over `streamAbove` bytes is not read: it comes back as a
    /// `FileStream` (which owns the open descriptor) for the engine to scan window by window.
    public static func input(rawPath: [UInt8], display path: String, maxSize: Int, streamAbove: Int) -> Result<
        FileInput, ScanIssue
    > {
        openRegular(rawPath: rawPath, display: path, maxSize: maxSize).flatMap { fd, size in
            guard size > streamAbove else {
                defer { close(fd) }
                return readWhole(fd: fd, size: size, path: path, maxSize: maxSize).map { .bytes($0) }
            }
            return FileStream.start(fd: fd, size: size, path: path).map { .stream($0) }
        }
    }

    /// An open descriptor and the size of a regular file within `maxSize`; the caller closes it.
    /// O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then rejects it.
    private static func openRegular(rawPath: [UInt8], display path: String, maxSize: Int) -> Result<
        (fd: Int32, size: Int), ScanIssue
    > {
        let fd = RawPath.withCString(rawPath) { open($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }
        guard fd >= 0 else {
            return .failure(
                ScanIssue(file: path, kind: .unreadable, message: "cannot open: \(String(cString: strerror(errno)))"))
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let message = "cannot stat: \(String(cString: strerror(errno)))"
            close(fd)
            return .failure(ScanIssue(file: path, kind: .unreadable, message: message))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd); return .failure(ScanIssue(file: path, kind: .notRegular, message: "not a regular file"))
        }
        let size = Int(info.st_size)
        guard size <= maxSize else { close(fd); return .failure(.tooLarge(path, size: size, limit: maxSize)) }
        return .success((fd, size))
    }

    public static func input(path: String, maxSize: Int, streamAbove: Int) -> Result<FileInput, ScanIssue> {
        input(rawPath: Array(path.utf8), display: path, maxSize: maxSize, streamAbove: streamAbove)
    }

    private static func readWhole(fd: Int32, size: Int, path: String, maxSize: Int) -> Result<[UInt8], ScanIssue> {
        let bytes: [UInt8]
        switch readUpTo(size, from: fd) {
        case .success(let read): bytes = read  // shorter when truncated while we read: scan what is there
        case .failure(let message):
            return .failure(ScanIssue(file: path, kind: .unreadable, message: "read failed: \(message)"))
        }
        return classify(bytes, path: path, maxSize: maxSize)
    }

    /// What every input source (files, the git index) applies to content before scanning: the
    /// size limit, UTF-16 decoding, and the binary check.
    public static func classify(_ bytes: [UInt8], path: String, maxSize: Int) -> Result<[UInt8], ScanIssue> {
        guard bytes.count <= maxSize else { return .failure(.tooLarge(path, size: bytes.count, limit: maxSize)) }
        if let decoded = decodeUTF16(bytes) { return .success(decoded) }
        if isBinary(bytes.prefix(binaryProbe)) { return .failure(.binary(path)) }
        return .success(bytes)
    }

    public static func isBinary(_ bytes: ArraySlice<UInt8>) -> Bool { bytes.contains(0) }

    /// UTF-16 LE/BE with a BOM → UTF-8 (so lines and columns come out right).
    static func decodeUTF16(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 2 else { return nil }
        let littleEndian: Bool
        if bytes[0] == 0xFF && bytes[1] == 0xFE {
            littleEndian = true
        } else if bytes[0] == 0xFE && bytes[1] == 0xFF {
            littleEndian = false
        } else {
            return nil
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            units.append(
                littleEndian
                    ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
            i += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }
}

extension FileReader {
    /// A config, baseline or rule file: a regular file within `limit` bytes, or why not.
    /// (FileManager.contents(atPath:) reads `/dev/zero` or a FIFO forever.)
    public static func readSettingsFile(_ path: String, limit: Int = 256 * 1024 * 1024) -> Result<[UInt8], ReadError> {
        read(path: path, maxSize: limit).mapError { ReadError(description: $0.message) }
    }

    public struct ReadError: Error, CustomStringConvertible { public let description: String }

    /// Up to `count` bytes from `fd` (fewer at the end of the file), retrying interrupted reads.
    static func readUpTo(_ count: Int, from fd: Int32) -> Result<[UInt8], ReadError> {
        // Uninitialized capacity: standard input asks for 2 MiB + 1 and usually gets a few KiB,
        // and zeroing the buffer first cost a short scan 2 M instructions (and the page faults).
        var failure: ReadError?
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var total = 0
            while total < count {
                let n = Glibc.read(fd, buffer.baseAddress! + total, count - total)
                if n < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    failure = ReadError(description: String(cString: strerror(errno)))
                    break
                }
                if n == 0 { break }
                total += n
            }
            initialized = total
        }
        if let failure { return .failure(failure) }
        return .success(bytes)
    }
}

extension ScanIssue {
    static func binary(_ path: String) -> ScanIssue {
        ScanIssue(file: path, kind: .binary, message: "binary file (NUL byte in the first 8 KiB)")
    }

    static func tooLarge(_ path: String, size: Int, limit: Int) -> ScanIssue {
        ScanIssue(file: path, kind: .tooLarge, message: "larger than --max-file-size (\(size) > \(limit) bytes)")
    }
}
