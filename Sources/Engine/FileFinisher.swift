import Discovery
import Facts
import Lexing
import Model
import Prefilter
import Support
import Suppression

/// The end of every file's scan, whole or in windows: precedence between overlapping credential
/// rules, findings built (positions, redaction, fingerprints), then inline suppression. One
/// function for both scans, so their findings and fingerprints cannot drift apart.
enum FileFinisher {
    typealias DirectiveLookup = (_ rule: String, _ line: Int) -> InlineSuppressions.Directive?

    /// `owns`: the raw findings this file (or window) reports; `place`: moves a window's
    /// positions to the file's; `directive`: the inline directive that hides a finding, if any.
    static func finish(
        _ context: FileContext, settings: ScanSettings, occurrences: inout [String: Int],
        owns: (RawFinding) -> Bool = { _ in true }, place: (inout Finding) -> Void = { _ in },
        directive: DirectiveLookup, into outcome: inout ScanEngine.FileOutcome
    ) {
        let raw = CredentialPrecedence.preferSpecific(context.rawFindings).filter(owns)
        for var finding in FindingBuilder.build(
            raw, in: context.file, settings: settings, context: context, occurrences: &occurrences)
        {
            place(&finding)
            suppress(finding, directive: directive, into: &outcome)
        }
    }

    /// Files `finding` under `suppressed` (naming its directive's line) or `findings`.
    static func suppress(_ finding: Finding, directive: DirectiveLookup, into outcome: inout ScanEngine.FileOutcome) {
        var finding = finding
        if let found = directive(finding.rule, finding.line) {
            finding.suppressedBy = "inline:\(found.line)"
            outcome.suppressed.append(finding)
        } else {
            outcome.findings.append(finding)
        }
    }
}
