import Discovery
import Facts
import Lexing
import Model
import Prefilter
import Support
import Suppression

/// Turns raw findings into reportable ones: positions, a one-line snippet with every secret
/// redacted, and a fingerprint that is stable when lines move and never an offline oracle for
/// the secret (see `FingerprintKey`).
///
/// Redaction is the engine's invariant, not a rule's choice: whatever rule reported, the snippet
/// masks the rule's secret, every credential span the file's facts know (`SecretSpans`) and
/// everything the text scrubbers recognise (`Redaction.scrub`). A rule can widen the mask, never
/// narrow it.
enum FindingBuilder {
    static let snippetLimit = 160
    /// Bytes of line context either side of a match that go into its fingerprint.
    static let fingerprintContext = 256

    static func build(_ raw: [RawFinding], in file: SourceFile, settings: ScanSettings, context: FileContext?)
        -> [Finding]
    {
        var occurrences: [String: Int] = [:]
        return build(raw, in: file, settings: settings, context: context, occurrences: &occurrences)
    }

    /// `occurrences` counts matches seen so far in the file, so a file scanned in windows (in
    /// order) gets the fingerprints a whole-file scan would give.
    static func build(
        _ raw: [RawFinding], in file: SourceFile, settings: ScanSettings, context: FileContext?,
        occurrences: inout [String: Int]
    ) -> [Finding] {
        guard !raw.isEmpty else { return [] }
        let spans = context.map { secretSpans(of: $0) } ?? SecretSpans(ranges: [])
        let key = settings.fingerprintKey
        let ordered = raw.sorted { ($0.range.lowerBound, $0.rule.id) < ($1.range.lowerBound, $1.rule.id) }
        var findings: [Finding] = []
        var seen = Set<String>()
        // Findings carry the file's role; rules cap severities by it; the settings lower some.
        let roles = RuleDefinition.FileRoleName.names(of: context?.role ?? FileContext.role(of: file, settings))
        let demoBlock = FileRole.packageDemoBlock(in: file)
        for item in ordered {
            // A package module's `__main__` demo is documentation, whatever the file is.
            var roles = roles
            if let demoBlock, demoBlock.contains(item.range.lowerBound) { roles.insert(.documentation) }
            let role = RuleDefinition.FileRoleName.primary(of: roles)
            // Two paths to the same finding (overlapping windows, repeated facts) report once.
            let identity = "\(item.rule.id)#\(item.range.lowerBound)#\(item.range.upperBound)"
            guard seen.insert(identity).inserted else { continue }
            let start = file.position(at: item.range.lowerBound)
            let end = file.position(at: max(item.range.lowerBound, item.range.upperBound))
            let texts = cachedTexts(item, file: file, spans: spans, settings: settings)
            let parts = [item.rule.id, file.path, texts.context, texts.secretPart]
            let occurrenceKey = parts.joined(separator: "\u{0}")
            let occurrence = occurrences[occurrenceKey, default: 0]
            occurrences[occurrenceKey] = occurrence + 1
            var finding =
                Finding(
                    rule: item.rule.id, category: item.rule.category,
                    severity: severity(item, in: roles, lowering: settings.lowerSeverityIn),
                    file: file.path,
                    line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
                    message: item.message,
                    snippet: texts.snippet,
                    fingerprint: key.fingerprint(parts + [String(occurrence)]),
                    related: item.related.map { related in
                        let from = file.position(at: related.range.lowerBound)
                        let to = file.position(at: max(related.range.lowerBound, related.range.upperBound))
                        return RelatedLocation(
                            file: file.path, line: from.line, column: from.column, endLine: to.line,
                            endColumn: to.column, message: related.message)
                    })
            finding.role = role
            findings.append(finding)
        }
        return findings
    }

    /// The rule's severity for the finding: capped by its rule file's `severityIn` for the file's
    /// roles; otherwise one step lower in a file of a `lowering` role. A rule's own cap is its
    /// decision for that role, so the two never add up.
    static func severity(
        _ item: RawFinding, in roles: Set<RuleDefinition.FileRoleName>, lowering: Set<RuleDefinition.FileRoleName>
    ) -> Severity {
        var severity = item.severity
        var capped = false
        for role in roles {
            if let cap = item.rule.severityIn[role] {
                severity = min(severity, cap)
                capped = true
            }
        }
        guard !capped, !roles.isDisjoint(with: lowering) else { return severity }
        switch severity {
        case .error: return .warning
        case .warning, .note: return .note
        }
    }

    private static let secretSpansKey = FactKey<SecretSpans>("secretSpans")
    /// Once per file (facts memoise it), and only for files with a finding.
    static func secretSpans(of context: FileContext) -> SecretSpans {
        context.facts.memo(secretSpansKey) {
            SecretSpans(facts: context.facts, credentialHeaders: context.settings.credentialHeaders)
        }
    }

    /// The snippet and the fingerprint's secret-free parts, from the cache when the same bytes,
    /// spans and rule were met before (the same finding in another version of a file).
    private static func cachedTexts(_ item: RawFinding, file: SourceFile, spans: SecretSpans, settings: ScanSettings)
        -> FindingTextCache.Texts
    {
        let context = contextRange(item, file: file)
        let snippetSpans = spans.within(item.range, adding: item.secret)
        let contextSpans = spans.within(context, adding: item.secret)
        let start = max(0, min(context.lowerBound, item.range.lowerBound))
        let end = min(file.bytes.count, max(start, context.upperBound, item.range.upperBound))
        func relative(_ range: Range<Int>) -> Range<Int> { (range.lowerBound - start)..<(range.upperBound - start) }
        let key = FindingTextCache.Key(
            rule: item.rule.id, bytes: Array(file.bytes[start..<end]), match: relative(item.range),
            context: relative(context), secret: item.secret.map(relative), snippetSpans: snippetSpans.map(relative),
            contextSpans: contextSpans.map(relative), showSecrets: settings.showSecrets,
            fingerprintKey: settings.fingerprintKey)
        return FindingTextCache.shared.texts(for: key) {
            let match = normalised(file.text(item.range))
            let fingerprintKey = settings.fingerprintKey
            return FindingTextCache.Texts(
                snippet: snippet(item, file: file, spans: snippetSpans, showSecrets: settings.showSecrets),
                context: secretFreeContext(context, file: file, spans: contextSpans),
                secretPart: fingerprintKey.coversSecrets ? match : fingerprintKey.secretTag(item.rule.id, match))
        }
    }

    /// The matched text on one line, every secret (`spans`, from `SecretSpans.within` the match)
    /// replaced by its redacted form.
    private static func snippet(_ item: RawFinding, file: SourceFile, spans: [Range<Int>], showSecrets: Bool)
        -> String
    {
        var text =
            showSecrets
            ? file.text(item.range)
            : masked(item.range, spans: spans, file: file) { Redaction.redact($0) }
        if let newline = text.firstIndex(where: { $0 == "\n" || $0 == "\r" }) {
            text = String(text[..<newline]) + " …"
        }
        text = text.trimmingCharacters(in: .whitespaces)
        if !showSecrets { text = Redaction.scrub(text) }
        if text.count > snippetLimit { text = String(text.prefix(snippetLimit)) + "…" }
        return text
    }

    /// What the fingerprint hashes instead of the secret: the match with some line context,
    /// every secret span masked to nothing (not even its length survives), whitespace normalised.
    /// `spans`: the secret spans within `context` (`SecretSpans.within`).
    private static func secretFreeContext(_ context: Range<Int>, file: SourceFile, spans: [Range<Int>]) -> String {
        let text = masked(context, spans: spans, file: file) { _ in Redaction.fingerprintMask }
        return normalised(Redaction.scrub(text) { _ in Redaction.fingerprintMask })
    }

    /// The match's lines, at most `fingerprintContext` bytes either side of it.
    private static func contextRange(_ item: RawFinding, file: SourceFile) -> Range<Int> {
        let firstLine = file.lineRange(file.line(at: item.range.lowerBound))
        let lastLine = file.lineRange(file.line(at: max(item.range.lowerBound, item.range.upperBound - 1)))
        let lower = max(firstLine.lowerBound, item.range.lowerBound - fingerprintContext)
        let upper = max(lower, min(lastLine.upperBound, item.range.upperBound + fingerprintContext))
        return lower..<upper
    }

    private static func masked(
        _ range: Range<Int>, spans: [Range<Int>], file: SourceFile, mask: (Substring) -> String
    ) -> String {
        var text = ""
        var at = range.lowerBound
        for span in spans {
            text += file.text(at..<span.lowerBound)
            text += mask(file.text(span)[...])
            at = span.upperBound
        }
        return text + file.text(at..<range.upperBound)
    }

    private static func normalised(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

extension RuleDefinition.FileRoleName {
    /// The names a file of `role` answers to.
    static func names(of role: FileRole) -> Set<RuleDefinition.FileRoleName> {
        var names: Set<RuleDefinition.FileRoleName> = []
        if role.isTestCode { names.insert(.test) }
        if role.contains(FileRole.fixture) { names.insert(.fixture) }
        if role.contains(FileRole.documentation) { names.insert(.documentation) }
        if role.contains(FileRole.generated) { names.insert(.generated) }
        if role.contains(FileRole.vendored) { names.insert(.vendored) }
        return names
    }
}
