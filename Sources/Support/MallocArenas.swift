import Glibc

/// glibc gives threads their own malloc arenas (up to 8 per core) and keeps what a thread frees
/// in its arena: memory one scan worker freed (a large file's bytes and tokens) was not reused by
/// the other, and peak RSS on the bench corpus sat at 93–101 MB. One arena per core: 81 MB,
/// same CPU time (bench/README.md, session 8).
package enum MallocArenas {
    /// `M_ARENA_MAX` in glibc's `<malloc.h>`, which the Glibc module does not import.
    private static let arenaMaxParameter: Int32 = -8

    /// Caps the arenas at the number of online cores. Call before the process starts threads.
    /// Returns false when the C library has no `mallopt` or refused the setting (the scan
    /// still runs, with the library's default).
    @discardableResult
    package static func limitToCores() -> Bool {
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return false }
        let cores = max(1, min(sysconf(Int32(_SC_NPROCESSORS_ONLN)), 1024))
        return unsafeBitCast(symbol, to: Mallopt.self)(arenaMaxParameter, Int32(cores)) == 1
    }
}
