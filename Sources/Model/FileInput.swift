import Support

/// What a loader hands the engine: a file's bytes, or, for a file too large to hold (over
/// `ScanSettings.windowThreshold`), an open stream the engine scans window by window.
public enum FileInput: Sendable {
    case bytes([UInt8])
    case stream(any ByteStream)
}

/// A large file read front to back in chunks, never whole (`FileStream` reads one from disk or
/// standard input). The engine sees only this, so it does not depend on Discovery.
public protocol ByteStream: AnyObject, Sendable {
    /// The path findings are reported under.
    var path: String { get }
    /// Set when a read failed part way (the scan keeps what it saw and reports this).
    var failure: String? { get }
    /// Bytes taken from the source so far (before any decoding).
    var rawBytesRead: Int { get }
    /// Appends up to `count` more bytes to `buffer`; false at the end.
    func read(into buffer: inout [UInt8], count: Int) -> Bool
}

/// A file found by the walk (or named by a loader), as the engine's workers receive it.
public struct WalkedFile: Sendable, Equatable {
    package init(path: String, size: Int, rawPath: [UInt8]? = nil) {
        self.path = path; self.size = size; self.rawPath = rawPath
    }
    /// Display path: as given on the command line, joined with the path below it. Bytes of a
    /// name that are not UTF-8 appear as `\xHH` here (reports stay valid UTF-8 and JSON).
    public var path: String
    public var size: Int
    /// The path's real bytes, when they differ from `path` (a non-UTF-8 name): open this one.
    public var rawPath: [UInt8]? = nil
}
