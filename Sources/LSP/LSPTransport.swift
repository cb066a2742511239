import Engine
import Glibc
import Lexing
import Model
import Session
import Support
import Suppression

/// Splits the LSP byte stream into message bodies: `Content-Length: N\r\n` (+ optional
/// `Content-Type`), a blank line, then N bytes. Pure (no I/O) so tests can feed it anything.
/// Bad input never stops it: it reports one framing error per bad stretch and resynchronises
/// at the next `Content-Length:` header.
struct LSPFrameReader {
    enum Event: Equatable {
        case message([UInt8])
        /// A frame that could not be read; answered with a JSON-RPC parse error (id null).
        case framingError(String)
    }

    /// A body larger than this is treated as a framing error rather than buffered forever.
    static let maxBodySize = 512 << 20
    /// A header block (everything before the blank line) is never this long in practice.
    static let maxHeaderSize = 8192
    private static let contentLength = Array("content-length:".utf8)
    private static let contentType = Array("content-type:".utf8)

    private var buffer: [UInt8] = []
    /// Start of unread bytes in `buffer` (compacted now and then, so reading stays linear).
    private var position = 0
    /// Inside garbage already reported: the rest of it is dropped silently.
    private var skippingGarbage = false

    mutating func feed(_ bytes: some Sequence<UInt8>) {
        if position > 0 && position >= buffer.count / 2 {
            buffer.removeFirst(position)
            position = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// True when no unread bytes are buffered.
    var isEmpty: Bool { position >= buffer.count }

    /// The next complete message or framing error, or nil when more bytes are needed.
    mutating func next() -> Event? {
        while position < buffer.count {
            // Whitespace between frames (a stray newline from a client) is harmless.
            if isSpace(buffer[position]) { position += 1; continue }
            let rest = buffer.count - position
            let startsLikeHeader =
                startsWith(Self.contentLength, at: position) || startsWith(Self.contentType, at: position)
            if !startsLikeHeader {
                // A prefix of a header name still arriving: wait for the rest.
                if rest < Self.contentLength.count
                    && (isPrefix(at: position, of: Self.contentLength) || isPrefix(at: position, of: Self.contentType))
                {
                    return nil
                }
                if let event = skipGarbage() { return event }
                continue
            }
            guard let headerEnd = findBlankLine(from: position) else {
                if rest > Self.maxHeaderSize { return reject(upTo: buffer.count, "header block without a blank line") }
                return nil
            }
            switch parseHeaders(position..<headerEnd.start) {
            case .failure(let problem):
                return reject(upTo: headerEnd.bodyStart, problem)
            case .success(let length):
                guard buffer.count - headerEnd.bodyStart >= length else { return nil }
                let body = Array(buffer[headerEnd.bodyStart..<headerEnd.bodyStart + length])
                position = headerEnd.bodyStart + length
                skippingGarbage = false
                return .message(body)
            }
        }
        return nil
    }

    /// Drops bytes up to the next `Content-Length:`; reports the first garbage of a run once.
    private mutating func skipGarbage() -> Event? {
        // Resynchronise at either header name, as `next()` accepts both: stopping only at
        // Content-Length made the result depend on how reads split the stream (a kept tail
        // could start at a Content-Type the whole-buffer search skipped). Found by fuzzing.
        let nextLength = find(Self.contentLength, from: position + 1)
        let found = find(Self.contentType, from: position + 1, before: nextLength) ?? nextLength
        // Keep a tail that may be the start of a header name split across reads.
        let dropEnd = found ?? max(position + 1, buffer.count - Self.contentLength.count + 1)
        let meaningful = buffer[position..<dropEnd].contains { !isSpace($0) }
        position = dropEnd
        if meaningful && !skippingGarbage {
            skippingGarbage = true
            return .framingError("expected a Content-Length header")
        }
        return nil
    }

    private mutating func reject(upTo end: Int, _ problem: String) -> Event {
        position = end
        skippingGarbage = true  // the body that follows a bad header is garbage too
        return .framingError(problem)
    }

    private enum HeaderResult { case success(Int), failure(String) }

    private func parseHeaders(_ range: Range<Int>) -> HeaderResult {
        let text = String(decoding: buffer[range], as: UTF8.self)
        var length: Int?
        for rawLine in text.split(
            omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        {
            guard let colon = rawLine.firstIndex(of: ":") else { return .failure("malformed header line") }
            let name = rawLine[..<colon].trimmingSpaces().lowercased()
            let value = rawLine[rawLine.index(after: colon)...].trimmingSpaces()
            if name == "content-length" {
                guard let n = Int(value), n >= 0 else { return .failure("Content-Length is not a number") }
                guard n <= Self.maxBodySize else { return .failure("Content-Length \(n) exceeds the limit") }
                length = n
            }
        }
        guard let length else { return .failure("missing Content-Length header") }
        return .success(length)
    }

    /// The first blank line at or after `from`: `\r\n\r\n`, or `\n\n` from lenient clients.
    private func findBlankLine(from: Int) -> (start: Int, bodyStart: Int)? {
        var i = from
        while i < buffer.count {
            if buffer[i] == 0x0A {
                if i + 1 < buffer.count && buffer[i + 1] == 0x0A { return (i, i + 2) }
                if i + 2 < buffer.count && buffer[i + 1] == 0x0D && buffer[i + 2] == 0x0A { return (i, i + 3) }
            }
            i += 1
        }
        return nil
    }

    /// First case-insensitive occurrence of `needle` starting in `from..<before` (default: anywhere).
    private func find(_ needle: [UInt8], from: Int, before: Int? = nil) -> Int? {
        guard needle.count <= buffer.count else { return nil }
        var i = from
        let limit = before ?? buffer.count
        while i < limit && i + needle.count <= buffer.count {
            if Self.lower(buffer[i]) == needle[0] && startsWith(needle, at: i) { return i }
            i += 1
        }
        return nil
    }

    private static func startsWith(_ needle: [UInt8], at i: Int, in buffer: [UInt8]) -> Bool {
        guard i + needle.count <= buffer.count else { return false }
        for k in 0..<needle.count where lower(buffer[i + k]) != needle[k] { return false }
        return true
    }

    private func startsWith(_ needle: [UInt8], at i: Int) -> Bool { Self.startsWith(needle, at: i, in: buffer) }

    /// Whether the unread bytes (fewer than the name's length) are a prefix of `name`.
    private func isPrefix(at i: Int, of name: [UInt8]) -> Bool {
        guard buffer.count - i <= name.count else { return false }
        for k in i..<buffer.count where Self.lower(buffer[k]) != name[k - i] { return false }
        return true
    }

    private static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
    private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}

private extension Substring {
    func trimmingSpaces() -> Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return s
    }
}

/// stdin/stdout with raw `read(2)`/`write(2)`: nothing buffered behind our back (a buffered
/// `print` to a pipe would hold a response until exit), and `poll(2)` tells whether more input
/// is already waiting (so diagnostics of a burst of edits are computed once, at the end).
struct StdioChannel {
    var input: Int32 = 0
    var output: Int32 = 1

    /// The next chunk of input, or nil at end of input (or an unrecoverable read error).
    func read() -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(input, $0.baseAddress, $0.count) }
            if n > 0 { return Array(chunk[0..<n]) }
            if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            return nil
        }
    }

    /// Whether input is waiting right now (without blocking).
    func hasPendingInput(timeoutMs: Int32 = 0) -> Bool {
        var fds = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
        return poll(&fds, 1, timeoutMs) > 0
    }

    /// Writes one framed message; returns false when the client is gone.
    @discardableResult
    func send(_ body: String) -> Bool {
        let payload = Array(body.utf8)
        return writeAll(Array("Content-Length: \(payload.count)\r\n\r\n".utf8) + payload)
    }

    private func writeAll(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(output, $0.baseAddress! + offset, bytes.count - offset) }
            if n > 0 { offset += n; continue }
            if n < 0 && errno == EINTR { continue }
            return false
        }
        return true
    }
}
