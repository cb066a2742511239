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
        // `SourceFile` detects the language from the first 256 bytes, `FileFacts.role` reads 512.
        let headA = a.prefix(512), headB = b.prefix(512)
        if headA.elementsEqual(headB) { return true }
        return Language.detect(path: path, firstBytes: headA.prefix(256))
            == Language.detect(path: path, firstBytes: headB.prefix(256))
            && FileRole(path: path, head: headA) == FileRole(path: path, head: headB)
    }
}
