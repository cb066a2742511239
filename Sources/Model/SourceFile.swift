import Support

/// One file's bytes plus what every stage needs to know about it. Lines and columns are computed
/// from bytes, so invalid UTF-8, CRLF or a BOM never shift them: `line` is 1-based, `column` is
/// 1-based and counts Unicode scalars (a tab or a multi-byte character is one column).
public final class SourceFile: @unchecked Sendable {
    /// Path as reported (relative to the current directory where possible).
    public let path: String
    public let bytes: [UInt8]
    public let language: Language
    /// Finer name inside the family: "swift", "go", "js", "python", ...
    public let dialect: Dialect
    /// Byte offset of the first byte of each line. Line N (1-based) starts at `lineStarts[N-1]`.
    /// Built on first use: most files have no finding and never need it. A file is handled by
    /// one thread at a time, so the lazy build needs no lock.
    public var lineStarts: [Int] {
        if let cachedLineStarts { return cachedLineStarts }
        let starts = SourceFile.computeLineStarts(bytes)
        cachedLineStarts = starts
        return starts
    }
    private var cachedLineStarts: [Int]?

    /// `language` and `dialect`, when given, are what detection from `path` (and the first
    /// bytes) gives: a caller that meets one path many times detects them once.
    public init(path: String, bytes: [UInt8], language: Language? = nil, dialect: Dialect? = nil) {
        self.path = path
        self.bytes = bytes
        self.language = language ?? Language.detect(path: path, firstBytes: bytes.prefix(256))
        self.dialect = dialect ?? Dialect(path: path)
    }

    /// Line breaks are LF, CRLF (one break) and a lone CR.
    package static func computeLineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        bytes.withUnsafeBufferPointer { buf in
            var i = 0
            let n = buf.count
            while i < n {
                let b = buf[i]
                if b == 0x0A {
                    starts.append(i + 1)
                } else if b == 0x0D {
                    if i + 1 < n && buf[i + 1] == 0x0A { i += 1 }
                    starts.append(i + 1)
                }
                i += 1
            }
        }
        return starts
    }

    /// 1-based line containing byte `offset`.
    public func line(at offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }

    /// (line, column), both 1-based; the column counts Unicode scalars from the line start
    /// (UTF-8 continuation bytes do not start a column). A BOM on line 1 is not a column.
    public func position(at offset: Int) -> (line: Int, column: Int) {
        let line = line(at: offset)
        var start = lineStarts[line - 1]
        if line == 1 && bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF && offset >= 3 {
            start = 3
        }
        var column = 1
        var i = start
        let end = min(offset, bytes.count)
        while i < end {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        // Continuation bytes of the last character were skipped; correct when offset sits after them.
        return (line, column)
    }

    /// Byte range of line N (1-based) without its line break.
    public func lineRange(_ line: Int) -> Range<Int> {
        guard line >= 1 && line <= lineStarts.count else { return 0..<0 }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start && (bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D) { end -= 1 }
        return start..<end
    }

    /// `lineRange(line(at: offset))`, found by scanning the bytes around `offset` instead of
    /// building the line index: most files get a regex window around a keyword hit and never a
    /// finding, and the index was 1 % of a scan. Only for an offset not on a line break.
    package func lineRange(around offset: Int) -> Range<Int> {
        guard offset >= 0, offset < bytes.count, bytes[offset] != 0x0A, bytes[offset] != 0x0D else {
            return lineRange(line(at: offset))
        }
        return bytes.withUnsafeBufferPointer { buf in
            var start = offset, end = offset
            while start > 0 && buf[start - 1] != 0x0A && buf[start - 1] != 0x0D { start -= 1 }
            while end < buf.count && buf[end] != 0x0A && buf[end] != 0x0D { end += 1 }
            return start..<end
        }
    }

    public func lineText(_ line: Int) -> String {
        String(decoding: bytes[lineRange(line)], as: UTF8.self)
    }

    public func text(_ range: Range<Int>) -> String {
        let r = max(0, range.lowerBound)..<min(bytes.count, range.upperBound)
        guard r.lowerBound < r.upperBound else { return "" }
        return String(decoding: bytes[r], as: UTF8.self)
    }

    public var lineCount: Int { lineStarts.count }
}
