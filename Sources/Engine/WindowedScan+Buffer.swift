import Discovery
import Facts
import Lexing
import Model
import Prefilter
import Support
import Suppression

extension WindowedScan {
    // MARK: - the buffer

    var bufferEnd: Int { bufferStart + buffer.count }

    func byte(_ offset: Int) -> UInt8 { buffer[offset - bufferStart] }

    func fill(to end: Int) {
        while !atEnd && bufferEnd < end {
            if !stream.read(into: &buffer, count: max(1 << 20, end - bufferEnd)) { atEnd = true }
        }
    }

    /// A line starts at `offset`: the file's start, or just after LF, CRLF or a lone CR.
    func isLineStart(_ offset: Int) -> Bool {
        guard offset > 0 else { return true }
        guard offset - 1 >= bufferStart, offset - 1 < bufferEnd else { return false }
        switch byte(offset - 1) {
        case 0x0A: return true
        case 0x0D: return offset >= bufferEnd ? atEnd : byte(offset) != 0x0A
        default: return false
        }
    }

    /// The last line start in (low, high].
    func lastLineStart(after low: Int, upTo high: Int) -> Int? {
        // The break bytes that may end the line before it: at low ..< high (buffer indices).
        var q = high - 1
        while q >= low {
            let found: Int? = buffer.withUnsafeBufferPointer { buf in
                var i = q - bufferStart
                let stop = max(low, bufferStart) - bufferStart
                while i >= stop {
                    if buf[i] == 0x0A || buf[i] == 0x0D { return i + bufferStart }
                    i -= 1
                }
                return nil
            }
            guard let at = found else { return nil }
            if isLineStart(at + 1) { return at + 1 }
            q = at - 1
        }
        return nil
    }

    /// The last line start in (low, high] that follows an empty line (a paragraph break: cutting
    /// there splits fewer statements, blocks and header sets).
    func blankLineStart(after low: Int, upTo high: Int) -> Int? {
        var p = high
        while p > low {
            if isLineStart(p) {
                var q = p - 1  // the break before p
                if byte(q) == 0x0A && q - 1 >= bufferStart && byte(q - 1) == 0x0D { q -= 1 }
                if q - 1 >= max(bufferStart, low), byte(q - 1) == 0x0A || byte(q - 1) == 0x0D { return p }
            }
            p -= 1
        }
        return nil
    }

    /// Where a window inside a long line starts: a lexer starting there cannot know whether it is
    /// inside a string, so start just after a statement end (`;`), else a `,` or `}`, else a
    /// space: in minified code these are almost always outside strings.
    func midLineStart(from low: Int, before high: Int) -> Int? {
        for separators in [[UInt8(ascii: ";")], [UInt8(ascii: ","), UInt8(ascii: "}")], [UInt8(ascii: " ")]] {
            var p = low
            while p < high {
                if separators.contains(byte(p)) { return p + 1 }
                p += 1
            }
        }
        return nil
    }

    /// `offset`, moved back (at most 3 bytes, never to `low`) to the start of a UTF-8 character.
    func characterStart(_ offset: Int, above low: Int) -> Int {
        var p = offset
        while p > low + 1 && p > offset - 3 && p < bufferEnd && byte(p) & 0xC0 == 0x80 { p -= 1 }
        return p
    }
}
