import Discovery
import Facts
import Foundation
import Lexing
import Model
import Prefilter
import Support
import Suppression

/// Runs one `pattern` rule on one file: regex only on small windows around the rule's keyword
/// hits, then the secret checks (placeholder, entropy, allowlist, validator).
final class PatternRuleRunner: @unchecked Sendable {
    let rule: RuleDefinition
    private let validator: SecretValidators.Check?
    /// Bytes either side of a keyword hit that a window may reach, within the hit's line(s).
    static let windowReach = 2048
    /// Largest merged window (bytes): bounds one regex call, between which the budget is checked.
    static let maxMergedWindow = 16 * 1024

    /// Compiled on first use: most rules never see their keyword in a pre-commit run, and
    /// compiling every regex up front was a third of a single-file check's time. (The loader
    /// has already proved they compile.)
    private var compiled: (regex: NSRegularExpression, allowlist: [NSRegularExpression])?
    private let lock = NSLock()

    init(rule: RuleDefinition) {
        self.rule = rule
        self.validator = rule.validator.flatMap(SecretValidators.named)
    }

    private func expressions() -> (regex: NSRegularExpression, allowlist: [NSRegularExpression]) {
        lock.lock()
        defer { lock.unlock() }
        if let compiled { return compiled }
        // RuleLoader rejected rules whose expressions do not compile, so `try!` cannot fail here.
        let regex = try! NSRegularExpression(pattern: rule.pattern ?? "")
        let allowlist = rule.allowlist.compactMap { try? NSRegularExpression(pattern: $0) }
        compiled = (regex, allowlist)
        return (regex, allowlist)
    }

    func run(_ context: FileContext) {
        let (regex, allowlist) = expressions()
        let file = context.file
        var budget = TimeBudget(seconds: context.settings.ruleTimeBudgetSeconds)
        var reported = Set<Int>()  // match start offsets already reported (windows may overlap)
        for window in windows(file: file, hits: context.hits(for: rule)) {
            if budget.isSpent() {
                context.noteTimeout(rule.id)
                return
            }
            let text = WindowText(bytes: file.bytes, range: window)
            let ns = text.string as NSString
            var cutShort = false
            // .reportProgress: ICU calls back (match == nil) during a long match too, so a
            // catastrophically backtracking user regex (`(a+)+$` on "aaa…b") can be stopped at
            // the deadline instead of running for hours inside one match attempt. Built-in
            // patterns are reviewed and fuzzed, and the callback at every start position was a
            // quarter of their regex time, so they are checked between windows only.
            regex.enumerateMatches(
                in: text.string, options: rule.isBuiltin ? [] : [.reportProgress],
                range: NSRange(location: 0, length: ns.length)
            ) { [self] match, _, stop in
                if budget.isSpent() { cutShort = true; stop.pointee = true; return }
                guard let match else { return }
                let secretNS = secretRange(of: match)
                guard secretNS.location != NSNotFound,
                    let matchRange = text.byteRange(of: match.range),
                    let secretRange = text.byteRange(of: secretNS),
                    !reported.contains(secretRange.lowerBound)
                else { return }
                let secret = ns.substring(with: secretNS)[...]
                guard
                    accepts(secret: secret, at: secretRange.lowerBound, allowlist: allowlist, budget: &budget, context)
                else { return }
                reported.insert(secretRange.lowerBound)
                context.record(rule, RuleMatch(range: matchRange, secret: rule.isSecretless ? nil : secretRange))
            }
            if cutShort {
                context.noteTimeout(rule.id)
                return
            }
        }
    }

    /// The configured group, or the first capture group that took part, or the whole match.
    private func secretRange(of match: NSTextCheckingResult) -> NSRange {
        if let group = rule.secretGroup { return match.range(at: group) }
        for group in stride(from: 1, to: match.numberOfRanges, by: 1)
        where match.range(at: group).location != NSNotFound {
            return match.range(at: group)
        }
        return match.range
    }

    private func accepts(
        secret: Substring, at offset: Int, allowlist: [NSRegularExpression],
        budget: inout TimeBudget, _ context: FileContext
    ) -> Bool {
        if rule.placeholderCheck && Placeholder.isPlaceholder(secret) { return false }
        if rule.minEntropy > 0 && Entropy.shannon(secret) < rule.minEntropy { return false }
        if !allowlist.isEmpty && isAllowlisted(String(secret), allowlist, budget: &budget, context) { return false }
        if let validator, !validator(secret) { return false }
        if rule.skipComments && context.isInComment(offset) { return false }
        return true
    }

    /// True when an allowlist regex matches the secret. They run under the rule's budget (a user's
    /// `(a+)+$` on a long secret would otherwise run for hours); one cut short counts as "not
    /// allowlisted", so the finding is still reported, and the rule is named as cut short.
    private func isAllowlisted(
        _ secret: String, _ allowlist: [NSRegularExpression],
        budget: inout TimeBudget, _ context: FileContext
    ) -> Bool {
        let range = NSRange(location: 0, length: (secret as NSString).length)
        for allowed in allowlist {
            var matched = false, cutShort = false
            var local = budget  // the match block is escaping: it cannot capture the inout parameter
            allowed.enumerateMatches(in: secret, options: [.reportProgress], range: range) { match, _, stop in
                if local.isSpent() {
                    cutShort = true; stop.pointee = true
                } else if match != nil {
                    matched = true; stop.pointee = true
                }
            }
            budget = local
            if cutShort { context.noteTimeout(rule.id); return false }
            if matched { return true }
        }
        return false
    }

    /// Merged byte windows: each keyword hit widened to its line, at most `windowReach` each side.
    /// Hits close together merge, but a merged window stops growing at `maxMergedWindow`: thousands
    /// of repeated keywords once merged into one window as long as the line, and a lazy run at
    /// each of its start positions made the regex quadratic in it (100 KB of `datadog_` took 27 s;
    /// the budget, checked between windows, could not stop it). The next window then starts at its
    /// own hit's reach, overlapping the last, so every hit still sees its whole reach; matches
    /// found twice are dropped by start offset in `run`.
    private func windows(file: SourceFile, hits: [KeywordPrefilter.Hit]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        let reach = rule.windowReach ?? Self.windowReach
        // The line of the previous hit: dense hits share it, so most hits need no line lookup.
        var lineRange = 0..<0
        for hit in hits.sorted(by: { $0.start < $1.start }) {
            if !lineRange.contains(hit.start) { lineRange = file.lineRange(around: hit.start) }
            let lower = max(lineRange.lowerBound, hit.start - reach)
            let lineEnd: Int
            if rule.multiline {
                lineEnd = file.bytes.count
            } else if hit.end <= lineRange.upperBound {
                lineEnd = lineRange.upperBound
            } else {
                lineEnd = file.lineRange(around: max(hit.start, hit.end - 1)).upperBound
            }
            let upper = min(lineEnd, hit.end + reach)
            let window = lower..<max(lower, upper)
            if let last = result.last, window.lowerBound <= last.upperBound {
                if window.upperBound <= last.upperBound { continue }
                // A rule whose reach is itself near the cap (PKCS#12 stores: 16 KB) merges up to four
                // reaches: otherwise every later hit of a dense line would open a full window of its own.
                if window.upperBound - last.lowerBound <= max(Self.maxMergedWindow, 4 * reach) {
                    result[result.count - 1] = last.lowerBound..<window.upperBound
                    continue
                }
            }
            result.append(window)
        }
        return result
    }
}

/// A per-rule time limit that reads the clock only every 64th check: the match callback runs
/// for every match and progress report, and reading the clock there each time cost 2% of a scan.
struct TimeBudget {
    private let deadline: UInt64
    private var checks = 0
    private var spent = false

    init(seconds: Double) {
        deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, seconds) * 1e9)
    }

    mutating func isSpent() -> Bool {
        if spent { return true }
        checks &+= 1
        if checks & 63 == 1 { spent = DispatchTime.now().uptimeNanoseconds > deadline }
        return spent
    }
}

extension RuleDefinition {
    /// Said by the rule file, not guessed from the category: a category-wide guess left the
    /// group of any new transport or logging pattern unmasked (the engine still scrubs the line).
    var isSecretless: Bool { secretless }
}

/// A byte window as a String, with UTF-16 ranges mapped back to byte offsets. Invalid UTF-8
/// bytes are replaced one-for-one by `?` first, so offsets never drift.
struct WindowText {
    let string: String
    private let base: Int
    /// Byte offset (within the window) of each UTF-16 unit, plus one past the end.
    private let byteOffsetsByUTF16: [Int32]

    init(bytes: [UInt8], range: Range<Int>) {
        base = range.lowerBound
        var clean = Array(bytes[range])
        UTF8Repair.replaceInvalid(&clean)
        string = String(decoding: clean, as: UTF8.self)
        var byUTF16: [Int32] = []
        byUTF16.reserveCapacity(clean.count + 1)
        var i = 0
        while i < clean.count {
            let b = clean[i]
            let length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            byUTF16.append(Int32(i))
            if length == 4 { byUTF16.append(Int32(i)) }  // surrogate pair: two UTF-16 units
            i += length
        }
        byUTF16.append(Int32(clean.count))
        byteOffsetsByUTF16 = byUTF16
    }

    func byteRange(of range: NSRange) -> Range<Int>? {
        guard range.location != NSNotFound, range.location + range.length < byteOffsetsByUTF16.count else { return nil }
        let lower = Int(byteOffsetsByUTF16[range.location])
        let upper = Int(byteOffsetsByUTF16[range.location + range.length])
        return (base + lower)..<(base + upper)
    }
}
