import Facts
import Model
import Prefilter

/// What a history scan asks before it derives a changed blob's findings from its parent's
/// instead of scanning it (`scan --history`, `HistoryDerivation` in Session).
extension ScanEngine {
    /// Whether `text` (lines of a file at `path`) holds a keyword that makes some rule run on
    /// that file, or an inline directive. A keywordless rule runs on every file: always true.
    package func wouldRunRules(on text: [UInt8], path: String) -> Bool {
        if keywordlessRules.contains(where: { plans[$0].check != nil && plans[$0].files.matches(path) }) {
            return true
        }
        for hit in prefilter.scan(text) {
            if hit.keyword == suppressionKeyword { return true }
            for ruleIndex in rulesByKeyword[hit.keyword] where plans[ruleIndex].check != nil {
                if let exact = plans[ruleIndex].exactKeywords,
                    !exact.contains(where: { $0.elementsEqual(text[hit.start..<hit.end]) })
                {
                    continue
                }
                if plans[ruleIndex].files.matches(path) { return true }
            }
        }
        return false
    }

    /// Whether a file's first bytes decide the same language (a shebang) and roles (a generated
    /// banner, a test-vector document) in two versions of the file at `path`.
    package static func sameHeadTraits(path: String, _ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
        // `SourceFile` detects the language from the first 256 bytes (a shebang only), `FileFacts.role` reads 512.
        let headA = a.prefix(512), headB = b.prefix(512)
        if headA.elementsEqual(headB) { return true }
        let shebang: [UInt8] = [0x23, 0x21]
        if headA.starts(with: shebang) || headB.starts(with: shebang) {
            guard
                Language.detect(path: path, firstBytes: headA.prefix(256))
                    == Language.detect(path: path, firstBytes: headB.prefix(256))
            else { return false }
        }
        // The roles a path gives are the same for both; what the head adds is what a path with
        // no role gets from it (roles are the union of the two).
        return FileRole(path: "x", head: headA) == FileRole(path: "x", head: headB)
    }
}
