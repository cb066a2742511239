import Foundation
import Glibc
import Model
import Reporting
import Support

/// When a progress line is drawn: only for a person watching a terminal, never in a pipe, a
/// file or a CI log (`CI` set; `TERM=dumb` cannot rewrite a line), and only once the scan has
/// run long enough (about a second) that a line is worth the flicker.
enum ProgressPolicy {
    static let defaultDelay = 1.0

    static func enabled(stderrIsTerminal: Bool, environment: [String: String]) -> Bool {
        guard stderrIsTerminal else { return false }
        if let ci = environment["CI"], !ci.isEmpty, ci != "0", ci != "false" { return false }
        return environment["TERM"] != "dumb"
    }

    static func shouldDraw(elapsed: Double, delay: Double = defaultDelay) -> Bool { elapsed >= delay }

    /// `1,204 files, 38.2 MiB, 41.6 MB/s, 3 findings so far`
    static func line(_ snapshot: ScanProgress.Snapshot, elapsed: Double) -> String {
        let rate = elapsed > 0 ? Double(snapshot.bytes) / elapsed / 1_000_000 : 0
        let files = snapshot.files == 1 ? "file" : "files"
        let findings = snapshot.findings == 1 ? "finding" : "findings"
        return "scanning: \(snapshot.files) \(files), \(SummaryLine.formatBytes(snapshot.bytes)), "
            + String(format: "%.1f MB/s", rate) + ", \(snapshot.findings) \(findings) so far"
    }
}

/// The progress line on stderr: one line rewritten in place with `\r` every quarter second
/// after the delay, and cleared when the scan ends so the report starts on a clean line.
final class ProgressDisplay: @unchecked Sendable {
    let progress = ScanProgress()
    private let delay: Double
    private let stop = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    init(delay: Double) { self.delay = delay }

    /// A display when the policy allows one (stderr a terminal, not CI); else nil. The delay
    /// can be shortened for tests with `AUTHLINT_PROGRESS_DELAY_MS`.
    static func make(environment: [String: String]) -> ProgressDisplay? {
        guard ProgressPolicy.enabled(stderrIsTerminal: isatty(2) != 0, environment: environment) else { return nil }
        let delay = environment["AUTHLINT_PROGRESS_DELAY_MS"].flatMap(Double.init).map { $0 / 1000 }
        return ProgressDisplay(delay: delay ?? ProgressPolicy.defaultDelay)
    }

    /// Starts the clock and the drawing thread; `finish()` must follow.
    func begin() {
        Thread { self.run() }.start()
    }

    private func run() {
        let started = Date()
        var drawn = false
        while true {
            let elapsed = Date().timeIntervalSince(started)
            if ProgressPolicy.shouldDraw(elapsed: elapsed, delay: delay) {
                // Erase to end of line: a shorter line must not leave the tail of a longer one.
                _ = AtomicFile.writeAll(
                    2, Array(("\r" + ProgressPolicy.line(progress.snapshot, elapsed: elapsed) + "\u{1B}[K").utf8))
                drawn = true
            }
            let wait = ProgressPolicy.shouldDraw(elapsed: elapsed, delay: delay) ? 0.25 : max(0.01, delay - elapsed)
            if stop.wait(timeout: .now() + wait) == .success { break }
        }
        if drawn { _ = AtomicFile.writeAll(2, Array("\r\u{1B}[K".utf8)) }
        finished.signal()
    }

    /// Stops drawing and clears the line; returns once it is cleared.
    func finish() {
        stop.signal()
        finished.wait()
    }
}
