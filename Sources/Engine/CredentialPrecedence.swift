import Discovery
import Facts
import Lexing
import Model
import Prefilter
import Support
import Suppression

/// Which rule speaks when several hardcoded-credential rules report the same value: each rule
/// file says how specific it is (`"precedence"`), and findings overlapping a more specific one
/// are dropped. The order is data; this type knows no rule id.
enum CredentialPrecedence {
    typealias Level = RuleDefinition.Precedence

    static func preferSpecific(_ findings: [RawFinding]) -> [RawFinding] {
        guard findings.contains(where: { $0.rule.category == .hardcodedCredential && $0.rule.precedence < .provider })
        else {
            return findings
        }
        var byLevel: [Level: [Range<Int>]] = [:]
        for finding in findings where finding.rule.category == .hardcodedCredential {
            byLevel[finding.rule.precedence, default: []].append(finding.secret ?? finding.range)
        }
        let levels = byLevel.keys.sorted()
        // Ranges of every level above each level.
        var above: [Level: Ranges] = [:]
        for level in levels { above[level] = Ranges(levels.filter { $0 > level }.flatMap { byLevel[$0]! }) }
        return findings.filter { finding in
            guard finding.rule.category == .hardcodedCredential else { return true }
            let range = finding.secret ?? finding.range
            return !(above[finding.rule.precedence]?.hit(range) ?? false)
        }
    }

    /// Credential ranges sorted by start with a running maximum of their ends: "does a
    /// higher-ranked range overlap this one" is then a binary search, not a pass over every
    /// finding (a generated file with thousands of findings made this quadratic).
    private struct Ranges {
        var starts: [Int] = []
        var maxEnd: [Int] = []  // max end over starts[0...i]
        init(_ ranges: [Range<Int>]) {
            for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
                starts.append(range.lowerBound)
                // Empty ranges overlap nothing (as `Range.overlaps`); they still match by start.
                maxEnd.append(max(maxEnd.last ?? Int.min, range.isEmpty ? Int.min : range.upperBound))
            }
        }
        /// Some range overlaps `range` or starts where it starts (empty ranges included).
        func hit(_ range: Range<Int>) -> Bool {
            var lo = 0, hi = starts.count  // first index with start >= range.upperBound
            while lo < hi {
                let mid = (lo + hi) / 2; if starts[mid] < range.upperBound { lo = mid + 1 } else { hi = mid }
            }
            if lo > 0 && maxEnd[lo - 1] > range.lowerBound && range.lowerBound < range.upperBound { return true }
            var a = 0, b = starts.count  // first index with start >= range.lowerBound
            while a < b { let mid = (a + b) / 2; if starts[mid] < range.lowerBound { a = mid + 1 } else { b = mid } }
            return a < starts.count && starts[a] == range.lowerBound
        }
    }
}
