import Discovery
import Facts
import Lexing
import Model
import Prefilter
import Support
import Suppression

/// Scans a file too large to hold whole (over `ScanSettings.windowThreshold`) window by window,
/// so memory stays bounded by the window (bytes, line index, tokens, facts) whatever the size.
///
/// The file is split into consecutive *owned* regions of about `windowBytes`, cut after a line
/// break (preferably a blank line); a line longer than the window is cut anywhere (at a UTF-8
/// character boundary, the next window starting after a `;` where it can). Each window is its owned region plus up to `windowMargin` bytes of the
/// text before and after it (cut at line starts where possible), and is scanned by the normal
/// per-file pipeline: prefilter, pattern rules, lexer, facts, structural rules. A window keeps
/// only the findings that start in its owned region, so a secret straddling a cut is found once,
/// by the window that owns its start, which sees at least `windowMargin` bytes past the cut.
/// Positions are shifted to the file's lines and columns; fingerprints count occurrences across
/// windows, so they are those a whole-file scan gives. Inline suppressions are collected per
/// window and apply across cuts (`ignore-next-line` on a window's last line, `ignore-file` in
/// the first 20 lines); a rule cut short by its time budget is not run on later windows.
///
/// Limits: a construct wider than the margin, or one the lexer cannot enter mid-way (a window
/// starting inside a block comment, heredoc, triple-quoted or template string, a Markdown code
/// fence), may be missed or misread near a cut. Rules that read whole-file context see only
/// their window: YAML/INI environment sections, and a project rule that reports once per file
/// reports once per window holding what it looks for.
final class WindowedScan {
    private let engine: ScanEngine
    let stream: any ByteStream
    private let windowBytes: Int
    private let margin: Int
    var buffer: [UInt8] = []
    /// File offset of `buffer[0]`.
    var bufferStart = 0
    var atEnd = false
    private var language: Language?
    private var outcome = ScanEngine.FileOutcome()
    private var occurrences: [String: Int] = [:]
    private var suppressions = CarriedSuppressions()
    private var timedOut: [String] = []
    private var unlexed: [String] = []

    init(engine: ScanEngine, stream: any ByteStream) {
        self.engine = engine
        self.stream = stream
        windowBytes = max(1024, engine.settings.windowBytes)
        margin = max(0, min(engine.settings.windowMargin, windowBytes))
    }

    /// One window: its bytes as a file, and where its first byte sits in the real file.
    struct Window {
        var file: SourceFile
        var start: Int
        var line: Int
        var column: Int
        /// Window (line, column) → file (line, column): only the first line is shifted sideways.
        func map(_ line: Int, _ column: Int) -> (line: Int, column: Int) {
            line == 1 ? (self.line, self.column + column - 1) : (self.line + line - 1, column)
        }
        /// `SourceFile.position`, counting the column over raw memory (a window may be one long line).
        func position(at offset: Int) -> (line: Int, column: Int) {
            let line = file.line(at: offset)
            var column = 1
            file.bytes.withUnsafeBufferPointer { buf in
                var i = file.lineStarts[line - 1]
                if line == 1 && start == 0 && buf.count >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF
                    && offset >= 3
                {
                    i = 3
                }
                let end = min(offset, buf.count)
                while i < end {
                    if buf[i] & 0xC0 != 0x80 { column += 1 }
                    i += 1
                }
            }
            return map(line, column)
        }
    }

    func run() -> ScanEngine.FileOutcome {
        var ownedStart = 0, windowStart = 0
        var ownedStartPosition = (line: 1, column: 1)
        var windowPosition = (line: 1, column: 1)
        while true {
            fill(to: ownedStart + windowBytes + margin + 1)
            let ownedEnd: Int, windowEnd: Int
            if atEnd && bufferEnd - ownedStart <= windowBytes + margin {
                ownedEnd = bufferEnd
                windowEnd = bufferEnd
            } else {
                let target = ownedStart + windowBytes
                ownedEnd =
                    blankLineStart(after: max(ownedStart, target - margin), upTo: target)
                    ?? lastLineStart(after: ownedStart, upTo: target)
                    ?? characterStart(target, above: ownedStart)
                windowEnd =
                    atEnd && bufferEnd <= ownedEnd + margin
                    ? bufferEnd
                    : lastLineStart(after: ownedEnd, upTo: ownedEnd + margin)
                        ?? characterStart(ownedEnd + margin, above: ownedEnd)
            }
            let bytes = Array(buffer[(windowStart - bufferStart)..<(windowEnd - bufferStart)])
            let window = Window(
                file: SourceFile(path: stream.path, bytes: bytes, language: language),
                start: windowStart, line: windowPosition.line, column: windowPosition.column)
            language = window.file.language
            let ownedEndPosition = window.position(at: ownedEnd - windowStart)
            scan(
                window, owned: ownedStart..<ownedEnd, from: ownedStartPosition, to: ownedEndPosition,
                startsLine: isLineStart(windowStart), endsMidLine: windowEnd < bufferEnd && !isLineStart(windowEnd))
            outcome.windows += 1
            outcome.unusedSuppressions += suppressions.flush(before: ownedEndPosition.line)
            if ownedEnd == bufferEnd && atEnd { break }
            // The next window starts at the first line start in the margin before its owned region.
            let low = max(ownedEnd - margin, windowStart)
            var next = low
            while next < ownedEnd && !isLineStart(next) { next += 1 }
            if !isLineStart(next) {
                next = midLineStart(from: low, before: ownedEnd) ?? characterStart(low, above: windowStart)
            }
            windowPosition = window.position(at: next - windowStart)
            ownedStartPosition = ownedEndPosition
            // Keep the byte before the window: it says whether the window starts a line.
            let keep = max(0, next - 1)
            buffer.removeSubrange(0..<(keep - bufferStart))
            bufferStart = keep
            windowStart = next
            ownedStart = ownedEnd
        }
        finish()
        return outcome
    }

    private func scan(
        _ window: Window, owned: Range<Int>, from ownedFrom: (line: Int, column: Int),
        to ownedTo: (line: Int, column: Int),
        startsLine: Bool, endsMidLine: Bool
    ) {
        let run = engine.runRules(window.file, skipping: Set(timedOut))
        let context = run.context
        for id in context.timedOutRules where !timedOut.contains(id) { timedOut.append(id) }
        for id in run.unlexedRules where !unlexed.contains(id) { unlexed.append(id) }
        if context.didLex { outcome.lexed = true }

        // Directives on lines that start in the owned region (so each is taken once).
        if run.hasSuppressions {
            let file = window.file
            for directive in InlineSuppressions(file: file).directives {
                let lineStart = file.lineStarts[directive.line - 1]
                guard directive.line > 1 || startsLine, owned.contains(window.start + lineStart) else { continue }
                // A directive cut off by the window's end would read as one for every rule.
                if endsMidLine && directive.line == file.lineCount,
                    let marker = ASCII.find(
                        InlineSuppressions.marker, in: file.bytes, from: max(lineStart, file.bytes.count - 256)),
                    marker >= lineStart
                {
                    continue
                }
                var shifted = directive
                shifted.line = window.map(directive.line, 1).line
                switch directive.scope {
                case .file:
                    guard shifted.line <= InlineSuppressions.fileDirectiveLineLimit else { continue }
                case .line(let line):
                    shifted.scope = .line(window.map(line, 1).line)
                }
                var note = engine.unusedSuppression(directive, in: file)
                note?.line = shifted.line
                note?.endLine = shifted.line
                if let endColumn = note?.endColumn { note?.endColumn = window.map(directive.line, endColumn).column }
                suppressions.add(shifted, note: note)
            }
        }

        let local = (owned.lowerBound - window.start)..<(owned.upperBound - window.start)
        FileFinisher.finish(
            context, settings: engine.settings, occurrences: &occurrences,
            owns: { local.contains($0.range.lowerBound) },
            place: { finding in
                (finding.line, finding.column) = window.map(finding.line, finding.column)
                (finding.endLine, finding.endColumn) = window.map(finding.endLine, finding.endColumn)
                for index in finding.related.indices {
                    let related = finding.related[index]
                    (finding.related[index].line, finding.related[index].column) = window.map(
                        related.line, related.column)
                    (finding.related[index].endLine, finding.related[index].endColumn) = window.map(
                        related.endLine, related.endColumn)
                }
            }, directive: { suppressions.directive(for: $0, line: $1) }, into: &outcome)
        for (id, observations) in run.observations {
            for var observation in observations {
                (observation.line, observation.column) = window.map(observation.line, observation.column)
                (observation.endLine, observation.endColumn) = window.map(observation.endLine, observation.endColumn)
                let at = (observation.line, observation.column)
                guard ownedFrom <= at && at < ownedTo else { continue }
                observation.suppressedBy = suppressions.directive(for: id, line: observation.line).map {
                    "inline:\($0.line)"
                }
                outcome.observations[id, default: []].append(observation)
            }
        }
    }

    private func finish() {
        outcome.bytes = bufferEnd
        // An ignore-file directive met after the first window (first lines longer than a window).
        let found = outcome.findings
        outcome.findings = []
        for finding in found {
            FileFinisher.suppress(finding, directive: { suppressions.directive(for: $0, line: $1) }, into: &outcome)
        }
        outcome.unusedSuppressions += suppressions.flush(before: .max)
        let path = stream.path
        if let failure = stream.failure {
            outcome.issues.append(ScanIssue(file: path, kind: .unreadable, message: failure))
        }
        for id in timedOut {
            outcome.issues.append(.ruleTimeout(path, rule: id, budget: engine.settings.ruleTimeBudgetSeconds))
        }
        if !unlexed.isEmpty {
            outcome.issues.append(
                .tokenRulesSkipped(
                    path, rules: unlexed,
                    why: "window larger than the lexing limit (\(engine.settings.maxLexBytes) bytes)"))
        }
    }
}
