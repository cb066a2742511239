import Glibc

/// File names are bytes; reports are UTF-8 text. Non-UTF-8 names get a display form with
/// `\xHH` escapes while their bytes are kept for opening.
public enum RawPath {
    package static func withCString<R>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> R) -> R {
        (bytes + [0]).withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { body($0) }
        }
    }

    /// The name as UTF-8 text, each byte of an invalid sequence written as `\xHH`.
    public static func displayName(_ bytes: [UInt8]) -> String {
        var clean = bytes
        UTF8Repair.replaceInvalid(&clean)  // invalid bytes -> `?`, one for one
        if clean == bytes { return PrintableText.escaped(String(decoding: bytes, as: UTF8.self)) }
        var out: [UInt8] = []
        for (b, c) in zip(bytes, clean) {
            if b != c { out += Array(PrintableText.hexEscape(b).utf8) } else { out.append(b) }
        }
        return PrintableText.escaped(String(decoding: out, as: UTF8.self))
    }
}
